package org.earshot.reply;

import java.time.Duration;
import java.util.Map;
import org.earshot.config.ReplyPolicy;
import org.earshot.domain.Intent;

/** The policy's templates, Earshot's own where the policy has none, and the filling of their placeholders. */
final class ReplyTemplates {
    private static final Map<Intent, String> BUILT_IN = Map.of(
            Intent.COMPLAINT, "Hi {name}, I'm sorry about {problem}. I'm {handledBy} and I'm looking into it now; "
                    + "you'll hear back from me within {hearBack}.",
            Intent.QUESTION, "Hi {name}, thanks for asking about {problem}. I'm {handledBy}. I'm checking the details "
                    + "and will get back to you within {hearBack}.",
            Intent.PRAISE, "Thank you so much, {name}! It means a lot to the whole team. Have a great day!",
            Intent.PURCHASE_INTENT, "Hi {name}, thanks for your interest in {problem}! I'm {handledBy}. I'll get back "
                    + "to you with the details within {hearBack}.",
            Intent.FEATURE_REQUEST, "Hi {name}, thanks for suggesting {problem}. I'm {handledBy} and I've shared your "
                    + "idea with the team. We're grateful you took the time to tell us!",
            Intent.CRISIS, "Hi {name}, I'm very sorry to hear about {problem}. I'm {handledBy}, and I've passed this "
                    + "to our specialist team straight away. You'll hear back from us within {hearBack}.",
            Intent.OTHER, "Hi {name}, thanks for getting in touch. I'm {handledBy}. Could you tell me a little more, "
                    + "so I can help you properly?");
    /** What {problem} says when the mention names nothing specific. */
    private static final Map<Intent, String> NO_PROBLEM = Map.of(
            Intent.COMPLAINT, "what happened",
            Intent.QUESTION, "this",
            Intent.PURCHASE_INTENT, "what we offer",
            Intent.FEATURE_REQUEST, "this idea",
            Intent.CRISIS, "what happened");

    private final ReplyPolicy policy;

    ReplyTemplates(ReplyPolicy policy) {
        this.policy = policy;
    }

    String template(Intent intent) {
        String own = policy.templates().get(intent.id());
        return own == null || own.isBlank() ? BUILT_IN.getOrDefault(intent, BUILT_IN.get(Intent.OTHER)) : own;
    }

    /** What the team says publicly while a wave of complaints is looked into; the policy's "holding" template wins. */
    String holding(String problem) {
        String own = policy.templates().get("holding");
        String text = own == null || own.isBlank() ? HOLDING : own;
        return text.replace("{problem}", problem).replace("{handledBy}", policy.handledBy())
                .replace("{hearBack}", spoken(policy.hearBackWithin()));
    }

    private static final String HOLDING = "We know some of you are having trouble with {problem}. We're looking into it"
            + " and will update here within {hearBack}. {handledBy}";

    String fill(Intent intent, String name, String problem) {
        String text = template(intent);
        text = name.isBlank() ? withoutName(text) : text.replace("{name}", name);
        return text.replace("{problem}", problem == null || problem.isBlank() ? NO_PROBLEM.getOrDefault(intent, "this") : problem)
                .replace("{handledBy}", policy.handledBy())
                .replace("{hearBack}", spoken(policy.hearBackWithin()));
    }

    /** "Hi {name}," becomes "Hi there,"; "Thank you so much, {name}!" becomes "Thank you so much!". */
    static String withoutName(String text) {
        return text.replaceAll("\\b(Hi|Hello|Hey|Dear) \\{name\\}", "$1 there")
                .replace(", {name}", "")
                .replace(" {name}", "")
                .replace("{name}", "");
    }

    /** 24h reads "24 hours", 2d "2 days", 30m "30 minutes": what a person would say. */
    static String spoken(Duration d) {
        long minutes = d.toMinutes();
        if (minutes % (24 * 60) == 0 && minutes >= 48 * 60) {
            return plural(minutes / (24 * 60), "day");
        }
        if (minutes % 60 == 0 && minutes > 0) {
            return plural(minutes / 60, "hour");
        }
        return plural(Math.max(1, minutes), "minute");
    }

    private static String plural(long n, String unit) {
        return n == 1 ? "1 " + unit : n + " " + unit + "s";
    }
}
