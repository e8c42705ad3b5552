package org.earshot.store;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words a mention is found by, in the one form both databases' full-text engines index the same way:
 * lower case, accents taken off ({@code Café} is {@code cafe}), and every run of characters that is not a
 * letter or digit made one space ({@code e_42} is {@code e 42}, {@code <b>} is {@code b}). H2's FullText
 * and PostgreSQL's {@code simple} parser then see the same words, and a search is folded the same way.
 */
public final class SearchText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchText() {
    }

    /** The stored search text of a mention: its text, subject, author's name and handle. */
    public static String ofMention(String text, String subject, String authorName, String authorHandle) {
        return folded(String.join(" ", text, subject, authorName, authorHandle));
    }

    /** Lower case, no accents, words separated by one space, none at either end. */
    public static String folded(String raw) {
        String decomposed = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFKD);
        String bare = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(bare).replaceAll(" ").strip();
    }

    /** A search's words, folded, each once, in the order typed; none when it has no letter or digit. */
    public static List<String> words(String query) {
        String folded = folded(query);
        return folded.isEmpty() ? List.of() : Arrays.stream(folded.split(" ")).distinct().toList();
    }
}
