package org.earshot.scoring;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The words and word pairs of a mention that can tell it apart from others ("gate agent", "legroom"):
 * words and hashtag words, less stop words, words with digits (flight numbers, seats, order ids) and
 * single letters. Handles and links never reach here: the tokenizer skips them. A pair is two such
 * words side by side, with nothing between them.
 */
final class TeamTerms {
    /** A pair says more than a word, so it counts as two when mentions are compared. */
    static final int PAIR_WEIGHT = 2;

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
            "aren't", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but",
            "by", "can", "can't", "could", "couldn't", "did", "didn't", "do", "does", "doesn't", "doing", "don't",
            "during", "each", "even", "ever", "every", "few", "for", "from", "further", "get", "gets",
            "got", "had", "hadn't", "has", "hasn't", "have", "haven't", "having", "he", "her", "here", "hers",
            "herself", "him", "himself", "his", "how", "i", "i'd", "i'll", "i'm", "i've", "if", "in", "into", "is",
            "isn't", "it", "it's", "its", "itself", "just", "let's", "me", "more", "most", "my", "myself", "no",
            "nor", "not", "now", "of", "on", "once", "only", "or", "other", "our", "ours", "ourselves",
            "over", "own", "same", "she", "should", "shouldn't", "so", "some", "such", "than", "that",
            "that's", "the", "their", "theirs", "them", "themselves", "then", "there", "there's", "these", "they",
            "they're", "this", "those", "through", "to", "too", "under", "until", "up", "us", "very", "was",
            "wasn't", "we", "we're", "we've", "were", "weren't", "what", "what's", "when", "where", "which",
            "while", "who", "whom", "why", "will", "with", "won't", "would", "wouldn't", "you", "you'd", "you'll",
            "you're", "you've", "your", "yours", "yourself", "yourselves", "im", "dont", "cant", "u", "ur", "pls",
            "please", "hi", "hey", "hello", "thanks", "thank", "today", "yesterday", "tomorrow", "still", "yet",
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "never", "really");

    private TeamTerms() {
    }

    /** The mention's terms, each once, in the order they first appear. */
    static Set<String> of(Tokens tokens) {
        Set<String> terms = new LinkedHashSet<>();
        String previous = null;
        for (Token t : tokens.tokens()) {
            String word = word(t);
            if (word != null) {
                terms.add(word);
                if (previous != null) {
                    terms.add(previous + " " + word);
                }
            }
            previous = word;
        }
        return terms;
    }

    static int weight(String term) {
        return term.indexOf(' ') >= 0 ? PAIR_WEIGHT : 1;
    }

    static int weight(Set<String> terms) {
        return terms.stream().mapToInt(TeamTerms::weight).sum();
    }

    private static String word(Token t) {
        if (t.kind() != Token.Kind.WORD && t.kind() != Token.Kind.HASHTAG) {
            return null;
        }
        String w = t.alt() != null ? t.alt() : t.norm();
        if (w.length() < 2 || STOP_WORDS.contains(w) || w.chars().anyMatch(Character::isDigit)) {
            return null;
        }
        return w;
    }
}
