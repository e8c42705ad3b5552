package org.earshot.domain;

import java.util.Locale;

/**
 * One thing the person approving a reply should know about it. {@code kind} says what it means for the
 * approval; {@code rule} is a stable id scripts and the queue key on ("promise-outside-policy", "yes-no",
 * "escalate"; see {@link ReplyRule}); {@code text} is what the person reads, without any prefix.
 */
public record Warning(Kind kind, String rule, String text) {

    /** HARD breaks a rule approving enforces (it needs an override); SOFT a rule the person weighs; NOTICE informs. */
    public enum Kind {
        HARD, SOFT, NOTICE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Warning {
        if (kind == null || rule == null || rule.isBlank() || text == null) {
            throw new IllegalArgumentException("a warning needs a kind, a rule and a text, but was " + kind + ", '"
                    + rule + "', '" + text + "'");
        }
    }

    public boolean isHard() {
        return kind == Kind.HARD;
    }

    public boolean isNotice() {
        return kind == Kind.NOTICE;
    }

    /**
     * The warning as one line, as drafts carried them before warnings had kinds, and as the JSON's
     * compatibility fields still show them: "hard: " before a hard rule's text, a notice's rule before its
     * text ("escalate: ...", "answer by hand: ..."), a soft rule's text alone.
     */
    public String line() {
        return switch (kind) {
            case HARD -> "hard: " + text;
            case NOTICE -> rule.replace('-', ' ') + ": " + text;
            case SOFT -> text;
        };
    }

    /**
     * A warning from its one-line form, as drafts stored before warnings had kinds: the prefix gives the
     * kind ("hard: ", a notice's "escalate: "), the text's start gives the rule; a line no rule recognises
     * keeps its text under {@link ReplyRule#UNKNOWN}.
     */
    public static Warning fromLine(String line) {
        String hard = "hard: ";
        if (line.startsWith(hard)) {
            String text = line.substring(hard.length());
            return new Warning(Kind.HARD, ReplyRule.recognise(Kind.HARD, text).id(), text);
        }
        for (ReplyRule notice : ReplyRule.values()) {
            String prefix = notice.id().replace('-', ' ') + ": ";
            if (notice.kind() == Kind.NOTICE && line.startsWith(prefix)) {
                return notice.warning(line.substring(prefix.length()));
            }
        }
        return new Warning(Kind.SOFT, ReplyRule.recognise(Kind.SOFT, line).id(), line);
    }
}
