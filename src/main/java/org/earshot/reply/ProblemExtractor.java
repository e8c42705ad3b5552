package org.earshot.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.earshot.domain.Intent;
import org.earshot.scoring.CueKind;
import org.earshot.scoring.MentionAnalysis;
import org.earshot.scoring.PhraseHit;
import org.earshot.scoring.Token;
import org.earshot.scoring.Tokens;

/**
 * Finds the specific problem in the customer's own words and turns it to the second person, so the
 * reply can name it: "you lost my bag" gives "your lost bag", "charged me twice" gives "the double
 * charge", "AC123 is delayed again" gives "flight AC123's delay", "how do I change my seat" gives
 * "your seat". Empty when nothing specific is said; the draft then asks.
 */
final class ProblemExtractor {
    static final Set<String> GOODS = Set.of("bag", "bags", "luggage", "suitcase", "suitcases", "baggage",
            "package", "parcel", "order", "stroller", "pram", "pushchair", "wheelchair", "guitar");
    /** Words that end a noun phrase taken from the text: verbs, adverbs, prepositions, conjunctions. */
    static final Set<String> STOP = Set.of("is", "was", "were", "are", "be", "been", "has", "have", "had",
            "got", "get", "gets", "never", "still", "not", "didn't", "hasn't", "isn't", "wasn't", "won't", "and",
            "or", "but", "to", "on", "in", "at", "for", "from", "with", "by", "of", "because", "so", "if", "that",
            "which", "who", "when", "where", "again", "yet", "just", "already", "now", "today", "yesterday", "it",
            "this", "please", "i", "you", "me", "we", "they", "he", "she", "can", "can't", "will", "would", "could",
            "should", "do", "does", "did", "open", "opens", "close", "closes", "start", "starts", "arrive",
            "arrived", "leave", "leaves", "cost", "costs", "work", "works", "take", "takes", "after", "before",
            "my", "your", "our", "the", "a", "an", "no", "any", "there", "here", "up", "out", "off", "back");
    private static final Map<String, String> SECOND_PERSON = Map.of("my", "your", "mine", "yours", "our", "your",
            "i", "you", "me", "you", "we", "you", "i'm", "you're", "myself", "yourself", "us", "you", "your", "our");
    private static final Set<String> FEATURE_LEAD_IN = Set.of("you", "had", "would", "could", "offered", "offer",
            "there", "was", "were", "we", "it", "i", "to", "see", "add", "have", "make", "made", "if", "bring", "back");

    Optional<String> extract(MentionAnalysis a, Intent intent) {
        Tokens t = a.tokens();
        return switch (intent) {
            case CRISIS -> first(crisis(a), serviceProblem(a), ProblemDetails.missingGoods(t), ProblemDetails.report(t));
            case PURCHASE_INTENT -> objectAfter(t, purchaseEnd(t), Set.of());
            case FEATURE_REQUEST -> feature(t);
            case QUESTION -> first(serviceProblem(a), possession(t), definite(t));
            case PRAISE -> ProblemDetails.praised(t);
            case COMPLAINT -> first(serviceProblem(a), ProblemDetails.assistance(t), ProblemDetails.onboard(t), ProblemDetails.waited(t), ProblemDetails.stuck(t), ProblemDetails.missingGoods(t));
            default -> first(serviceProblem(a), possession(t));
        };
    }

    /**
     * "please add a dark mode" gives "a dark mode"; a wish told as a clause ("would be great if the app
     * showed the gate") gives "this idea for the app", which reads better than the clause itself.
     */
    private static Optional<String> feature(Tokens t) {
        int end = featureEnd(t);
        if (end >= 0 && t.get(end).is("if")) {
            for (int i = end + 1; i < t.size(); i++) {
                if (t.get(i).is("the") || t.get(i).is("your")) {
                    List<String> words = nounPhrase(t, i + 1, 1);
                    if (!words.isEmpty()) {
                        return Optional.of("this idea for " + (t.get(i).is("your") ? "our " : "the ")
                                + String.join(" ", words));
                    }
                }
            }
            return Optional.empty();
        }
        return objectAfter(t, end, FEATURE_LEAD_IN);
    }


