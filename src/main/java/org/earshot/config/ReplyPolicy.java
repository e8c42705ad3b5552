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
 */
public record ReplyPolicy(
        String brandVoice,
        String handledBy,
        Duration hearBackWithin,
        List<String> mayPromise,
        List<String> mayNotPromise,
        Map<String, String> templates) {

    public ReplyPolicy {
        mayPromise = List.copyOf(mayPromise);
        mayNotPromise = List.copyOf(mayNotPromise);
        templates = Map.copyOf(templates);
    }
}
