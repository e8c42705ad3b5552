package org.earshot.reply;

import java.util.Locale;
import java.util.regex.Pattern;
import org.earshot.config.ReplyPolicy;

/**
 * Asks only for what is missing: the policy's question asks for a booking reference, an order number or
 * an account e-mail, and the mention already holds one, so the draft asks the general question instead.
 */
final class Asks {
    private static final Pattern BOOKING = Pattern.compile("\\b(?=[A-Z0-9]*\\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6}\\b");
    private static final Pattern ORDER = Pattern.compile("(?i)\\b(order|ticket|case|reference|ref|booking|confirmation)"
            + "\\s*(number|no\\.?|#|code)?\\s*:?\\s*#?[A-Z0-9-]{5,}\\b|#\\d{5,}");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+|\\[email removed\\]");

    /** A booking or order reference asked for in Spanish, French, German or Portuguese. */
    private static final Pattern IN_OTHER_LANGUAGES = Pattern.compile(
            "reserva|référence|réservation|numéro de commande|buchungsnummer|bestellnummer|número de pedido|código");

    private Asks() {
    }

    /** The policy's question, or the general one when it asks for something the mention gave. */
    static String onlyMissing(String ask, String mention) {
        String lower = ask.toLowerCase(Locale.ROOT);
        boolean asksReference = lower.contains("booking") || lower.contains("reference") || lower.contains("order number")
                || lower.contains("confirmation") || IN_OTHER_LANGUAGES.matcher(lower).find();
        boolean asksEmail = lower.contains("e-mail") || lower.contains("email");
        if (asksReference && (BOOKING.matcher(mention).find() || ORDER.matcher(mention).find())
                || asksEmail && EMAIL.matcher(mention).find()) {
            return ReplyPolicy.DEFAULT_ASK_WHEN_UNCLEAR;
        }
        return ask;
    }

    /** Whether a reply asks for a reference, an order number or an e-mail that the mention already holds. */
    static boolean asksForGiven(String reply, String mention) {
        return !onlyMissing(reply, mention).equals(reply);
    }
}
