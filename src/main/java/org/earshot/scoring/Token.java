package org.earshot.scoring;

/**
 * One unit of a mention's text, found once by {@link Tokenizer} and shared by every rule.
 *
 * @param norm      lower case, curly apostrophes made straight, letters repeated three or more times
 *                  cut to two ("sooo" becomes "soo"); punctuation keeps its character ("!", "?", ".", ",")
 * @param alt       for elongated words the runs cut to one letter ("soo" becomes "so"), else null
 * @param start     where the token starts in the analysed text (after HTML entities were decoded)
 * @param end       where it ends, exclusive
 * @param caps      written in capitals (at least two letters, no digits), as in "WORST"
 * @param repeat    for "!" and "?": how many came in a row
 */
public record Token(Kind kind, String norm, String alt, int start, int end, boolean caps, int repeat) {

    public enum Kind { WORD, NUMBER, HASHTAG, EMOJI, EMOTICON, PUNCT }

    /** Words, numbers and hashtag words: what phrases are made of. */
    public boolean isWordLike() {
        return kind == Kind.WORD || kind == Kind.NUMBER || kind == Kind.HASHTAG;
    }

    public boolean elongated() {
        return alt != null;
    }

    /** Ends a sentence: ".", "!", "?" or a line break (which the tokenizer turns into "."). */
    public boolean endsSentence() {
        return kind == Kind.PUNCT && (norm.equals(".") || norm.equals("!") || norm.equals("?"));
    }

    public boolean is(String word) {
        return norm.equals(word);
    }
}