    @SafeVarargs
    private static Optional<String> first(Optional<String>... options) {
        for (Optional<String> o : options) {
            if (o.isPresent()) {
                return o;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> serviceProblem(MentionAnalysis a) {
        Tokens t = a.tokens();
        String flight = flightNumber(t);
        boolean flightWord = has(t, "flight");
        for (PhraseHit<CueKind> h : a.cues(CueKind.MONEY)) {
            String p = a.phrase(h);
            return Optional.of(p.contains("twice") || p.contains("double") ? "the double charge"
                    : p.contains("over") ? "the overcharge" : "the charge on your account");
        }
        String damaged = firstOf(t, Set.of("damaged", "broken", "bent", "torn", "cracked", "smashed", "ripped"));
        if (damaged != null && hasAny(t, GOODS) && !has(t, "lost")) {
            return Optional.of("your " + (damaged.equals("broken") || damaged.equals("bent") ? "damaged" : damaged) + " "
                    + firstOf(t, GOODS));
        }
        if (hasAny(t, GOODS) && (has(t, "left") || has(t, "behind")) && !hasAny(t, Set.of("lost", "missing"))) {
            return Optional.of("your missing " + firstOf(t, GOODS));
        }
        if (a.has(CueKind.LOST_GOODS) || a.has(CueKind.SERVICE) && hasAny(t, GOODS) && hasAny(t, Set.of("lost", "missing"))) {
            String goods = firstOf(t, GOODS);
            if (goods != null) {
                return Optional.of((has(t, "lost") ? "your lost " : "your missing ") + goods);
            }
        }
        if (hasAny(t, Set.of("delay", "delayed", "delays"))) {
            return Optional.of(flight != null ? "flight " + flight + "'s delay"
                    : flightWord ? "your flight's delay" : "the delay");
        }
        if (hasAny(t, Set.of("cancelled", "canceled", "cancellation"))) {
            return Optional.of(flight != null ? "the cancellation of flight " + flight
                    : flightWord ? "your cancelled flight" : has(t, "order") ? "your cancelled order" : "the cancellation");
        }
        String text = t.text().toLowerCase(Locale.ROOT);
        if (text.contains("let me board") || text.contains("denied boarding") || text.contains("refused boarding")
                || text.contains("let us board") || text.contains("offloaded")) {
            return Optional.of("being refused boarding");
        }
        if (hasAny(t, Set.of("refund", "refunds"))) {
            boolean waiting = hasAny(t, Set.of("still", "waiting", "weeks", "days", "months", "when", "where", "yet", "been"));
            return Optional.of(waiting ? "the wait for your refund" : "your refund");
        }
        for (PhraseHit<CueKind> h : a.cues(CueKind.SERVICE)) {
            String p = a.phrase(h);
            if (p.startsWith("on hold") || p.endsWith("on hold")) {
                return Optional.of(p.matches(".*\\d.*") ? "the " + p.replaceAll("^on hold for ", "")
                        .replaceAll(" on hold$", "") + " on hold" : "the wait on hold");
            }
            if (p.contains("connection")) {
                return Optional.of("your missed connection");
            }
            if (p.contains("log in") || p.contains("login")) {
                return Optional.of("the trouble logging in");
            }
        }
        for (PhraseHit<CueKind> h : a.cues(CueKind.STRANDED)) {
            String p = a.phrase(h);
            return Optional.of(p.startsWith("stranded") || p.startsWith("stuck") ? "being " + p : "being stranded");
        }
        if (hasAny(t, Set.of("damaged", "broken")) && hasAny(t, GOODS)) {
            return Optional.of("your damaged " + firstOf(t, GOODS));
        }
        if (has(t, "rude")) {
            return Optional.of("the way you were treated");
        }
        return Optional.empty();
    }

    private static Optional<String> crisis(MentionAnalysis a) {
        Tokens t = a.tokens();
        if (a.has(CueKind.SAFETY)) {
            String p = a.firstPhrase(CueKind.SAFETY);
            if (p.contains("fire")) {
                return Optional.of("the fire");
            }
            if (p.contains("smoke") || p.contains("burning")) {
                return Optional.of("the smoke");
            }
            if (p.contains("poison")) {
                return Optional.of(p.contains("food") ? "the food poisoning" : "the poisoning");
            }
            if (p.contains("allergic") || p.contains("anaphyla")) {
                return Optional.of("the allergic reaction");
            }
            if (p.contains("hurt") || p.contains("injur") || p.contains("broke") || p.contains("bleeding")) {
                return Optional.of("your injury");
            }
        }
        if (a.has(CueKind.SECURITY)) {
            return Optional.of(has(t, "account") ? "the security of your account"
                    : hasAny(t, Set.of("card", "charge", "charges")) ? "the charges you don't recognise"
                    : "this security problem");
        }
        String flight = flightNumber(t);
        return flight == null ? Optional.empty() : Optional.of("what happened on flight " + flight);
    }







    /** "my checked bag is missing" gives "your checked bag"; "my mum" is a person, not a problem. */
    private static Optional<String> possession(Tokens t) {
        for (int i = 0; i < t.size(); i++) {
            if ((t.get(i).is("my") || t.get(i).is("our")) && i + 1 < t.size() && !ProblemDetails.FAMILY.contains(t.get(i + 1).norm())) {
                List<String> words = nounPhrase(t, i + 1, 2);
                if (!words.isEmpty()) {
                    return Optional.of("your " + String.join(" ", words));
                }
            }
        }
        return Optional.empty();
    }

    /** "when does the lounge open" gives "the lounge". */
    private static Optional<String> definite(Tokens t) {
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).is("the")) {
                List<String> words = nounPhrase(t, i + 1, 2);
                if (!words.isEmpty()) {
                    return Optional.of("the " + String.join(" ", words));
                }
            }
        }
        return Optional.empty();
    }

