package org.earshot.scoring;

import java.util.Set;

/**
 * Whether a word is negated: a negator ("not", "never", "wasn't", "nobody") among the few words
 * before it, in the same sentence and the same side of a "but". "Can't believe" and its kind say
 * nothing about the next words, so they do not negate ("I can't believe they lost my bag").
 */
final class Negation {
    private static final Set<String> NOT_NEGATING_AFTER = Set.of("believe", "understand", "imagine", "stop", "wait");

    private Negation() {
    }

    static boolean negates(Tokens tokens, int at, Lexicon lexicon, int window) {
        int seen = 0;
        for (int j = at - 1; j >= 0 && seen < window; j--) {
            Token t = tokens.get(j);
            if (t.endsSentence() || t.is("but")) {
                return false;
            }
            if (!t.isWordLike()) {
                continue;
            }
            seen++;
            if (lexicon.isNegator(t) && !followedByNonNegating(tokens, j)) {
                return true;
            }
        }
        return false;
    }

    private static boolean followedByNonNegating(Tokens tokens, int j) {
        for (int k = j + 1; k < tokens.size(); k++) {
            if (tokens.get(k).isWordLike()) {
                return NOT_NEGATING_AFTER.contains(tokens.get(k).norm());
            }
        }
        return false;
    }
}
