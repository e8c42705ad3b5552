package org.earshot.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.earshot.config.FaqAnswer;
import org.earshot.config.PolicyLanguage;
import org.earshot.config.ReplyPolicy;
import org.earshot.domain.Intent;
import org.earshot.domain.ReplyRule;
import org.earshot.domain.Warning;

/**
 * The language a draft is written in, and why: the mention's when drafts are written in it (en, es, fr,
 * de, pt), else the team's with a notice; the team's too, with a notice, when the preformatted answer
 * or the catalogue item the draft would give has no text in the mention's language.
 *
 * @param language the phrasebook of the draft's language
 * @param notices  what the person approving should know about that choice
 */
record DraftLanguage(ReplyLanguage language, List<Warning> notices) {
    DraftLanguage {
        notices = List.copyOf(notices);
    }

    /** The language for a reply to this reading under this policy. */
    static DraftLanguage choose(MentionReading reading, ReplyPolicy policy) {
        String team = teamLanguage(policy);
        String mention = reading.language() == null || reading.language().isBlank() ? team : reading.language();
        List<Warning> notices = new ArrayList<>();
        if (ReplyLanguage.drafted(mention) && !mention.equals("en") && !ownWords(reading.text().folded(), mention)) {
            // The detector leans to the team's languages on short texts: "I just did" is not French.
            notices.add(ReplyRule.LANGUAGE.warning("read as " + name(mention) + ", but too few of its words are "
                    + name(mention) + ": drafted in English; check the language before approving"));
            return new DraftLanguage(ReplyLanguage.english(), notices);
        }
        if (!ReplyLanguage.drafted(mention)) {
            notices.add(ReplyRule.LANGUAGE.warning("written in " + org.earshot.reading.Languages.name(mention)
                    + ", which drafts are not written in (" + String.join(", ", ReplyLanguage.DRAFTED) + "): drafted in "
                    + name(team) + ", the team's language; translate it before approving"));
            return new DraftLanguage(ReplyLanguage.of(team), notices);
        }
        if (mention.equals(team)) {
            return new DraftLanguage(ReplyLanguage.of(team), notices);
        }
        Optional<FaqAnswer> answer = reading.answer().map(AnswerFinder.Found::answer);
        if (answer.isPresent() && !answer.get().translations().containsKey(mention)) {
            notices.add(ReplyRule.LANGUAGE.warning("the answer '" + answer.get().id() + "' has no " + name(mention)
                    + " text in the policy (translations: " + mention + "): drafted in " + name(team)
                    + ", the team's language; translate it before approving"));
            return new DraftLanguage(ReplyLanguage.of(team), notices);
        }
        if (reading.product().isPresent()) {
            notices.add(ReplyRule.LANGUAGE.warning("the catalogue has no " + name(mention) + " text: drafted in "
                    + name(team) + ", the team's language; translate it before approving"));
            return new DraftLanguage(ReplyLanguage.of(team), notices);
        }
        if (policy.languages().in(mention).handledBy().isBlank()) {
            notices.add(ReplyRule.LANGUAGE.warning("drafted in " + name(mention) + "; the policy has no " + name(mention)
                    + " handledBy (languages: " + mention + ": handledBy:), so the team's '" + policy.handledBy() + "' is used"));
        }
        return new DraftLanguage(ReplyLanguage.of(mention), notices);
    }

    /** Whether the text has the language's own commonest words: two, or one and more than English ones. */
    static boolean ownWords(String text, String code) {
        int own = Languages.commonWords(text, code);
        return own >= 2 || own == 1 && Languages.commonWords(text, "en") == 0;
    }

    /** The team's language when drafts can be written in it, else English. */
    static String teamLanguage(ReplyPolicy policy) {
        String team = policy.languages().team();
        return ReplyLanguage.drafted(team) ? team : "en";
    }

    /**
     * The policy as it reads in this language: the policy's texts for it (templates, handledBy, sign-off,
     * question) over the built-in ones, and each answer's translation. The team's language: the policy itself.
     */
    static ReplyPolicy policyIn(ReplyPolicy policy, ReplyLanguage language) {
        if (language.code().equals(teamLanguage(policy))) {
            return policy;
        }
        String code = language.code();
        PolicyLanguage own = policy.languages().in(code);
        List<FaqAnswer> faq = policy.faq().stream().map(a -> translated(a, code)).toList();
        return new ReplyPolicy(policy.brandVoice(), own.handledBy().isBlank() ? policy.handledBy() : own.handledBy(),
                policy.hearBackWithin(), policy.mayPromise(), policy.mayNotPromise(), own.templates(),
                own.signOff().isBlank() ? language.signOff() : own.signOff(),
                own.askWhenUnclear().isBlank() ? language.askWhenUnclear() : own.askWhenUnclear(), policy.hearBack(),
                faq, policy.catalogue(), policy.legal(), policy.escalateTo(), policy.llm(), policy.languages(),
                List.of(), policy.promiseExamples());
    }

