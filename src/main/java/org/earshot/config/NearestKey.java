package org.earshot.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** The known key a mistyped one was most likely meant to be: "shedule" is "schedule", "colour" is nothing. */
final class NearestKey {
    private NearestKey() {
    }

    /** The closest of {@code known} to {@code typed}, if it is one or two edits away and not a different short word. */
    static Optional<String> to(String typed, Collection<String> known) {
        return known.stream()
                .filter(k -> distance(typed, k) <= Math.min(2, Math.max(1, k.length() / 3)))
                .min(Comparator.comparingInt((String k) -> distance(typed, k)).thenComparing(k -> k));
    }

    /**
     * Edits (insert, delete, replace, swap two neighbours) from one to the other, ignoring case, so that
     * "minimumLevle" is one edit from "minimumLevel".
     */
    static int distance(String a, String b) {
        String s = a.toLowerCase(Locale.ROOT);
        String t = b.toLowerCase(Locale.ROOT);
        int[][] d = new int[s.length() + 1][t.length() + 1];
        for (int i = 0; i <= s.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= t.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= s.length(); i++) {
            for (int j = 1; j <= t.length(); j++) {
                int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && s.charAt(i - 1) == t.charAt(j - 2) && s.charAt(i - 2) == t.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[s.length()][t.length()];
    }
}
