package org.earshot.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.earshot.config.NextStep;

/**
 * Finds the policy's next step for a complaint's kind of problem: the step with the longest match phrase in
 * the mention, else, with the learned model on, the step whose phrases are nearest in meaning, when near
 * enough ({@value #NEAR}).
 */
final class NextStepFinder {
    /** How near in meaning a mention must be to one of a step's phrases to get that step. */
    static final double NEAR = 0.86;

    private final List<NextStep> steps;
    private final List<List<String>> padded;
    private final Meaning meaning;

    NextStepFinder(List<NextStep> steps, Meaning meaning) {
        this.steps = steps;
        this.meaning = meaning;
        this.padded = steps.stream().map(s -> s.match().stream().map(PhraseText::padded).toList()).toList();
    }

    /** The step and the phrase that chose it. */
    record Found(NextStep step, String phrase) {
    }

    Optional<Found> find(PhraseText text, Optional<float[]> mention) {
        Found best = null;
        for (int i = 0; i < steps.size(); i++) {
            NextStep s = steps.get(i);
            for (int k = 0; k < s.match().size(); k++) {
                String phrase = s.match().get(k);
                boolean longer = best == null || phrase.length() > best.phrase().length();
                if (longer && text.hasPadded(padded.get(i).get(k))) {
                    best = new Found(s, phrase);
                }
            }
        }
        if (best != null || mention.isEmpty() || steps.isEmpty()) {
            return Optional.ofNullable(best);
        }
        List<String> phrases = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            for (String p : steps.get(i).match()) {
                phrases.add(p);
                owner.add(i);
            }
        }
        Optional<List<float[]>> vectors = meaning.ofAll(phrases);
        if (vectors.isEmpty()) {
            return Optional.empty();
        }
        double top = NEAR;
        for (int k = 0; k < phrases.size(); k++) {
            double s = Meaning.similarity(mention.get(), vectors.get().get(k));
            if (s >= top) {
                top = s;
                best = new Found(steps.get(owner.get(k)), phrases.get(k));
            }
        }
        return Optional.ofNullable(best);
    }
}
