package org.earshot.reply;

import java.util.List;
import java.util.Optional;
import org.earshot.config.FaqAnswer;

/** Picks the policy's preformatted answer for a question: the one whose longest match phrase occurs in it. */
final class AnswerFinder {
    private final List<FaqAnswer> answers;

    AnswerFinder(List<FaqAnswer> answers) {
        this.answers = answers;
    }

    /** The answer and the phrase that chose it. */
    record Found(FaqAnswer answer, String phrase) {
    }

    Optional<Found> find(PhraseText text) {
        Found best = null;
        for (FaqAnswer a : answers) {
            for (String phrase : a.match()) {
                if (text.has(phrase) && (best == null || phrase.length() > best.phrase().length())) {
                    best = new Found(a, phrase);
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
