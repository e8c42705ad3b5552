package org.earshot.config;

import java.util.List;
import java.util.Map;

/**
 * A preformatted answer to a frequent question.
 *
 * @param id     what it answers ("baggage"), shown in the draft's reasons and in errors
 * @param match  phrases that show the question is about this, matched as whole words, case-insensitive
 * @param answer the answer, with the template placeholders {name}, {problem} and {handledBy}
 * @param translations the answer in other languages, by ISO 639-1 code (their match phrases are in {@code match})
 */
public record FaqAnswer(String id, List<String> match, String answer, Map<String, String> translations) {
    public FaqAnswer {
        match = List.copyOf(match);
        translations = translations == null ? Map.of() : Map.copyOf(translations);
    }

    /** An answer in the team's language only. */
    public FaqAnswer(String id, List<String> match, String answer) {
        this(id, match, answer, Map.of());
    }
}
