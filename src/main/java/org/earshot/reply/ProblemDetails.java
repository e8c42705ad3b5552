package org.earshot.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.earshot.scoring.Token;
import org.earshot.scoring.Tokens;

/**
 * The finer problems a complaint names without a service cue ("the wifi died", "three hours at FRA",
 * "the assistance never showed"), what a report is about, and what a person praised. Each gives the
 * words a reply names the problem with, or nothing.
 */
final class ProblemDetails {
    static final Set<String> FAMILY = Set.of("mum", "mom", "mother", "dad", "father", "son", "daughter",
            "wife", "husband", "partner", "kids", "children", "child", "family", "baby", "friend", "friends", "parents",
            "sister", "brother", "grandma", "grandmother", "grandpa", "grandfather", "boyfriend", "girlfriend", "toddler");
    private static final Map<String, String> ONBOARD = Map.ofEntries(Map.entry("wifi", "the Wi-Fi"),
            Map.entry("wi-fi", "the Wi-Fi"), Map.entry("wi", "the Wi-Fi"), Map.entry("seat", "your seat"),
            Map.entry("screen", "the screen"), Map.entry("entertainment", "the entertainment system"),
            Map.entry("toilet", "the toilet"), Map.entry("legroom", "the legroom"),
            Map.entry("charger", "the charging point"), Map.entry("aircon", "the air conditioning"),
            Map.entry("app", "the app"), Map.entry("website", "the website"), Map.entry("site", "the website"));
    private static final java.util.regex.Pattern WAITED = java.util.regex.Pattern.compile(
            "(?i)\\b(\\d+|two|three|four|five|six|seven|eight|nine|ten|twelve) hours (at|in) ([A-Z]{3}|[A-Z][a-z]+)\\b");
    private static final Set<String> PRAISED = Set.of("crew", "staff", "team", "pilot", "pilots", "service", "lounge",
            "app", "food", "meal", "seats", "agent", "attendant", "attendants", "support", "boarding", "upgrade", "wifi",
            "landing", "flight", "check-in");

    private ProblemDetails() {
    }

    /** What was praised, when it is one of the things a team can pass praise to: "the crew", "the lounge". */
    static Optional<String> praised(Tokens t) {
        for (int i = 0; i < t.size(); i++) {
            Token w = t.get(i);
            if (w.isWordLike() && PRAISED.contains(w.norm())) {
                return Optional.of("the " + w.norm());
            }
        }
        return Optional.empty();
    }

    /** "the assistance we booked never showed" gives "the assistance that never came". */
    static Optional<String> assistance(Tokens t) {
        return ProblemExtractor.has(t, "assistance") && ProblemExtractor.hasAny(t, Set.of("never", "didn't", "no", "nobody", "not"))
                ? Optional.of("the assistance that never came") : Optional.empty();
    }

    /** "stuck at gate C14" gives "being stuck at gate C14". */
    static Optional<String> stuck(Tokens t) {
        for (int i = 0; i + 1 < t.size(); i++) {
            if ((t.get(i).is("stuck") || t.get(i).is("stranded")) && (t.get(i + 1).is("at") || t.get(i + 1).is("in"))) {
                List<String> words = new ArrayList<>();
                for (int k = i + 2; k < t.size() && words.size() < 3 && t.get(k).isWordLike(); k++) {
                    String raw = t.rawSpan(k, k);
                    if (ProblemExtractor.STOP.contains(raw.toLowerCase(Locale.ROOT))) {
                        break;
                    }
                    words.add(raw);
                }
                if (!words.isEmpty()) {
                    return Optional.of("being " + t.get(i).norm() + " " + t.get(i + 1).norm() + " " + String.join(" ", words));
                }
            }
        }
        return Optional.empty();
    }

    /** "my bag is still in London" gives "your missing bag": a complaint about one's bag is about where it is. */
    static Optional<String> missingGoods(Tokens t) {
        for (int i = 0; i + 1 < t.size(); i++) {
            if ((t.get(i).is("my") || t.get(i).is("our")) && ProblemExtractor.GOODS.contains(t.get(i + 1).norm())) {
                return Optional.of("your missing " + t.get(i + 1).norm());
            }
        }
        return Optional.empty();
    }

    /** "the wifi died an hour in" gives "the trouble with the wifi"; two things give both. */
    static Optional<String> onboard(Tokens t) {
        List<String> found = new ArrayList<>();
        for (Token w : t.tokens()) {
            String n = w.isWordLike() ? w.norm() : "";
            String name = ONBOARD.get(n);
            if (name != null && !found.contains(name) && found.size() < 2) {
                found.add(name);
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of("the trouble with " + String.join(" and ", found));
    }

    /** "three hours at FRA and counting" gives "the three hours at FRA". */
    static Optional<String> waited(Tokens t) {
        java.util.regex.Matcher m = WAITED.matcher(t.text());
        return m.find() ? Optional.of("the " + m.group(1).toLowerCase(Locale.ROOT) + " hours " + m.group(2)
                + " " + m.group(3)) : Optional.empty();
    }

    /** "the overhead bin latch popped open" gives "the overhead bin latch": what a report is about. */
    static Optional<String> report(Tokens t) {
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).is("the") || t.get(i).is("your")) {
                List<String> words = ProblemExtractor.nounPhrase(t, i + 1, 3);
                if (!words.isEmpty() && !FAMILY.contains(words.get(0))) {
                    return Optional.of("the " + String.join(" ", words));
                }
            }
        }
        return Optional.empty();
    }
}
