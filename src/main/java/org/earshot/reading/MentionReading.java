package org.earshot.reading;

import java.util.Optional;
import org.earshot.domain.ReplyRule;
import org.earshot.domain.Warning;
import org.earshot.scoring.MentionAnalysis;
import org.earshot.scoring.SeenProblem;

/**
 * One reading of a mention, made once and shared by scoring and drafting: its language (ISO 639-1),
 * the text as analysed (the subject, if any, on the line before the body), the sentence embedding
 * (empty when the learned model is off) and the lexicon's findings.
 *
 * @param configured the language is one the team named in {@code languages}
 * @param intent     what its nearest intent examples say it wants; empty without the learned model
 * @param problem    what its nearest problem examples say is at stake (money taken, a locked account,
 *                   safety, ...), which urgency rises to; empty without the learned model or when nothing is
 */
public record MentionReading(String language, boolean configured, String text, Embedding embedding,
                             MentionAnalysis lexicon, Optional<IntentGuess> intent, Optional<SeenProblem> problem) {

    public boolean english() {
        return "en".equals(language);
    }

    /**
     * What the person approving should know when the mention is not in English: the lexicon, the
     * learned model and the templates read English best, so its scores are rougher.
     */
    public Optional<Warning> notice() {
        if (english()) {
            return Optional.empty();
        }
        String name = Languages.name(language);
        String text = configured
                ? "written in " + name + ": scored as well as the English model and lexicon read it; check the scores"
                : "written in " + name + ", not a language the team reads; scored as well as possible, check the scores";
        return Optional.of(new Warning(Warning.Kind.NOTICE, ReplyRule.LANGUAGE.id(), text));
    }
}
