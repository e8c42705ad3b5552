package org.earshot.config;

import java.util.List;

/**
 * A preformatted answer to a frequent question.
 *
 * @param id     what it answers ("baggage"), shown in the draft's reasons and in errors
 * @param match  phrases that show the question is about this, matched as whole words, case-insensitive
 * @param answer the answer, with the template placeholders {name}, {problem} and {handledBy}
 */
public record FaqAnswer(String id, List<String> match, String answer) {
    public FaqAnswer {
        match = List.copyOf(match);
    }
}
