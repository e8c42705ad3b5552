package org.earshot.reading;

/**
 * The intent a mention's nearest examples share: one of complaint, question, purchase_intent,
 * feature_request, praise, spam, abuse, crisis, press or other; the nearest example of it, and how
 * near (cosine similarity, 0..1) and how much of the neighbours' vote it took (0..1).
 */
public record IntentGuess(String intent, String example, double similarity, double share) {

    /** For reasons people read: "crisis (like 'the tin of formula was spoiled...')". */
    public String why() {
        String shown = example.length() > 60 ? example.substring(0, 57) + "..." : example;
        return intent.replace('_', ' ') + " (like '" + shown + "')";
    }
}
