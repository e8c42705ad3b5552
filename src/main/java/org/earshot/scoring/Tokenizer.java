package org.earshot.scoring;

import java.util.Arrays;
import org.earshot.scoring.Token.Kind;

/**
 * Cuts a mention into tokens in one pass over its characters: words, numbers, hashtags (camel case
 * split into words, so "#NeverAgain" reads as "never again"), emoji, emoticons and punctuation.
 * {@literal @}handles and URLs are skipped: they say who and where, not how the person feels. Each word is
 * looked up in the vocabulary as it is read, so later rules compare numbers, not strings.
 * "2hrs" reads as "2 hrs"; "10/10", "9:15" and "2.5" stay one number each. Stateless and thread-safe.
 */
public final class Tokenizer {
    private final Lexicon lexicon;
    private final Vocabulary vocabulary;

    /** A tokenizer over the standard word lists. */
    public Tokenizer() {
        this(WordLists.standard().lexicon());
    }

    Tokenizer(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.vocabulary = lexicon.vocabulary();
    }

    public Tokens tokenize(String raw) {
        String text = HtmlEntities.decode(raw == null ? "" : raw);
        Out out = SCRATCH.get().reset(text);
        char[] cs = out.chars;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = cs[i];
            if (c == ' ') {
                i++;
                continue;
            }
            boolean atWordStart = i == 0 || atWordStart(cs[i - 1]);
            if (isLetterOrDigit(c)) {
                if (atWordStart && startsUrl(text, i)) {
                    i = skipUntilSpace(text, i);
                } else if (atWordStart && (c == 'x' || c == 'X') && emoticonEnd(text, i, out) > i) {
                    out.add(i, i + 2, lookup(out, i, i + 2), Vocabulary.UNKNOWN, Tokens.meta(Kind.EMOTICON, 0, 1, '\0'));
                    i += 2;
                } else {
                    i = word(text, i, out);
                }
                continue;
            }
            int emoticonEnd;
            if (c == '\n') {
                if (out.size > 0 && !out.endsSentence()) {
                    out.add(i, i + 1, Vocabulary.UNKNOWN, Vocabulary.UNKNOWN, Tokens.meta(Kind.PUNCT, 0, 1, '.'));
                }
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '@' && i + 1 < n && isWordChar(cs[i + 1])
                    && (i == 0 || !Character.isLetterOrDigit(cs[i - 1]))) {
                i = skipHandle(text, i + 1);
            } else if (atWordStart && (emoticonEnd = emoticonEnd(text, i, out)) > i) {
                out.add(i, emoticonEnd, lookup(out, i, emoticonEnd), Vocabulary.UNKNOWN,
                        Tokens.meta(Kind.EMOTICON, 0, 1, '\0'));
                i = emoticonEnd;
            } else if (c == '#' && i + 1 < n && Character.isLetterOrDigit(cs[i + 1])) {
                int end = wordEnd(text, i + 1);
                hashtag(text, i + 1, end, out);
                i = end;
            } else if (Character.isHighSurrogate(c) || isEmoji(c)) {
                int cp = text.codePointAt(i);
                int len = Character.charCount(cp);
                if (isEmoji(cp)) {
                    out.add(i, i + len, lookup(out, i, i + len), Vocabulary.UNKNOWN,
                            Tokens.meta(Kind.EMOJI, 0, 1, '\0'));
                }
                i += len;
            } else if (c == '!' || c == '?' || c == '.') {
                int end = i;
                while (end < n && cs[end] == c) {
                    end++;
                }
                out.add(i, end, Vocabulary.UNKNOWN, Vocabulary.UNKNOWN, Tokens.meta(Kind.PUNCT, 0, end - i, c));
                i = end;
            } else {
                if (c != '\uFE0F' && c != '\u200D') {
                    out.add(i, i + 1, Vocabulary.UNKNOWN, Vocabulary.UNKNOWN, Tokens.meta(Kind.PUNCT, 0, 1, c));
                }
                i++;
            }
        }
        return new Tokens(text, Arrays.copyOf(out.data, out.size * Tokens.STRIDE), out.size, out.words, out.capsWords);
    }

    /** Reads a word or a number starting at {@code start}; returns where it ends. */
    private int word(String text, int start, Out out) {
        if (!isDigit(text.charAt(start))) {
            return addWord(text, start, text.length(), Kind.WORD, start, out);
        }
        int end = wordEnd(text, start);
        int digitsEnd = start;
        while (digitsEnd < end && isDigit(text.charAt(digitsEnd))) {
            digitsEnd++;
        }
        if (digitsEnd == end) {
            // "10/10", "24/7", "9:15", "2.5", "1,200": one number, not a sentence end in the middle
            while (end + 1 < text.length() && "/:.,".indexOf(text.charAt(end)) >= 0 && isDigit(text.charAt(end + 1))) {
                end++;
                while (end < text.length() && isDigit(text.charAt(end))) {
                    end++;
                }
            }
            out.add(start, end, lookup(out, start, end), Vocabulary.UNKNOWN, Tokens.meta(Kind.NUMBER, 0, 1, '\0'));
            return end;
        }
        if (digitsEnd > start && !ordinalSuffix(text, digitsEnd, end)) {
            out.add(start, digitsEnd, lookup(out, start, digitsEnd), Vocabulary.UNKNOWN,
                    Tokens.meta(Kind.NUMBER, 0, 1, '\0'));
            start = digitsEnd;
        }
        return addWord(text, start, end, Kind.WORD, start, out);
    }

    /**
     * Reads a word from {@code start} up to {@code limit} at most, in one pass: where it ends, its
     * capitals, stretched letters and hash for the vocabulary; adds its token and returns its end.
     */
    private int addWord(String text, int start, int limit, Kind kind, int tokenStart, Out out) {
        char[] cs = out.chars;
        char[] folded = out.folded;
        int letters = 0;
        int upper = 0;
        boolean digits = false;
        boolean stretched = false;
        int run = 0;
        char previous = 0;
        int h = 0;
        int beforeLast = 0;
        int beforeLastTwo = 0;
        int end = start;
        for (; end < limit; end++) {
            char c = cs[end];
            char f;
            if (c < 128) {
                int type = ASCII[c];
                if (type == 0 && !(c == '\'' && end + 1 < limit && Character.isLetter(cs[end + 1]))) {
                    break;
                }
                if ((type & LETTER) != 0) {
                    letters++;
                    if ((type & UPPER) != 0) {
                        upper++;
                        c = (char) (c | 0x20);
                    }
                    run = c == previous ? run + 1 : 1;
                    stretched |= run == 3;
                } else {
                    digits |= (type & DIGIT) != 0;
                    run = 1;
                }
                f = c;
            } else {
                boolean letter = Character.isLetter(c);
                boolean digit = !letter && Character.isDigit(c);
                if (!letter && !digit && !(c == '\u2019' && end + 1 < limit && Character.isLetter(cs[end + 1]))) {
                    break;
                }
                if (letter) {
                    letters++;
                    upper += Character.isUpperCase(c) ? 1 : 0;
                }
                digits |= digit;
                f = Vocabulary.fold(c);
                run = f == previous ? run + 1 : 1;
                stretched |= run == 3 && letter;
            }
            folded[end] = f;
            previous = f;
            beforeLastTwo = beforeLast;
            beforeLast = h;
            h = 31 * h + f;
        }
        int marks = letters >= 2 && upper == letters && !digits ? Tokens.CAPS : 0;
        int id;
        int alt;
        if (stretched) {
            String lower = Tokens.fold(text, start, end);
            id = vocabulary.id(collapse(lower, 2));
            alt = vocabulary.id(collapse(lower, 1));
            marks |= Tokens.ELONGATED;
        } else {
            id = vocabulary.id(folded, start, end, Vocabulary.finish(h));
            alt = Vocabulary.UNKNOWN;
            if (id == Vocabulary.UNKNOWN) {
                alt = baseForm(folded, start, end, beforeLast, beforeLastTwo);
                if (alt == Vocabulary.UNKNOWN) {
                    alt = stem(folded, start, end);
                }
            }
        }
        if (end - start >= 3 && previous == 't' && isApostrophe(cs[end - 2]) && Vocabulary.fold(cs[end - 3]) == 'n') {
            marks |= Tokens.NOT_CONTRACTION;
        }
        out.add(tokenStart, end, id, alt, Tokens.meta(kind, marks, 1, '\0'));
        if (kind == Kind.WORD && end - start >= 2) {
            out.words++;
            out.capsWords += (marks & Tokens.CAPS) != 0 ? 1 : 0;
        }
        return end;
    }

    /**
     * "bag" for "bags", "today" for "today's": {@code beforeLast} and {@code beforeLastTwo} are the
     * word's hash without its last one and two characters.
     */
    private int baseForm(char[] folded, int start, int end, int beforeLast, int beforeLastTwo) {
        if (end - start < 4 || folded[end - 1] != 's') {
            return Vocabulary.UNKNOWN;
        }
        char before = folded[end - 2];
        if (before == '\'') {
            return vocabulary.id(folded, start, end - 2, Vocabulary.finish(beforeLastTwo));
        }
        return before == 's' ? Vocabulary.UNKNOWN : vocabulary.id(folded, start, end - 1, Vocabulary.finish(beforeLast));
    }

    /** The vocabulary number of the characters from {@code from} to {@code to}, folded on the way; allocates nothing. */
    private int lookup(Out out, int from, int to) {
        int h = 0;
        for (int k = from; k < to; k++) {
            char f = Vocabulary.fold(out.chars[k]);
            out.folded[k] = f;
            h = 31 * h + f;
        }
        return vocabulary.id(out.folded, from, to, Vocabulary.finish(h));
    }

    /**
     * For a word the lists do not know, the word it comes from, so that it carries that word's
     * valence: "smoothest" from "smooth", "easiest" from "easy", "rudely" from "rude", "happily" from "happy".
     */
    private int stem(char[] folded, int start, int end) {
        int len = end - start;
        char last = folded[end - 1];
        if (len < 6 || last != 't' && last != 'y' || last == 't' && (folded[end - 2] != 's' || folded[end - 3] != 'e')
                || last == 'y' && folded[end - 2] != 'l') {
            return Vocabulary.UNKNOWN;
        }
        String w = new String(folded, start, len);
        if (w.endsWith("iest") || w.endsWith("ily")) {
            return vocabulary.id(w.substring(0, len - (w.endsWith("iest") ? 4 : 3)) + "y");
        }
        if (w.endsWith("est") || w.endsWith("ly")) {
            return vocabulary.id(w.substring(0, len - (w.endsWith("est") ? 3 : 2)));
        }
        return Vocabulary.UNKNOWN;
    }

    private static boolean ordinalSuffix(String text, int from, int end) {
        if (end - from != 2) {
            return false;
        }
        char a = Vocabulary.fold(text.charAt(from));
        char b = Vocabulary.fold(text.charAt(from + 1));
        return a == 's' && b == 't' || a == 'n' && b == 'd' || a == 'r' && b == 'd' || a == 't' && b == 'h';
    }

    /** "#NeverAgain" gives the words "never" and "again"; "#fail" gives "fail". */
    private void hashtag(String text, int start, int end, Out out) {
        int partStart = start;
        for (int k = start + 1; k <= end; k++) {
            boolean boundary = k == end
                    || Character.isUpperCase(text.charAt(k)) && Character.isLowerCase(text.charAt(k - 1))
                    || text.charAt(k) == '_';
            if (boundary) {
                if (k > partStart) {
                    addWord(text, partStart, k, Kind.HASHTAG, partStart == start ? start - 1 : partStart, out);
                }
                partStart = k < end && text.charAt(k) == '_' ? k + 1 : k;
            }
        }
    }

    /**
     * Where an emoticon starting here ends, or {@code i} if none does: the longest run of up to six
     * marks that the lists know as an emoticon (":)", ":-(", "&lt;3", ":'("), followed by a space or the end.
     */
    private int emoticonEnd(String text, int i, Out out) {
        char c = text.charAt(i);
        if (Character.isLetterOrDigit(c)) {
            boolean xd = (c == 'x' || c == 'X') && i + 1 < text.length() && text.charAt(i + 1) == 'D'
                    && (i + 2 == text.length() || !Character.isLetterOrDigit(text.charAt(i + 2)));
            return xd ? i + 2 : i;
        }
        int max = i;
        while (max < text.length() && max - i < 6 && !Character.isWhitespace(text.charAt(max))) {
            max++;
        }
        for (int end = max; end >= i + 2; end--) {
            if (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                continue;
            }
            int id = lookup(out, i, end);
            if (id != Vocabulary.UNKNOWN && lexicon.is(id, Lexicon.EMOTICON)) {
                return end;
            }
        }
        return i;
    }

    private static boolean startsUrl(String text, int i) {
        char c = text.charAt(i);
        if (c != 'h' && c != 'H' && c != 'w' && c != 'W') {
            return false;
        }
        return text.regionMatches(true, i, "http://", 0, 7) || text.regionMatches(true, i, "https://", 0, 8)
                || text.regionMatches(true, i, "www.", 0, 4);
    }

    private static int skipUntilSpace(String text, int i) {
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Skips "user", "user@instance.social" or "user.bsky.social" after the '@'. */
    private static int skipHandle(String text, int i) {
        while (i < text.length()) {
            char c = text.charAt(i);
            boolean inner = (c == '@' || c == '.' || c == '-') && i + 1 < text.length() && isWordChar(text.charAt(i + 1));
            if (!isWordChar(c) && !inner) {
                break;
            }
            i++;
        }
        return i;
    }

    private static final byte LETTER = 1;
    private static final byte UPPER = 2;
    private static final byte DIGIT = 4;
    private static final byte UNDERSCORE = 8;
    /** What each ASCII character is, for the word loop: 0 for what ends a word. */
    private static final byte[] ASCII = new byte[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII[c] = LETTER;
            ASCII[c - 32] = LETTER | UPPER;
        }
        for (char c = '0'; c <= '9'; c++) {
            ASCII[c] = DIGIT;
        }
        ASCII['_'] = UNDERSCORE;
    }

    private static boolean atWordStart(char before) {
        return before == ' ' || Character.isWhitespace(before) || before == '(' || before == '[' || before == '"'
                || before == '\'';
    }

    private static boolean isAsciiLetter(char c) {
        return (char) ((c | 0x20) - 'a') < 26;
    }

    private static boolean isLetterOrDigit(char c) {
        return c < 128 ? isAsciiLetter(c) || (char) (c - '0') < 10 : Character.isLetterOrDigit(c);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }

    /** A word runs over letters and digits, with apostrophes inside ("don't", "where's"). */
    private static int wordEnd(String text, int i) {
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (isLetterOrDigit(c) || c == '_') {
                i++;
            } else if (isApostrophe(c) && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** Cuts runs of three or more equal letters down to {@code keep}: "sooo" → "soo" or "so". */
    static String collapse(String word, int keep) {
        StringBuilder b = null;
        int n = word.length();
        int i = 0;
        while (i < n) {
            char c = word.charAt(i);
            int run = 1;
            while (i + run < n && word.charAt(i + run) == c) {
                run++;
            }
            if (run >= 3 && Character.isLetter(c)) {
                if (b == null) {
                    b = new StringBuilder(word.substring(0, i));
                }
                b.append(String.valueOf(c).repeat(keep));
            } else if (b != null) {
                b.append(word, i, i + run);
            }
            i += run;
        }
        return b == null ? word : b.toString();
    }

    private static boolean isEmoji(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF && !(cp >= 0x1F3FB && cp <= 0x1F3FF))
                || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0x2639 || cp == 0x263A || cp == 0x2764;
    }

    /**
     * The longest run of tokens read as one sentence. Sentences bound the checks made around each cue
     * (sarcasm, concessions, negation), so a post of a million characters without a full stop must not
     * be one sentence: each cue would read all of it, and the cost would grow with the square of the text.
     * Real sentences are far shorter (a tweet is about 60 tokens).
     */
    static final int MAX_SENTENCE_TOKENS = 160;

    /** Each thread's working arrays, reused from mention to mention: only the finished tokens are allocated. */
    private static final ThreadLocal<Out> SCRATCH = ThreadLocal.withInitial(Out::new);

    /** The packed tokens being written, and the text's characters as the tokenizer reads them. */
    private static final class Out {
        char[] chars = new char[256];
        /** The characters of words, folded for the vocabulary as the words are read: lower case, straight apostrophes. */
        char[] folded = new char[256];
        int[] data = new int[Tokens.STRIDE * 64];
        int size;
        int words;
        int capsWords;
        /** Tokens since the last sentence end. */
        int sinceEnd;

        Out reset(String text) {
            if (chars.length < text.length()) {
                chars = new char[text.length()];
                folded = new char[text.length()];
            }
            text.getChars(0, text.length(), chars, 0);
            size = 0;
            words = 0;
            capsWords = 0;
            sinceEnd = 0;
            return this;
        }

        /**
         * Adds a token; a run of {@link #MAX_SENTENCE_TOKENS} tokens with no sentence end is ended
         * there first, by an empty line break, as if the person had pressed return.
         */
        void add(int start, int end, int id, int alt, int meta) {
            boolean ends = endsSentence(meta);
            if (!ends && sinceEnd >= MAX_SENTENCE_TOKENS) {
                append(start, start, Vocabulary.UNKNOWN, Vocabulary.UNKNOWN, Tokens.meta(Kind.PUNCT, 0, 1, '.'));
                sinceEnd = 0;
            }
            append(start, end, id, alt, meta);
            sinceEnd = ends ? 0 : sinceEnd + 1;
        }

        private void append(int start, int end, int id, int alt, int meta) {
            int at = size * Tokens.STRIDE;
            if (at + Tokens.STRIDE > data.length) {
                data = Arrays.copyOf(data, data.length * 2);
            }
            data[at] = start;
            data[at + 1] = end;
            data[at + 2] = id;
            data[at + 3] = alt;
            data[at + 4] = meta;
            size++;
        }

        boolean endsSentence() {
            return endsSentence(data[(size - 1) * Tokens.STRIDE + 4]);
        }

        private static boolean endsSentence(int meta) {
            char p = (char) (meta >>> 16);
            return p == '.' || p == '!' || p == '?';
        }
    }
}
