package org.earshot.reply;

import org.earshot.domain.Intent;
import org.earshot.reading.IntentGuess;
import org.earshot.reading.MentionReading;

/**
 * Puts the intent the nearest examples say beside the rules' (the cue phrases): the rules keep spam
 * they can name and a crisis their safety, security and legal cues found; the examples decide the
 * rest, and may find a crisis the cues missed (a threat, spoiled baby formula); a complaint the rules
 * found stays one unless the examples read a feature request, a wish to buy or abuse. Abuse is answered as
 * spam is, by nobody; the press is known from the connector, so a press guess leaves the rules' intent.
 */
final class ExampleIntent {
    /** What examples may read in a mention the rules call a complaint. */
    private static final java.util.Set<String> REFINES_A_COMPLAINT = java.util.Set.of("feature_request",
            "purchase_intent", "abuse");

    private ExampleIntent() {
    }

    static IntentDetection combine(IntentDetection rules, MentionReading reading) {
        if (reading == null || reading.intent().isEmpty()) {
            return rules;
        }
        IntentGuess guess = reading.intent().get();
        if (guess.intent().equals("crisis")) {
            return rules.intent() == Intent.CRISIS ? rules : new IntentDetection(Intent.CRISIS, guess.why());
        }
        if (rules.intent() == Intent.CRISIS || rules.intent() == Intent.SPAM && !rules.why().startsWith("abuse")) {
            return rules;
        }
        if (rules.intent() == Intent.COMPLAINT && !REFINES_A_COMPLAINT.contains(guess.intent())) {
            // A complaint the cues found (a service problem, money, lost goods) stays one: examples
            // of praise or small talk near its words do not undo what it says went wrong.
            return rules;
        }
        return switch (guess.intent()) {
            case "abuse" -> rules.intent() == Intent.COMPLAINT ? rules : new IntentDetection(Intent.SPAM, guess.why());
            case "spam" -> new IntentDetection(Intent.SPAM, guess.why());
            case "press" -> rules;
            default -> new IntentDetection(Intent.valueOf(guess.intent().toUpperCase(java.util.Locale.ROOT)), "");
        };
    }
}
