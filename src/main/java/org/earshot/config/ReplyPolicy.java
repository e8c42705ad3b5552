package org.earshot.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the team's replies may say.
 *
 * @param handledBy       who signs replies ("Sam from Acme Support")
 * @param hearBackWithin  the honest "when you will hear back" when the answer is not known yet
 * @param mayPromise      promises the team is allowed to make ("refund within 30 days")
 * @param mayNotPromise   words that mark a promise the team may not make unless allowed above
 *                        ("refund", "compensation", "by tomorrow")
 * @param templates       reply templates by intent id, with {name}, {problem}, {handledBy},
 *                        {hearBack} placeholders
 * @param signOff         the line before {@code handledBy} at the end of an e-mail ("Kind regards,")
 * @param askWhenUnclear  the one question a draft asks when the mention does not say what went wrong
 */
public record ReplyPolicy(
        String brandVoice,
        String handledBy,
        Duration hearBackWithin,
        List<String> mayPromise,
        List<String> mayNotPromise,
        Map<String, String> templates,
        String signOff,
        String askWhenUnclear) {

    public static final String DEFAULT_SIGN_OFF = "Kind regards,";
    public static final String DEFAULT_ASK_WHEN_UNCLEAR =
            "Could you tell me a little more about what happened, so I can look into it for you?";

    public ReplyPolicy {
        mayPromise = List.copyOf(mayPromise);
        mayNotPromise = List.copyOf(mayNotPromise);
        templates = Map.copyOf(templates);
        signOff = signOff == null || signOff.isBlank() ? DEFAULT_SIGN_OFF : signOff;
        askWhenUnclear = askWhenUnclear == null || askWhenUnclear.isBlank() ? DEFAULT_ASK_WHEN_UNCLEAR : askWhenUnclear;
    }

    /** A policy with the default sign-off and clarifying question. */
    public ReplyPolicy(String brandVoice, String handledBy, Duration hearBackWithin, List<String> mayPromise,
                       List<String> mayNotPromise, Map<String, String> templates) {
        this(brandVoice, handledBy, hearBackWithin, mayPromise, mayNotPromise, templates, null, null);
    }
}