    static List<String> nounPhrase(Tokens t, int from, int max) {
        List<String> words = new ArrayList<>();
        for (int k = from; k < t.size() && words.size() < max; k++) {
            Token w = t.get(k);
            if (!w.isWordLike() || STOP.contains(w.norm()) || w.norm().endsWith("ly")) {
                break;
            }
            words.add(w.kind() == Token.Kind.WORD && isFlightCode(w.norm()) ? w.norm().toUpperCase(Locale.ROOT)
                    : hasDigit(t.rawSpan(k, k)) ? t.rawSpan(k, k) : t.rawSpan(k, k).toLowerCase(Locale.ROOT));
        }
        return words;
    }

    /** The words after a purchase or feature phrase, up to the end of the clause: "a ticket to Lisbon". */
    private static Optional<String> objectAfter(Tokens t, int after, Set<String> leadIn) {
        if (after < 0) {
            return Optional.empty();
        }
        int k = after + 1;
        while (k < t.size() && t.get(k).isWordLike() && leadIn.contains(t.get(k).norm())) {
            k++;
        }
        List<String> words = new ArrayList<>();
        for (; k < t.size() && words.size() < 8; k++) {
            Token w = t.get(k);
            if (!w.isWordLike() || Set.of("and", "but", "because", "so", "if", "please", "thanks").contains(w.norm())) {
                break;
            }
            String raw = t.rawSpan(k, k);
            String lower = raw.toLowerCase(Locale.ROOT);
            words.add(SECOND_PERSON.getOrDefault(lower, Character.isUpperCase(raw.charAt(0)) && k > after + 1 ? raw : lower));
        }
        while (!words.isEmpty() && Set.of("the", "a", "an", "to", "for", "of", "your").contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        return words.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", words));
    }

    private static int purchaseEnd(Tokens t) {
        return cueEnd(t, IntentCue.PURCHASE);
    }

    private static int featureEnd(Tokens t) {
        return cueEnd(t, IntentCue.FEATURE);
    }

    private static int cueEnd(Tokens t, IntentCue kind) {
        return IntentPhrases.BOOK.find(t).stream().filter(h -> h.kind() == kind).findFirst()
                .map(PhraseHit::end).orElse(-1);
    }

    /** "AC123", "ba249", "flight 886": two letters and two to four digits, or a number after "flight". */
    static String flightNumber(Tokens t) {
        for (int i = 0; i < t.size(); i++) {
            Token w = t.get(i);
            if (w.kind() == Token.Kind.WORD && isFlightCode(w.norm())) {
                return w.norm().toUpperCase(Locale.ROOT);
            }
            if (w.is("flight") && i + 1 < t.size() && t.get(i + 1).kind() == Token.Kind.NUMBER) {
                return t.get(i + 1).norm();
            }
        }
        return null;
    }

    private static boolean isFlightCode(String w) {
        if (w.length() < 4 || w.length() > 6 || !Character.isLetter(w.charAt(0)) || !Character.isLetter(w.charAt(1))) {
            return false;
        }
        for (int k = 2; k < w.length(); k++) {
            if (!Character.isDigit(w.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** Booking codes and the like keep their case: "ZX9K2L", never "zx9k2l". */
    private static boolean hasDigit(String word) {
        return word.chars().anyMatch(Character::isDigit);
    }

    static boolean has(Tokens t, String word) {
        return t.tokens().stream().anyMatch(w -> w.isWordLike() && w.is(word));
    }

    static boolean hasAny(Tokens t, Set<String> words) {
        return t.tokens().stream().anyMatch(w -> w.isWordLike() && words.contains(w.norm()));
    }

    static String firstOf(Tokens t, Set<String> words) {
        return t.tokens().stream().filter(w -> w.isWordLike() && words.contains(w.norm())).map(Token::norm)
                .findFirst().orElse(null);
    }
}
