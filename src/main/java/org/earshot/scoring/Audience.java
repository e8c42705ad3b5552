package org.earshot.scoring;

/** How people say counts: "12k", "1.2k", "1.5M", and "2nd", "3rd". */
final class Audience {
    private Audience() {
    }

    /** Follower counts: whole thousands ("820k", "12k"), tenths of millions ("1.5M"). */
    static String followers(long n) {
        if (n >= 1_000_000) {
            return tenths(n / 100_000) + "M";
        }
        return n >= 1_000 ? n / 1_000 + "k" : String.valueOf(n);
    }

    /** Counts of reposts or likes: "950", "1.2k", "12k", "3.4M". */
    static String count(long n) {
        if (n >= 1_000_000) {
            return tenths(n / 100_000) + "M";
        }
        if (n >= 10_000) {
            return n / 1_000 + "k";
        }
        return n >= 1_000 ? tenths(n / 100) + "k" : String.valueOf(n);
    }

    private static String tenths(long tenths) {
        return tenths % 10 == 0 ? String.valueOf(tenths / 10) : tenths / 10 + "." + tenths % 10;
    }

    static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
