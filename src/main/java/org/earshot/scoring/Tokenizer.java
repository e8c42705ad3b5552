package org.earshot.scoring;

import java.util.ArrayList;
import java.util.List;
import org.earshot.scoring.Token.Kind;

/**
 * Cuts a mention into tokens in one pass over its characters: words, numbers, hashtags (camel case
 * split into words, so "#NeverAgain" reads as "never again"), emoji, emoticons and punctuation.
 * @handles and URLs are skipped: they say who and where, not how the person feels.
 * Stateless and thread-safe.
 */
public final class Tokenizer {
    // Longest first, so ":-(" wins over ":(" at the same place.
    private static final String[] EMOTICONS = {
        ">:-(", ">:(", ":'-(", ":'(", ":-)", ":-(", ":-D", ":-P", ":-p", ":-/", ";-)", "</3",
        ":)", ":(", ":D", ":P", ":p", ":/", ":|", ";)", "(:", "):", "=)", "=(", "<3", "xD", "XD", "^^", "-_-"
    };

    public Tokens tokenize(String raw) {
        String text = HtmlEntities.decode(raw == null ? "" : raw);
        List<Token> out = new ArrayList<>(text.length() / 4 + 4);
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            String emoticon;
            boolean atWordStart = i == 0 || Character.isWhitespace(text.charAt(i - 1)) || "([\"'".indexOf(text.charAt(i - 1)) >= 0;
            if (c == '\n') {
                if (!out.isEmpty() && !out.get(out.size() - 1).endsSentence()) {
                    out.add(new Token(Kind.PUNCT, ".", null, i, i + 1, false, 1));
                }
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (atWordStart && startsUrl(text, i)) {
                i = skipUntilSpace(text, i);
            } else if (c == '@' && (i + 1 < n) && isWordChar(text.charAt(i + 1))
                    && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                i = skipHandle(text, i + 1);
            } else if (atWordStart && (emoticon = emoticonAt(text, i)) != null) {
                String e = emoticon;
                out.add(new Token(Kind.EMOTICON, e, null, i, i + e.length(), false, 1));
                i += e.length();
            } else if (c == '#' && i + 1 < n && Character.isLetterOrDigit(text.charAt(i + 1))) {
                int end = wordEnd(text, i + 1);
                hashtag(text, i + 1, end, out);
                i = end;
            } else if (Character.isLetterOrDigit(c)) {
                int end = wordEnd(text, i);
                out.add(word(text, i, end));
                i = end;
            } else if (Character.isHighSurrogate(c) || isEmoji(c)) {
                int cp = text.codePointAt(i);
                int len = Character.charCount(cp);
                if (isEmoji(cp)) {
                    out.add(new Token(Kind.EMOJI, new String(Character.toChars(cp)), null, i, i + len, false, 1));
                }
                i += len;
            } else if (c == '!' || c == '?' || c == '.') {
                int end = i;
                while (end < n && text.charAt(end) == c) {
                    end++;
                }
                out.add(new Token(Kind.PUNCT, String.valueOf(c), null, i, end, false, end - i));
                i = end;
            } else {
                if (c != '\uFE0F' && c != '\u200D') {
                    out.add(new Token(Kind.PUNCT, String.valueOf(c), null, i, i + 1, false, 1));
                }
                i++;
            }
        }
        return new Tokens(text, out);
    }

    private static boolean startsUrl(String text, int i) {
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

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static String emoticonAt(String text, int i) {
        for (String e : EMOTICONS) {
            int end = i + e.length();
            if (text.startsWith(e, i) && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                return e;
            }
        }
        return null;
    }

    /** A word runs over letters and digits, with apostrophes inside ("don't", "where's"). */
    private static int wordEnd(String text, int i) {
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '_') {
                i++;
            } else if ((c == '\'' || c == '\u2019') && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static Token word(String text, int start, int end) {
        int letters = 0;
        int upper = 0;
        boolean digits = false;
        boolean allDigits = true;
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (Character.isLetter(c)) {
                letters++;
                allDigits = false;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            } else if (Character.isDigit(c)) {
                digits = true;
            } else {
                allDigits = false;
            }
        }
        String lower = text.substring(start, end).toLowerCase(java.util.Locale.ROOT).replace('\u2019', '\'');
        if (allDigits) {
            return new Token(Kind.NUMBER, lower, null, start, end, false, 1);
        }
        boolean caps = letters >= 2 && upper == letters && !digits;
        String norm = collapse(lower, 2);
        String alt = norm.equals(lower) ? null : collapse(lower, 1);
        return new Token(Kind.WORD, norm, alt, start, end, caps, 1);
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

    /** "#NeverAgain" gives the words "never" and "again"; "#fail" gives "fail". */
    private static void hashtag(String text, int start, int end, List<Token> out) {
        int partStart = start;
        for (int k = start + 1; k <= end; k++) {
            boolean boundary = k == end
                    || Character.isUpperCase(text.charAt(k)) && Character.isLowerCase(text.charAt(k - 1))
                    || text.charAt(k) == '_';
            if (boundary) {
                if (k > partStart) {
                    Token w = word(text, partStart, k);
                    out.add(new Token(Kind.HASHTAG, w.norm(), w.alt(), partStart == start ? start - 1 : partStart, k,
                            w.caps(), 1));
                }
                partStart = k < end && text.charAt(k) == '_' ? k + 1 : k;
            }
        }
    }

    private static boolean isEmoji(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF && !(cp >= 0x1F3FB && cp <= 0x1F3FF))
                || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0x2639 || cp == 0x263A || cp == 0x2764;
    }
}
