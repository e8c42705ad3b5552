package org.earshot.scoring;

import java.util.Locale;

/**
 * What is at stake in a mention as its reading saw it (the nearest examples of a kind of problem in
 * the learned model's embedding space): urgency rises to the kind's floor, with the reason shown.
 *
 * @param example    the nearest example of the kind, shown in the reason
 * @param similarity how near it is (cosine, 0..1)
 */
public record SeenProblem(Kind kind, String example, double similarity) {

    /** The kinds, each with the level it makes a mention: critical, or pressing (high). */
    public enum Kind {
        MONEY_TAKEN("money taken", false),
        ACCOUNT_LOCKED("locked out", false),
        ACCOUNT_HACKED("account taken over", true),
        DELIVERY_LOST("lost delivery", false),
        STRANDED("stranded", false),
        SAFETY("safety", true),
        LEGAL("legal", true),
        /** Looks like one of them and is not: a question, thanks, a past problem now fixed. */
        NONE("none", false);

        private final String label;
        private final boolean critical;

        Kind(String label, boolean critical) {
            this.label = label;
            this.critical = critical;
        }

        public String label() {
            return label;
        }

        public boolean critical() {
            return critical;
        }

        /** From the file's name for it: "money_taken". */
        public static Kind of(String id) {
            try {
                return valueOf(id.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + id + "' is not a kind of problem; use one of "
                        + java.util.Arrays.stream(values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList(), e);
            }
        }
    }

    /** For reasons people read: "lost delivery (reads like 'the order never arrived...')". */
    public String reason() {
        String shown = example.length() > 50 ? example.substring(0, 47) + "..." : example;
        return kind.label() + " (reads like '" + shown + "')";
    }
}
