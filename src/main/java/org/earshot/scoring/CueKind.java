package org.earshot.scoring;

/** What a phrase in {@code scoring/cues.tsv} signals. */
public enum CueKind {
    /** A customer-service problem in plain words: "still waiting", "charged twice". Negative even without a negative word. */
    SERVICE,
    /** Sarcasm whatever surrounds it: "thanks for nothing", "love that for me". */
    SARCASM,
    /** Sarcasm only when the text also complains: "love it when", "gotta love". */
    SARCASM_IF_NEGATIVE,
    /** A fixed expression with its own valence: "can't wait", "fed up", "hell yeah". */
    IDIOM,
    SAFETY, SECURITY, LEGAL, STRANDED,
    /** A service that is down for many people: "outage", "app is down", "nobody can log in". */
    OUTAGE,
    /** Money taken wrongly: "charged twice", "overcharged". */
    MONEY,
    CHURN,
    /** The same problem raised again: "third time", "this is the 4th time i contact you". */
    REPEAT,
    LOST_GOODS,
    /** Locked out of one's own account: "locked out of my account", "can't log in", "account suspended". */
    ACCESS,
    /** A deadline that makes lost goods pressing: "wedding", "tomorrow". */
    DEADLINE,
    /** Time is short; the weight says how short (1 within the hour, 0.4 tomorrow): "my flight leaves in an hour". */
    TIME,
    /** A journalist, the press or the media are involved, or will be. */
    PRESS,
    /** The person asks for speed: "asap", "urgent". */
    URGENT,
    /** The person says it can wait: "no rush". */
    CALM,
    /** Jokes and figures of speech that look like a cue and are not: "I'd kill for", "dangerously addictive". */
    NOT_A_CUE;

    /** Safety, security and legal matters go to specialists at once; the reply only holds. */
    public boolean isCrisis() {
        return this == SAFETY || this == SECURITY || this == LEGAL;
    }

    public boolean isCritical() {
        return isCrisis() || this == STRANDED || this == OUTAGE;
    }

    /** Kinds that are taken word for word: negation and figures of speech do not cancel them. */
    boolean isLiteral() {
        return this == IDIOM || this == NOT_A_CUE || this == SARCASM || this == SARCASM_IF_NEGATIVE || this == CALM;
    }

    /**
     * How a reason names a phrase of this kind: "money" gives "money: 'charged twice'"; null names
     * the phrase alone ("still waiting").
     */
    String reasonLabel() {
        return switch (this) {
            case SERVICE, NOT_A_CUE -> null;
            case IDIOM -> "negative";
            case SARCASM, SARCASM_IF_NEGATIVE -> "sarcasm";
            case CHURN -> "churn threat";
            case REPEAT -> "complaining again";
            case LOST_GOODS -> "lost goods";
            case ACCESS -> "locked out";
            case DEADLINE -> "lost goods with a deadline";
            case URGENT -> "asks for speed";
            case CALM -> "can wait";
            default -> label();
        };
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
