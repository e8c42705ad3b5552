package org.earshot.reply;

import java.util.List;
import java.util.Optional;
import org.earshot.config.FaqAnswer;

/** Picks the policy's preformatted answer for a question: the one whose longest match phrase occurs in it. */
final class AnswerFinder {
    private final List<FaqAnswer> answers;
    private final List<List<String>> padded;

    AnswerFinder(List<FaqAnswer> answers) {
        this.answers = answers;
        this.padded = answers.stream().map(a -> a.match().stream().map(PhraseText::padded).toList()).toList();
    }

    /** The answer and the phrase that chose it. */
    record Found(FaqAnswer answer, String phrase) {
    }

    Optional<Found> find(PhraseText text) {
        Found best = null;
        for (int i = 0; i < answers.size(); i++) {
            FaqAnswer a = answers.get(i);
            for (int k = 0; k < a.match().size(); k++) {
                String phrase = a.match().get(k);
                boolean longer = best == null || phrase.length() > best.phrase().length();
                if (longer && text.hasPadded(padded.get(i).get(k))) {
                    best = new Found(a, phrase);
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
