package org.earshot.reply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.earshot.config.ReplyPolicy;

/**
 * The policy's templates (its brand voice's), Earshot's own friendly ones where the policy has none,
 * and the filling of their placeholders.
 */
final class ReplyTemplates {
    private static final Map<String, String> BUILT_IN = builtIn();

    private static Map<String, String> builtIn() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("complaint", "Hi {name}, I'm sorry about {problem}. I'm"
                + " {handledBy} and I'm looking into it now; you'll hear back from me within {hearBack}.");
        t.put("complaint_critical", "Hi {name}, I'm so sorry about {problem}; I know how stressful this is. I'm"
                + " {handledBy} and I'm on it right now. You'll hear back from me within {hearBack} with your options.");
        t.put("complaint_said", "Hi {name}, I'm sorry {saidBack}. I'm {handledBy} and I'm looking into it now;"
                + " you'll hear back from me within {hearBack}.");
        t.put("complaint_said_critical", "Hi {name}, I'm so sorry {saidBack}; I know how stressful this is. I'm"
                + " {handledBy} and I'm on it right now. You'll hear back from me within {hearBack} with your options.");
        t.put("question_said", "Hi {name}, I'm sorry {saidBack}. I'm {handledBy}; I'm checking what can be done and"
                + " will get back to you within {hearBack}.");
        t.put("complaint_unclear", "Hi {name}, I'm sorry for the trouble, though I couldn't tell from your message"
                + " exactly what went wrong. I'm {handledBy} and I'd like to help. {ask}");
        t.put("complaint_step", "Hi {name}, I'm sorry you're having trouble with {about}. {nextStep} I'm {handledBy};"
                + " if that doesn't sort it, tell me here what you see and I'll take it from there.");
        t.put("question", "Hi {name}, thanks for asking about {problem}. I'm {handledBy}. I'm checking the details and"
                + " will get back to you within {hearBack}.");
        t.put("question_unclear", "Hi {name}, thanks for getting in touch! I'm {handledBy}. I couldn't tell from your"
                + " message exactly what you'd like to know: could you tell me a little more, so I can give you the right answer?");
        t.put("question_product", "Hi {name}, thanks for asking about {product}! {pitch} You'll find the details at"
                + " {link}. I'm {handledBy}; if that doesn't answer your question, tell me a little more and I'll find out.");
        t.put("praise", "Thank you so much, {name}! I'll share your kind words about {problem} with the team; it means"
                + " a lot to them. Have a great day!");
        t.put("praise_glad", "Thanks, {name}! I'm glad {saidBack}. If anything else comes up, just ask here.");
        t.put("praise_unclear", "Thanks so much, {name}! Glad to hear from you; if anything else comes up, just ask here.");
        t.put("purchase_intent", "Hi {name}, thanks for your interest in {product}! {pitch} You can see the details at {link}. I'm"
                + " {handledBy}; if any questions come up, just ask here.");
        t.put("purchase_intent_nearest", "Hi {name}, thanks for asking! We don't offer {asked} at the moment, but"
                + " {product} may suit you: {pitch} You can see it at {link}. I'm {handledBy}; happy to help if you"
                + " have questions.");
        t.put("purchase_intent_unmatched", "Hi {name}, thanks for your interest! You can see everything we offer at"
                + " {browseLink}. I'm {handledBy}; what do you have in mind? I'm happy to help you find a good fit.");
        t.put("feature_request", "Hi {name}, thanks for suggesting {problem}. I'm {handledBy} and I've shared your"
                + " idea with the team that plans what we build next. We're grateful you took the time to tell us!");
        t.put("crisis", "Hi {name}, I'm very sorry to hear about {problem}. I'm {handledBy}, and I've passed this to"
                + " our specialist team straight away; they will get back to you.");
        t.put("crisis_safety", "Hi {name}, I'm very sorry to hear about {problem}. " + ReplyDrafter.SAFETY_FIRST
                + " I'm {handledBy}; I've passed this to our safety team straight away, and they will get back to you.");
        t.put("crisis_security", "Hi {name}, thank you for telling us about {problem}. Please don't share passwords"
                + " or card details here. I'm {handledBy}; our security team has your message now and will get back to you.");
        t.put("crisis_report", "Hi {name}, thank you for reporting {problem}; this is exactly what we need to hear"
                + " about. I'm {handledBy}, and I've passed it to our safety team straight away; they will get back to you.");
        t.put("crisis_legal", "Hi {name}, thank you for telling us about {problem}. I'm {handledBy}, and I've passed"
                + " your message to the team that looks after these matters; they will get back to you.");
        t.put("other", "Hi {name}, thanks for getting in touch about {problem}. I'm {handledBy}. Could you tell me a"
                + " little more about what you need, so I can help you properly?");
        t.put("other_press", "Hi {name}, thank you for your article, “{title}”. I'm {handledBy}; I've passed it to"
                + " our press office, who will get back to you with a statement.");
        t.put("other_unclear", "Hi {name}, thanks for getting in touch. I'm {handledBy}. I couldn't tell from your message"
                + " exactly what you need: could you tell me a little more, so I can help you properly?");
        t.put("holding", "We know some of you are having trouble with {problem}. We're looking into it and will update"
                + " here within {hearBack}. {handledBy}");
        return Map.copyOf(t);
    }

    private final ReplyPolicy policy;
    private final ReplyLanguage language;

    ReplyTemplates(ReplyPolicy policy) {
        this(policy, ReplyLanguage.english());
    }

    /** The templates of a policy as it reads in a language ({@link DraftLanguage#policyIn}), over that language's built-in ones. */
    ReplyTemplates(ReplyPolicy policy, ReplyLanguage language) {
        this.policy = policy;
        this.language = language;
    }

    /** The first of these templates the policy has; else the first Earshot has built in. */
    String template(List<String> keys) {
        for (String key : keys) {
            String own = policy.templates().get(key);
            if (own != null && !own.isBlank()) {
                return own;
            }
        }
        if (!language.isEnglish()) {
            return keys.stream().map(language::template).flatMap(java.util.Optional::stream).findFirst()
                    .orElseGet(() -> language.template("other_unclear").orElseThrow());
        }
        for (String key : keys) {
            if (BUILT_IN.containsKey(key)) {
                return BUILT_IN.get(key);
            }
        }
        return BUILT_IN.get("other_unclear");
    }

    /** What the team says publicly while a wave of complaints is looked into. */
    String holding(String problem) {
        return fill(List.of("holding"), Map.of("problem", problem,
                "hearBack", HearBack.spoken(policy.hearBackFor(org.earshot.domain.Intent.CRISIS, null))));
    }

    /**
     * Fills the first available template; {name} empty drops the name from the greeting. The policy's
     * {handledBy} and {ask} are always there.
     */
    String fill(List<String> keys, Map<String, String> values) {
        return fillText(template(keys), values);
    }

    /** Fills a template given as text: a preformatted answer. */
    String fillText(String template, Map<String, String> englishValues) {
        Map<String, String> values = language.isEnglish() ? englishValues : inLanguage(englishValues);
        String text = template;
        String name = values.getOrDefault("name", "");
        text = name.isBlank() ? withoutName(text) : text.replace("{name}", name);
        for (Map.Entry<String, String> e : values.entrySet()) {
            text = text.replace("{" + e.getKey() + "}", e.getValue());
        }
        return late(text.replace("{handledBy}", policy.handledBy()).replace("{ask}", policy.askWhenUnclear()))
                .replaceAll("\\s{2,}", " ").strip();
    }

    /** What {hearBack} is filled with when the service level has run out; {@link #fill} says it honestly. */
    static final String LATE = "\u0001late\u0001";
    private static final java.util.regex.Pattern WITHIN_LATE = java.util.regex.Pattern.compile(
            "\\s*(?:within|in the next|innerhalb von|sous|dans les|en un plazo de|en|em até|dentro de)?\\s*\u0001late\u0001");

    /** "within {hearBack}" when the time has run out: "as soon as I can today" in the template's language. */
    private String late(String text) {
        if (!text.contains(LATE)) {
            return text;
        }
        return WITHIN_LATE.matcher(text).replaceAll(java.util.regex.Matcher.quoteReplacement(" " + language.lateHearBack()));
    }

    private static final java.util.regex.Pattern SPOKEN = java.util.regex.Pattern.compile("(\\d+) (minute|hour|day)s?");

    /** The values the drafter says in English ("24 hours", the general question) as this language says them. */
    private Map<String, String> inLanguage(Map<String, String> values) {
        Map<String, String> out = new java.util.HashMap<>(values);
        java.util.regex.Matcher m = SPOKEN.matcher(values.getOrDefault("hearBack", ""));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            java.time.Duration d = switch (m.group(2)) {
                case "minute" -> java.time.Duration.ofMinutes(n);
                case "hour" -> java.time.Duration.ofHours(n);
                default -> java.time.Duration.ofDays(n);
            };
            out.put("hearBack", language.spoken(d));
        }
        if (ReplyPolicy.DEFAULT_ASK_WHEN_UNCLEAR.equals(values.get("ask"))) {
            out.put("ask", language.askWhenUnclear());
        }
        return out;
    }

    /** "Hi {name}," becomes "Hi there,"; "Dear {name}," becomes "Hello,"; "Thank you so much, {name}!" loses the name. */
    static String withoutName(String text) {
        return text.replaceAll("\\bDear \\{name\\}", "Hello")
                .replaceAll("\\b(Hi|Hello|Hey) \\{name\\}", "$1 there")
                .replace(", {name}", "")
                .replace(" {name}", "")
                .replace("{name}", "");
    }
}
