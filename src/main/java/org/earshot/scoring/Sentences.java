package org.earshot.scoring;

/** Where sentences and clauses begin and end among the tokens. */
final class Sentences {
    private Sentences() {
    }

    static int start(Tokens tokens, int i) {
        int k = i;
        while (k > 0 && !tokens.endsSentence(k - 1)) {
            k--;
        }
        return k;
    }

    /** The index of the sentence's last token: its end mark, or the text's last token. */
    static int end(Tokens tokens, int i) {
        int k = i;
        while (k < tokens.size() - 1 && !tokens.endsSentence(k)) {
            k++;
        }
        return k;
    }

    /** The first word at or after {@code i}, or {@code tokens.size()}. */
    static int firstWordFrom(Tokens tokens, int i) {
        int k = i;
        while (k < tokens.size() && !tokens.isWordLike(k)) {
            k++;
        }
        return k;
    }

    static boolean opensSentence(Tokens tokens, int i) {
        return firstWordFrom(tokens, start(tokens, i)) == i;
    }

    /** The first comma, semicolon, dash or sentence end after {@code i}, or the text's end. */
    static int clauseEnd(Tokens tokens, int i) {
        int k = i + 1;
        while (k < tokens.size()) {
            char p = tokens.punct(k);
            if (p == ',' || p == ';' || p == '-' || p == '.' || p == '!' || p == '?') {
                return k;
            }
            k++;
        }
        return k;
    }
}
