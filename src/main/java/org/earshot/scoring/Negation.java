package org.earshot.scoring;

/**
 * Whether a word is negated: a negator ("not", "never", "wasn't", "nobody") among the few words
 * before it, in the same sentence and the same side of a "but". "Can't believe" and its kind say
 * nothing about the next words, so they do not negate ("I can't believe they lost my bag"). Small
 * words do not count towards the window ("never once had a problem").
 */
final class Negation {
    private Negation() {
    }

    static boolean negates(Tokens tokens, int at, Lexicon lexicon, int window) {
        int seen = 0;
        for (int j = at - 1; j >= 0 && seen < window; j--) {
            if (tokens.endsSentence(j) || lexicon.is(tokens.id(j), Lexicon.CONTRAST)) {
                return false;
            }
            if (!tokens.isWordLike(j)) {
                continue;
            }
            if (!lexicon.isFiller(tokens.id(j))) {
                seen++;
            }
            if (lexicon.isNegator(tokens, j) && !followedByNonNegating(tokens, j, lexicon)) {
                return true;
            }
        }
        return false;
    }

    private static boolean followedByNonNegating(Tokens tokens, int j, Lexicon lexicon) {
        for (int k = j + 1; k < tokens.size(); k++) {
            if (tokens.isWordLike(k)) {
                return lexicon.is(tokens, k, Lexicon.NOT_NEGATING_AFTER);
            }
        }
        return false;
    }
}