    private static FaqAnswer translated(FaqAnswer a, String code) {
        String text = a.translations().get(code);
        return text == null ? a : new FaqAnswer(a.id(), a.match(), text, a.translations());
    }

    /**
     * The reading as a draft in this language uses it. The problem and the said-back clause are read from
     * English grammar, so a mention in another language keeps neither; a draft in the mention's language says
     * back the person's own phrase with its possessive turned ("mi maleta" → "su maleta") where one can be
     * turned, and otherwise the template says plainly that it is sorry without naming what it did not read.
     * Its language is the draft's, which the rules read it in. A next step is given where the policy has it
     * in this language ({@code translations} of a {@code nextSteps} entry), else none.
     */
    MentionReading readingFor(MentionReading r, ReplyPolicy localPolicy) {
        boolean english = r.language() == null || r.language().isBlank() || "en".equals(r.language())
                || language.isEnglish() && !ownWords(r.text().folded(), r.language());
        if (english && language.isEnglish()) {
            return r;
        }
        if (english) {
            return new MentionReading(r.analysis(), r.detection(), r.problem(), r.answer(), r.product(), r.text(),
                    language.code(), r.structure(), r.saidBack(), r.nextStep());
        }
        String problem = "";
        boolean sameLanguage = language.code().equals(r.language());
        IntentDetection detection = sameLanguage ? intentInLanguage(r, language) : r.detection();
        // Trouble told is answered as a complaint, not with a preformatted answer.
        Optional<AnswerFinder.Found> found = detection.intent() == Intent.COMPLAINT && r.intent() != Intent.COMPLAINT
                ? Optional.empty() : r.answer();
        r = new MentionReading(r.analysis(), detection, r.problem(), found, r.product(), r.text(), r.language(),
                r.structure(), r.saidBack(), r.nextStep());
        if (sameLanguage && speaksOfProblem(r)) {
            problem = PossessivePhrase.of(r.structure(), language).orElse("");
        }
        Optional<AnswerFinder.Found> answer = r.answer().map(f -> new AnswerFinder.Found(
                localPolicy.faq().stream().filter(a -> a.id().equals(f.answer().id())).findFirst().orElse(f.answer()),
                f.phrase()));
        // The policy's next step where it gives it in this language.
        Optional<NextStepFinder.Found> step = r.nextStep().flatMap(f -> f.step().in(language.code())
                .map(local -> new NextStepFinder.Found(local, f.phrase())));
        return new MentionReading(r.analysis(), r.detection(), problem, answer, r.product(), r.text(), language.code(),
                r.structure(), "", step);
    }

    /** The language a draft for this (localised) reading is in: its language when drafts are written in it, else English. */
    static ReplyLanguage of(MentionReading r) {
        return ReplyLanguage.drafted(r.language()) ? ReplyLanguage.of(r.language()) : ReplyLanguage.english();
    }

    /** The drafter's safety sentence, said in English in every reply to a safety matter, in the draft's language. */
    static String safetyInLanguage(String body, ReplyLanguage language) {
        if (language.isEnglish() || !body.contains(ReplyDrafter.SAFETY_FIRST)) {
            return body;
        }
        String said = body.contains(language.safetyFirst()) ? "" : language.safetyFirst();
        return body.replace(ReplyDrafter.SAFETY_FIRST, said).replaceAll("\\s{2,}", " ").strip();
    }

    /**
     * The intent, corrected by the language's own cues where the English reading could not tell: trouble told
     * is a complaint, thanks without trouble is praise, a question mark without either is a question.
     * A crisis, spam, a sale or a suggestion the reading found stays what it is.
     */
    private static IntentDetection intentInLanguage(MentionReading r, ReplyLanguage language) {
        Intent read = r.intent();
        boolean correctable = read == Intent.OTHER || read == Intent.PRAISE || read == Intent.QUESTION && r.answer().isEmpty();
        if (!correctable) {
            return r.detection();
        }
        String text = r.text().folded();
        String raw = r.analysis().tokens().text();
        if (language.complains(raw) || language.complains(text)) {
            return new IntentDetection(Intent.COMPLAINT, language.code() + " complaint cue");
        }
        if (read == Intent.OTHER && raw.contains("?")) {
            return new IntentDetection(Intent.QUESTION, language.code() + " question");
        }
        if (read != Intent.QUESTION && (language.praises(raw) || language.praises(text))) {
            return new IntentDetection(Intent.PRAISE, language.code() + " praise cue");
        }
        return r.detection();
    }

    /** The intents whose templates name the problem in another language; the others are written without it. */
    private static boolean speaksOfProblem(MentionReading r) {
        return switch (r.intent()) {
            case COMPLAINT, QUESTION, PRAISE, OTHER -> true;
            default -> false;
        };
    }

    private static String name(String code) {
        return org.earshot.reading.Languages.name(code);
    }
}
