package org.earshot.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.earshot.domain.Intent;
import org.earshot.reading.Structure;
import org.earshot.scoring.MentionAnalysis;

/**
 * What the drafter and the rules know about a mention: its intent, the problem in the person's words,
 * the preformatted answer or catalogue item it asks about, and the words that name its subject (a
 * reply must use one of them to name the problem); its language (an ISO 639-1 code), its grammar, and
 * the trouble said back as a clause ("Premiere crashes while you import"; empty when none reads well).
 */
record MentionReading(MentionAnalysis analysis, IntentDetection detection, String problem,
                      Optional<AnswerFinder.Found> answer, Optional<ProductFinder.Found> product, PhraseText text,
                      String language, Structure structure, String saidBack,
                      Optional<NextStepFinder.Found> nextStep) {
    private static final Set<String> NOT_NAMING = Set.of("your", "the", "a", "an", "of", "to", "with", "being", "for",
            "this", "that", "what", "and", "in", "on", "at", "my", "our", "you", "me", "i", "it");

    Intent intent() {
        return detection.intent();
    }

    /**
     * Words of which a reply must use one to name the person's problem: the problem's own words and
     * the phrase that chose the answer or item. Empty when nothing specific was said.
     */
    List<String> subjectWords() {
        List<String> out = new ArrayList<>();
        add(out, problem);
        add(out, saidBack);
        answer.ifPresent(a -> add(out, a.phrase()));
        product.ifPresent(p -> {
            add(out, p.phrase());
            add(out, p.offered().name());
        });
        return out;
    }

    private static void add(List<String> out, String phrase) {
        for (String w : phrase.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}'-]+")) {
            String word = w.endsWith("'s") ? w.substring(0, w.length() - 2) : w;
            if (word.length() > 1 && !NOT_NAMING.contains(word) && !out.contains(word)) {
                out.add(word);
            }
        }
    }
}
