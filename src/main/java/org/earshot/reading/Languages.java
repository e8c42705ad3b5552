package org.earshot.reading;

import java.util.List;
import java.util.Locale;

/**
 * The languages a team reads, as ISO 639-1 codes, the first the one a text too short to tell is taken
 * to be in. English is the language the learned model and the lexicon know best; the others are
 * scored as well as they can be, with a notice (see {@link MentionReading#notice()}).
 */
public record Languages(List<String> codes) {
    public static final Languages DEFAULT = new Languages(List.of("en", "es", "fr", "de", "pt"));

    public Languages {
        if (codes == null || codes.isEmpty()) {
            throw new IllegalArgumentException("languages must name at least one language, like [en]");
        }
        codes = codes.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
        for (String c : codes) {
            if (!c.matches("[a-z]{2,3}")) {
                throw new IllegalArgumentException(
                        "a language is a two-letter ISO 639-1 code like en or es, but was '" + c + "'");
            }
        }
    }

    public String first() {
        return codes.get(0);
    }

    public boolean contains(String code) {
        return codes.contains(code);
    }

    /** "Spanish" for es: for the notices people read. */
    public static String name(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() ? code : name;
    }
}
