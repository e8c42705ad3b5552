package org.earshot.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.earshot.domain.Intent;
import org.earshot.domain.UrgencyLevel;

/**
 * What the team's replies may say.
 *
 * @param brandVoice      the voice whose templates replies use ("friendly", "formal")
 * @param handledBy       who signs replies ("Sam from Acme Support")
 * @param hearBackWithin  the honest "when you will hear back" when the answer is not known yet and
 *                        {@code hearBack} says nothing quicker for the mention
 * @param mayPromise      promises the team is allowed to make ("refund within 30 days")
 * @param mayNotPromise   words that mark a promise the team may not make unless allowed above
 *                        ("refund", "compensation", "by tomorrow")
 * @param templates       the brand voice's reply templates by intent id, with {name}, {problem},
 *                        {handledBy}, {hearBack} placeholders
 * @param signOff         the line before {@code handledBy} at the end of an e-mail ("Kind regards,")
 * @param askWhenUnclear  the one question a draft asks when a complaint does not say what went wrong
 * @param hearBack        quicker hear-back times by urgency level ("critical") or intent id ("crisis");
 *                        the quickest that applies wins
 * @param faq             preformatted answers to frequent questions
 * @param catalogue       what the brand sells, for people close to buying
 * @param legal           whether replies may admit fault
 * @param escalateTo      who takes a crisis, by kind ("legal", "safety", "security"); "default" for the rest
 * @param llm             the optional LLM drafter
 * @param languages       the team's language and the policy's texts in others
 * @param nextSteps       the concrete next step (a link, a form, a setting) for each kind of problem
 * @param promiseExamples promises a reply is compared with by meaning (forbidden and allowed)
 */
public record ReplyPolicy(
        String brandVoice,
        String handledBy,
        Duration hearBackWithin,
        List<String> mayPromise,
        List<String> mayNotPromise,
        Map<String, String> templates,
        String signOff,
        String askWhenUnclear,
        Map<String, Duration> hearBack,
        List<FaqAnswer> faq,
        Catalogue catalogue,
        LegalPolicy legal,
        Map<String, String> escalateTo,
        LlmSettings llm,
        PolicyLanguages languages,
        List<NextStep> nextSteps,
        PromiseExamples promiseExamples) {

    public static final String DEFAULT_SIGN_OFF = "Kind regards,";
    public static final String DEFAULT_ASK_WHEN_UNCLEAR =
            "Could you tell me a little more about what happened, so I can look into it for you?";

    public ReplyPolicy {
        mayPromise = List.copyOf(mayPromise);
        mayNotPromise = List.copyOf(mayNotPromise);
        templates = Map.copyOf(templates);
        signOff = signOff == null || signOff.isBlank() ? DEFAULT_SIGN_OFF : signOff;
        askWhenUnclear = askWhenUnclear == null || askWhenUnclear.isBlank() ? DEFAULT_ASK_WHEN_UNCLEAR : askWhenUnclear;
        hearBack = hearBack == null ? Map.of() : Map.copyOf(hearBack);
        faq = faq == null ? List.of() : List.copyOf(faq);
        catalogue = catalogue == null ? Catalogue.EMPTY : catalogue;
        legal = legal == null ? LegalPolicy.DEFAULT : legal;
        escalateTo = escalateTo == null ? Map.of() : Map.copyOf(escalateTo);
        llm = llm == null ? LlmSettings.OFF : llm;
        languages = languages == null ? PolicyLanguages.ENGLISH : languages;
        nextSteps = nextSteps == null ? List.of() : List.copyOf(nextSteps);
        promiseExamples = promiseExamples == null ? PromiseExamples.BUILT_IN : promiseExamples;
    }

    /** A policy whose texts are all in English, without next steps, with the built-in promise examples. */
    public ReplyPolicy(String brandVoice, String handledBy, Duration hearBackWithin, List<String> mayPromise,
                       List<String> mayNotPromise, Map<String, String> templates, String signOff, String askWhenUnclear,
                       Map<String, Duration> hearBack, List<FaqAnswer> faq, Catalogue catalogue, LegalPolicy legal,
                       Map<String, String> escalateTo, LlmSettings llm) {
        this(brandVoice, handledBy, hearBackWithin, mayPromise, mayNotPromise, templates, signOff, askWhenUnclear,
                hearBack, faq, catalogue, legal, escalateTo, llm, null, null, null);
    }

    /** A policy with the default sign-off and clarifying question. */
    public ReplyPolicy(String brandVoice, String handledBy, Duration hearBackWithin, List<String> mayPromise,
                       List<String> mayNotPromise, Map<String, String> templates) {
        this(brandVoice, handledBy, hearBackWithin, mayPromise, mayNotPromise, templates, null, null);
    }

    /** A policy without per-urgency hear-back times, answers, catalogue or LLM. */
    public ReplyPolicy(String brandVoice, String handledBy, Duration hearBackWithin, List<String> mayPromise,
                       List<String> mayNotPromise, Map<String, String> templates, String signOff, String askWhenUnclear) {
        this(brandVoice, handledBy, hearBackWithin, mayPromise, mayNotPromise, templates, signOff, askWhenUnclear,
                null, null, null, null, null, null);
    }

    /**
     * How soon a reply to this mention promises the person will hear back: the quickest of the
     * intent's time, the urgency level's time and {@code hearBackWithin}. A stranded traveller
     * (critical) must not be told "24 hours".
     */
    public Duration hearBackFor(Intent intent, UrgencyLevel level) {
        Duration best = hearBackWithin;
        for (String key : new String[] {intent == null ? null : intent.id(), level == null ? null : level.id()}) {
            Duration d = key == null ? null : hearBack.get(key);
            if (d != null && d.compareTo(best) < 0) {
                best = d;
            }
        }
        return best;
    }

    public ReplyPolicy withLlm(LlmSettings settings) {
        return new ReplyPolicy(brandVoice, handledBy, hearBackWithin, mayPromise, mayNotPromise, templates, signOff,
                askWhenUnclear, hearBack, faq, catalogue, legal, escalateTo, settings, languages, nextSteps,
                promiseExamples);
    }

    /** The same policy with these example promises. */
    public ReplyPolicy withPromiseExamples(PromiseExamples examples) {
        return new ReplyPolicy(brandVoice, handledBy, hearBackWithin, mayPromise, mayNotPromise, templates, signOff,
                askWhenUnclear, hearBack, faq, catalogue, legal, escalateTo, llm, languages, nextSteps, examples);
    }

    /** The same policy with these next steps. */
    public ReplyPolicy withNextSteps(List<NextStep> steps) {
        return new ReplyPolicy(brandVoice, handledBy, hearBackWithin, mayPromise, mayNotPromise, templates, signOff,
                askWhenUnclear, hearBack, faq, catalogue, legal, escalateTo, llm, languages, steps, promiseExamples);
    }
}
