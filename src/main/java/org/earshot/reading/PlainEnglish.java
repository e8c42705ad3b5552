package org.earshot.reading;

import java.util.Set;

/**
 * A quick answer for the mentions that are plainly English, so that the language model (most of a
 * lexicon-mode filter's time) reads only the others: a text of at least {@link #MIN_WORDS} words, at
 * least {@link #MIN_DISTINCT} different English function words among them, and those at least
 * {@link #MIN_SHARE} of its words. The words are ones Spanish, French, German and Portuguese do not
 * use (no "a", "de", "in", "me", "was", "will", "im", "do"). {@code LanguageDetectorTest} measures how often the
 * shortcut and the model disagree on real mentions.
 */
final class PlainEnglish {
    static final int MIN_WORDS = 4;
    static final int MIN_DISTINCT = 3;
    static final double MIN_SHARE = 0.25;

    private static final Set<String> FUNCTION_WORDS = Set.of(
            "the", "and", "my", "is", "you", "your", "it", "this", "that", "with", "have", "for", "to", "of", "not",
            "are", "be", "can", "but", "just", "why", "what", "how", "get", "has", "been", "they", "we", "i", "i'm",
            "it's", "don't", "can't", "we're", "you're", "at", "if", "when", "there", "their", "would", "could",
            "should", "from", "any", "our", "her", "his", "him", "them", "were", "had", "does", "did", "dont",
            "cant", "still", "again", "now", "please", "thanks", "thank", "where", "who", "which", "about");

    private PlainEnglish() {
    }

    /** @param lower the text's words, lower case, without handles, links and digits */
    static boolean isPlainlyEnglish(String lower) {
        int words = 0;
        int english = 0;
        int distinct = 0;
        String[] seen = new String[MIN_DISTINCT];
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean space = i == lower.length() || Character.isWhitespace(lower.charAt(i));
            if (!space) {
                if (start < 0) {
                    start = i;
                }
                continue;
            }
            if (start >= 0) {
                words++;
                String w = lower.substring(start, i);
                if (FUNCTION_WORDS.contains(w)) {
                    english++;
                    if (distinct < MIN_DISTINCT && !contains(seen, distinct, w)) {
                        seen[distinct++] = w;
                    }
                }
                start = -1;
            }
        }
        return words >= MIN_WORDS && distinct >= MIN_DISTINCT && english >= MIN_SHARE * words;
    }

    private static boolean contains(String[] seen, int n, String w) {
        for (int i = 0; i < n; i++) {
            if (seen[i].equals(w)) {
                return true;
            }
        }
        return false;
    }
}
