package org.earshot.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every word the scorer knows, each with a number, looked up straight from a text's folded
 * characters (lower case, curly apostrophes straight), so finding "WORST" or "can’t" allocates
 * nothing. An open-addressing table whose slots hold a word's hash and number, next to each other;
 * the words' characters sit end to end in one shared array. Filled while the lists load, read-only
 * after {@link Builder#build()}.
 */
final class Vocabulary {
    static final int UNKNOWN = -1;
    private static final int SLOT = 2;
    private static final int HASH = 0;
    /** The word's number in the low 20 bits and its length above them, so a lookup reads one slot. */
    private static final int ENTRY = 1;
    private static final int ID_BITS = 20;
    private static final int ID_MASK = (1 << ID_BITS) - 1;

    private final String[] words;
    private final char[] pool;
    /** Where each word's characters start in the pool; the next word's start is where they end. */
    private final int[] offsets;
    private final int[] table;
    private final int mask;
    private final int shift;

    private Vocabulary(String[] words) {
        this.words = words;
        int size = Integer.highestOneBit(Math.max(16, words.length)) << 1;
        this.table = new int[size * SLOT];
        this.mask = size - 1;
        this.shift = 32 - Integer.numberOfTrailingZeros(size);
        int chars = 0;
        for (String w : words) {
            chars += w.length();
        }
        this.pool = new char[chars];
        this.offsets = new int[words.length + 1];
        if (words.length > ID_MASK) {
            throw new IllegalStateException("at most " + ID_MASK + " words, but the lists have " + words.length);
        }
        for (int s = 0; s < size; s++) {
            table[s * SLOT + ENTRY] = UNKNOWN;
        }
        int offset = 0;
        for (int id = 0; id < words.length; id++) {
            String w = words[id];
            w.getChars(0, w.length(), pool, offset);
            int h = hash(pool, offset, offset + w.length());
            int s = slot(h);
            while (table[s * SLOT + ENTRY] != UNKNOWN) {
                s = (s + 1) & mask;
            }
            table[s * SLOT + HASH] = h;
            table[s * SLOT + ENTRY] = id | Math.min(w.length(), 2047) << ID_BITS;
            offsets[id] = offset;
            offset += w.length();
        }
        offsets[words.length] = offset;
    }

    int size() {
        return words.length;
    }

    String word(int id) {
        return words[id];
    }

    int id(String word) {
        return id(word, 0, word.length());
    }

    /** The number of the word at {@code text[start, end)}, case and apostrophes folded, or {@link #UNKNOWN}. */
    int id(CharSequence text, int start, int end) {
        char[] folded = new char[end - start];
        for (int k = start; k < end; k++) {
            folded[k - start] = fold(text.charAt(k));
        }
        return id(folded, 0, folded.length, hash(folded, 0, folded.length));
    }

    /**
     * The number of the word at {@code folded[start, end)}, characters already folded, given its hash:
     * {@code finish(31 * h + c)} over its characters, starting from 0, as the tokenizer computes it while reading.
     */
    int id(char[] folded, int start, int end, int h) {
        int len = end - start;
        int entry;
        for (int s = slot(h); (entry = table[s * SLOT + ENTRY]) != UNKNOWN; s = (s + 1) & mask) {
            if (table[s * SLOT + HASH] == h && entry >>> ID_BITS == len) {
                int id = entry & ID_MASK;
                if (samePoolChars(offsets[id], folded, start, len)) {
                    return id;
                }
            }
        }
        return UNKNOWN;
    }

    /** A plain loop: words are short, and the library's vectorised compare costs more than it saves on them. */
    private boolean samePoolChars(int offset, char[] folded, int start, int len) {
        for (int k = 0; k < len; k++) {
            if (pool[offset + k] != folded[start + k]) {
                return false;
            }
        }
        return true;
    }

    static int hash(char[] folded, int start, int end) {
        int h = 0;
        for (int k = start; k < end; k++) {
            h = 31 * h + folded[k];
        }
        return finish(h);
    }

    static int finish(int h) {
        return h ^ (h >>> 16);
    }

    /** Fibonacci hashing: the top bits of the product spread even the 31-polynomial hashes of short words. */
    private int slot(int h) {
        return (h * 0x9E3779B9) >>> shift;
    }

    /** Lower case, and the curly apostrophe people's phones type made straight. */
    static char fold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return c == '\u2019' ? '\'' : Character.toLowerCase(c);
    }

    /** Collects words while the lists load; each word gets the next number once. */
    static final class Builder {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> words = new ArrayList<>();

        int add(String word) {
            StringBuilder folded = new StringBuilder(word.length());
            for (int k = 0; k < word.length(); k++) {
                folded.append(fold(word.charAt(k)));
            }
            return ids.computeIfAbsent(folded.toString(), w -> {
                words.add(w);
                return words.size() - 1;
            });
        }

        Vocabulary build() {
            return new Vocabulary(words.toArray(String[]::new));
        }
    }
}
