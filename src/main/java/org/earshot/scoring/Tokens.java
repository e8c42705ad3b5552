package org.earshot.scoring;

import java.util.AbstractList;
import java.util.List;
import java.util.Locale;

/**
 * A text cut into tokens once. {@code text} is the decoded text the offsets point into. The tokens
 * are kept packed in one int array (where each starts and ends, its word number, kind and marks), so
 * scoring reads them without allocating; {@link #get} builds a {@link Token} only for callers that
 * want one, such as the reply drafter.
 */
public final class Tokens {
    static final int STRIDE = 5;
    private static final int START = 0;
    private static final int END = 1;
    private static final int ID = 2;
    private static final int ALT = 3;
    private static final int META = 4;
    static final int CAPS = 1 << 3;
    static final int ELONGATED = 1 << 4;
    /** A word ending in "n't" that the lists do not know: it negates all the same ("shan't"). */
    static final int NOT_CONTRACTION = 1 << 5;
    private static final Token.Kind[] KINDS = Token.Kind.values();

    private final String text;
    private final int[] data;
    private final int size;
    private final int words;
    private final int capsWords;
    private Token[] materialized;

    Tokens(String text, int[] data, int size, int words, int capsWords) {
        this.text = text;
        this.data = data;
        this.size = size;
        this.words = words;
        this.capsWords = capsWords;
    }

    public String text() {
        return text;
    }

    public int size() {
        return size;
    }

    public Token get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("token " + i + " of " + size);
        }
        if (materialized == null) {
            materialized = new Token[size];
        }
        Token t = materialized[i];
        if (t == null) {
            t = materialize(i);
            materialized[i] = t;
        }
        return t;
    }

    /** The tokens as records, built on first use. */
    public List<Token> tokens() {
        return new AbstractList<>() {
            @Override
            public Token get(int index) {
                return Tokens.this.get(index);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** The customer's own words from token {@code from} to token {@code to}, inclusive, in lower case. */
    public String span(int from, int to) {
        int start = start(from);
        int end = end(to);
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (c >= 128 || c >= 'A' && c <= 'Z') {
                return text.substring(start, end).toLowerCase(Locale.ROOT);
            }
        }
        return text.substring(start, end);
    }

    /** Most words of two letters or more are in capitals, and there are at least three: "WHERE IS MY BAG". */
    boolean shouting() {
        return words >= 3 && capsWords >= 0.8 * words;
    }

    /** Same as {@link #span} but keeping the customer's capitals. */
    public String rawSpan(int from, int to) {
        return text.substring(start(from), end(to));
    }

    int start(int i) {
        WorkCount.step();
        return data[i * STRIDE + START];
    }

    int end(int i) {
        WorkCount.step();
        return data[i * STRIDE + END];
    }

    /** The word's number in the standard vocabulary, or {@link Vocabulary#UNKNOWN}. */
    int id(int i) {
        WorkCount.step();
        return data[i * STRIDE + ID];
    }

    /** The number of another form of the word: "so" for "sooo", "bag" for "bags", "today" for "today's". */
    int alt(int i) {
        WorkCount.step();
        return data[i * STRIDE + ALT];
    }

    Token.Kind kind(int i) {
        WorkCount.step();
        return KINDS[data[i * STRIDE + META] & 7];
    }

    boolean has(int i, int mark) {
        WorkCount.step();
        return (data[i * STRIDE + META] & mark) != 0;
    }

    int repeat(int i) {
        return (data[i * STRIDE + META] >>> 8) & 0xFF;
    }

    /** For punctuation: its character ('.' for a line break); 0 for other tokens. */
    char punct(int i) {
        WorkCount.step();
        return (char) (data[i * STRIDE + META] >>> 16);
    }

    boolean isWordLike(int i) {
        WorkCount.step();
        int k = data[i * STRIDE + META] & 7;
        return k <= Token.Kind.HASHTAG.ordinal();
    }

    boolean isWord(int i) {
        WorkCount.step();
        int k = data[i * STRIDE + META] & 7;
        return k == Token.Kind.WORD.ordinal() || k == Token.Kind.HASHTAG.ordinal();
    }

    boolean endsSentence(int i) {
        char p = punct(i);
        return p == '.' || p == '!' || p == '?';
    }

    static int meta(Token.Kind kind, int marks, int repeat, char punct) {
        return kind.ordinal() | marks | Math.min(repeat, 0xFF) << 8 | punct << 16;
    }

    private Token materialize(int i) {
        Token.Kind kind = kind(i);
        String norm;
        String alt = null;
        if (kind == Token.Kind.PUNCT) {
            norm = String.valueOf(punct(i));
        } else if (kind == Token.Kind.EMOJI || kind == Token.Kind.EMOTICON) {
            norm = text.substring(start(i), end(i));
        } else {
            int from = kind == Token.Kind.HASHTAG && text.charAt(start(i)) == '#' ? start(i) + 1 : start(i);
            String lower = fold(text, from, end(i));
            norm = Tokenizer.collapse(lower, 2);
            alt = has(i, ELONGATED) ? Tokenizer.collapse(lower, 1) : null;
        }
        return new Token(kind, norm, alt, start(i), end(i), has(i, CAPS), Math.max(1, repeat(i)));
    }

    static String fold(String text, int from, int to) {
        char[] out = new char[to - from];
        for (int k = from; k < to; k++) {
            out[k - from] = Vocabulary.fold(text.charAt(k));
        }
        return new String(out);
    }
}
