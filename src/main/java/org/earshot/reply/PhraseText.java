package org.earshot.reply;

import java.util.Locale;

/** A text folded for whole-word phrase matching: lower case, words separated by single spaces. */
record PhraseText(String folded) {
    static PhraseText of(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        StringBuilder b = new StringBuilder(lower.length() + 2).append(' ');
        boolean space = true;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean word = Character.isLetterOrDigit(c) || c == '\'' || c == '-' && i > 0 && i + 1 < lower.length()
                    && Character.isLetterOrDigit(lower.charAt(i - 1)) && Character.isLetterOrDigit(lower.charAt(i + 1));
            if (word) {
                b.append(c);
                space = false;
            } else if (!space) {
                b.append(' ');
                space = true;
            }
        }
        if (!space) {
            b.append(' ');
        }
        return new PhraseText(b.toString());
    }

    /** Whether the phrase occurs as whole words; -1 when it does not, else where. */
    int find(String phrase) {
        return folded.indexOf(' ' + phrase.toLowerCase(Locale.ROOT).strip() + ' ');
    }

    boolean has(String phrase) {
        return find(phrase) >= 0;
    }

    /** A phrase ready for {@link #hasPadded}: lower case between single spaces, made once where phrases are loaded. */
    static String padded(String phrase) {
        return ' ' + phrase.toLowerCase(Locale.ROOT).strip() + ' ';
    }

    boolean hasPadded(String padded) {
        return folded.contains(padded);
    }
}
