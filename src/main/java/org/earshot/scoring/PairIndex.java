package org.earshot.scoring;

import java.util.List;
import java.util.Map;

/** Phrase numbers by the phrase's first two words (word numbers, or a slot for the first): an open-addressing table. */
final class PairIndex {
    private final long[] keys;
    private final int[][] values;
    private final int mask;

    PairIndex(Map<Long, List<Integer>> pairs) {
        int size = Integer.highestOneBit(Math.max(16, pairs.size() * 3)) << 1;
        keys = new long[size];
        values = new int[size][];
        mask = size - 1;
        java.util.Arrays.fill(keys, -1L);
        for (Map.Entry<Long, List<Integer>> e : pairs.entrySet()) {
            int s = slot(e.getKey());
            while (keys[s] != -1L) {
                s = (s + 1) & mask;
            }
            keys[s] = e.getKey();
            values[s] = PhraseBook.toArray(e.getValue());
        }
    }

    /** First may be a word number or a negative slot code (at least -3); second is a word number. */
    static long key(int first, int second) {
        return (long) (first + 3) << 32 | second;
    }

    /** The phrases starting with these two words, or null. */
    int[] get(int first, int second) {
        long key = key(first, second);
        for (int s = slot(key); keys[s] != -1L; s = (s + 1) & mask) {
            if (keys[s] == key) {
                return values[s];
            }
        }
        return null;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }
}
