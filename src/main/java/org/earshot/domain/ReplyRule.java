package org.earshot.domain;

import java.util.regex.Pattern;

/**
 * Every rule a reply is checked against, and every notice a draft carries, by its stable id and kind.
 * {@code oldText} (a regular expression matched at the start) recognises the rule in a warning stored as a
 * plain line before warnings had kinds.
 */
public enum ReplyRule {
    PROMISE_OUTSIDE_POLICY("promise-outside-policy", Warning.Kind.HARD, "promises '"),
    ADMITS_FAULT("admits-fault", Warning.Kind.HARD, "admits fault "),
    /** An incident's statement longer than one post on a channel it goes to: the platform would refuse it. */
    STATEMENT_LENGTH("statement-length", Warning.Kind.HARD, "the statement has \\d+ characters"),

    EMPTY("empty", Warning.Kind.SOFT, "the reply is empty"),
    USES_NAME("uses-name", Warning.Kind.SOFT, "does not use the person's name"),
    NAMES_PROBLEM("names-problem", Warning.Kind.SOFT, "does not name the problem"),
    STOCK_PHRASE("stock-phrase", Warning.Kind.SOFT, "stock phrase '"),
    ANY_INCONVENIENCE("any-inconvenience", Warning.Kind.SOFT, "the only apology is 'sorry for any inconvenience'"),
    DM_ONLY("dm-only", Warning.Kind.SOFT, "'please DM us' is the whole answer"),
    YES_NO("yes-no", Warning.Kind.SOFT, "a bare yes/no"),
    CAPITALS("capitals", Warning.Kind.SOFT, "shouts in capitals"),
    RUDE("rude", Warning.Kind.SOFT, "sounds rude"),
    PUSHY("pushy", Warning.Kind.SOFT, "pushy sales language"),
    BLAME("blame", Warning.Kind.SOFT, "blames the customer"),
    POSITIVE_ENDING("positive-ending", Warning.Kind.SOFT, "does not end on a positive or forward-looking note"),
    MAIL_GREETING("mail-greeting", Warning.Kind.SOFT, "the e-mail has no greeting"),
    MAIL_SIGN_OFF("mail-sign-off", Warning.Kind.SOFT, "the e-mail has no sign-off"),
    LENGTH("length", Warning.Kind.SOFT, "(the reply|block \\d+) has \\d+ characters"),
    BLOCK_WORDS("block-words", Warning.Kind.SOFT, "(the reply|block \\d+) has \\d+ words"),
    TYPOS("typos", Warning.Kind.SOFT, "looks mistyped"),

    SPAM("spam", Warning.Kind.NOTICE, null),
    ABUSE("abuse", Warning.Kind.NOTICE, null),
    ESCALATE("escalate", Warning.Kind.NOTICE, null),
    ANSWER_BY_HAND("answer-by-hand", Warning.Kind.NOTICE, null),
    DRAFTER("drafter", Warning.Kind.NOTICE, null),
    /**
     * About languages: the mention is not in English, which the scorer reads best; the draft is in the
     * team's language instead of the mention's; a text or a word list for the draft's language is missing.
     */
    LANGUAGE("language", Warning.Kind.NOTICE, null),

    /** A warning stored as a line that no rule of this version recognises: its text is kept as it was. */
    UNKNOWN("unknown", Warning.Kind.SOFT, null);

    private final String id;
    private final Warning.Kind kind;
    private final Pattern oldText;

    ReplyRule(String id, Warning.Kind kind, String oldText) {
        this.id = id;
        this.kind = kind;
        this.oldText = oldText == null ? null : Pattern.compile(oldText);
    }

    public String id() {
        return id;
    }

    public Warning.Kind kind() {
        return kind;
    }

    public Warning warning(String text) {
        return new Warning(kind, id, text);
    }

    /** The rule of this kind whose warnings start like this text, else {@link #UNKNOWN}. */
    static ReplyRule recognise(Warning.Kind kind, String text) {
        for (ReplyRule r : values()) {
            if (r.kind == kind && r.oldText != null && r.oldText.matcher(text).lookingAt()) {
                return r;
            }
        }
        return UNKNOWN;
    }
}
