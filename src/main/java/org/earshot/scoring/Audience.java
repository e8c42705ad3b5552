package org.earshot.scoring;

/** How people say follower counts and counts of times: "12k", "1.5M", "2nd". */
final class Audience {
    private Audience() {
    }

    static String followers(long n) {
        if (n >= 1_000_000) {
            long tenths = n / 100_000;
            return (tenths % 10 == 0 ? String.valueOf(tenths / 10) : tenths / 10 + "." + tenths % 10) + "M";
        }
        if (n >= 1_000) {
            return n / 1_000 + "k";
        }
        return String.valueOf(n);
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
