package org.earshot.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.earshot.config.FaqAnswer;

/**
 * Picks the policy's preformatted answer for a question. With the learned model on, by meaning: the answer
 * one of whose match phrases or sentences is nearest the mention, when near enough ({@value #NEAR}); else
 * (and when none is near) by words: the one whose longest match phrase occurs in it.
 */
final class AnswerFinder {
    /**
     * How near in meaning a mention must be to an answer's phrase or sentence to get that answer. Checked with
     * the e5 model on 24 self-written questions against the example airline's answers (ReplyByMeaningIT): at
     * 0.87, 5 of 16 reworded questions got the right answer, 1 a wrong one (Wi-Fi read as flight status), and
     * an unrelated complaint came within 0.001 of an answer (0.869); at 0.88, 3 right, none wrong, no unrelated
     * one above 0.87. A wrong answer costs more than none (the words still find the plain ones), so 0.88.
     */
    static final double NEAR = 0.88;

    private final List<FaqAnswer> answers;
    private final List<List<String>> padded;
    private final Meaning meaning;

    AnswerFinder(List<FaqAnswer> answers) {
        this(answers, Meaning.NONE);
    }

    AnswerFinder(List<FaqAnswer> answers, Meaning meaning) {
        this.answers = answers;
        this.meaning = meaning;
        this.padded = answers.stream().map(a -> a.match().stream().map(PhraseText::padded).toList()).toList();
    }

    /** The answer and the phrase that chose it. */
    record Found(FaqAnswer answer, String phrase) {
    }

    Optional<Found> find(PhraseText text) {
        return find(text, Optional.empty());
    }

    /** By meaning when the mention's embedding is given and an answer is near it, else by words. */
    Optional<Found> find(PhraseText text, Optional<float[]> mention) {
        Optional<Found> near = mention.flatMap(this::nearest);
        return near.isPresent() ? near : byWords(text);
    }

    private Optional<Found> nearest(float[] mention) {
        List<String> texts = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            for (String p : answers.get(i).match()) {
                texts.add(p);
                owner.add(i);
            }
            for (String s : AnswerPart.contentSentences(answers.get(i).answer())) {
                texts.add(s);
                owner.add(-1 - i);
            }
        }
        Optional<List<float[]>> vectors = meaning.ofAll(texts);
        if (vectors.isEmpty()) {
            return Optional.empty();
        }
        double top = NEAR;
        int best = -1;
        for (int k = 0; k < texts.size(); k++) {
            double s = Meaning.similarity(mention, vectors.get().get(k));
            if (s >= top) {
                top = s;
                best = owner.get(k) >= 0 ? owner.get(k) : -1 - owner.get(k);
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        FaqAnswer a = answers.get(best);
        // The phrase that names it: its nearest match phrase.
        String phrase = a.match().get(0);
        double near = -1;
        for (int k = 0; k < texts.size(); k++) {
            if (owner.get(k) == best) {
                double s = Meaning.similarity(mention, vectors.get().get(k));
                if (s > near) {
                    near = s;
                    phrase = texts.get(k);
                }
            }
        }
        return Optional.of(new Found(a, phrase));
    }

    private Optional<Found> byWords(PhraseText text) {
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
