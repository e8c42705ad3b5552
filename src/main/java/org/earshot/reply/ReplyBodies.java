package org.earshot.reply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.earshot.config.ReplyPolicy;
import org.earshot.domain.Author;
import org.earshot.domain.Intent;
import org.earshot.domain.UrgencyLevel;
import org.earshot.scoring.CueKind;
import org.earshot.scoring.PhraseHit;

/**
 * Writes a reply's body from what was read: the preformatted answer, or the template of the intent
 * and its variant (urgency level, unclear, crisis kind, product found or not), filled in.
 */
final class ReplyBodies {
    private final ReplyPolicy policy;
    private final ReplyTemplates templates;

    ReplyBodies(ReplyPolicy policy, ReplyTemplates templates) {
        this.policy = policy;
        this.templates = templates;
    }

    String body(MentionReading r, DraftInput input) {
        Intent intent = r.intent();
        UrgencyLevel level = level(input, r);
        Map<String, String> v = new HashMap<>();
        v.put("name", PersonName.of(input.author() == null ? new Author("", "", 0) : input.author()));
        java.util.Optional<java.time.Duration> hearBack = HearBack.fitting(policy.hearBackFor(intent, level),
                MentionReader.mentionText(input), input.timeLeft());
        v.put("hearBack", hearBack.map(HearBack::spoken).orElse(ReplyTemplates.LATE));
        v.put("browseLink", policy.catalogue().browseLink());
        v.put("ask", Asks.onlyMissing(policy.askWhenUnclear(), MentionReader.mentionText(input)));
        String problem = r.problem();
        if (r.answer().isPresent()) {
            v.put("problem", problem.isEmpty() ? r.answer().get().phrase() : problem);
            return templates.fillText(r.answer().get().answer().answer(), v);
        }
        switch (intent) {
            case CRISIS -> {
                String kind = r.detection().why().startsWith("safety report") ? "report" : crisisKind(r);
                v.put("problem", problem.isEmpty() ? "this" : problem);
                String body = templates.fill(List.of("crisis_" + kind, "crisis"), v);
                return r.analysis().has(CueKind.SAFETY) ? beforeLastSentence(body, ReplyDrafter.SAFETY_FIRST) : body;
            }
            case COMPLAINT -> {
                v.put("problem", problem);
                if (!r.saidBack().isEmpty()) {
                    v.put("saidBack", r.saidBack());
                    return withStep(templates.fill(List.of("complaint_said_" + level.id(), "complaint_said"), v), r);
                }
                if (problem.isEmpty() && r.nextStep().isPresent()) {
                    return stepBody(r, v);
                }
                return withStep(templates.fill(problem.isEmpty() ? List.of("complaint_unclear")
                        : List.of("complaint_" + level.id(), "complaint"), v), r);
            }
            case QUESTION -> {
                if (r.product().isPresent()) {
                    productValues(r.product().get(), v);
                    return templates.fill(List.of("question_product"), v);
                }
                v.put("problem", problem);
                if (!r.saidBack().isEmpty()) {
                    v.put("saidBack", r.saidBack());
                    return withStep(templates.fill(List.of("question_said"), v), r);
                }
                if (problem.isEmpty() && r.nextStep().isPresent()) {
                    return stepBody(r, v);
                }
                return withStep(templates.fill(problem.isEmpty() ? List.of("question_unclear")
                        : List.of("question_" + level.id(), "question"), v), r);
            }
            case PURCHASE_INTENT -> {
                if (r.product().isEmpty()) {
                    return templates.fill(List.of("purchase_intent_unmatched"), v);
                }
                ProductFinder.Found p = r.product().get();
                productValues(p, v);
                return templates.fill(List.of(p.isAlternative() ? "purchase_intent_nearest" : "purchase_intent"), v);
            }
            case PRAISE -> {
                v.put("problem", problem);
                if (problem.isEmpty() && !r.saidBack().isEmpty()) {
                    v.put("saidBack", r.saidBack());
                    return templates.fill(List.of("praise_glad"), v);
                }
                return templates.fill(problem.isEmpty() ? List.of("praise_unclear") : List.of("praise"), v);
            }
            case FEATURE_REQUEST -> {
                v.put("problem", problem.isEmpty() ? "this idea" : problem);
                return templates.fill(List.of("feature_request"), v);
            }
            default -> {
                v.put("problem", problem);
                return templates.fill(problem.isEmpty() ? List.of("other_unclear") : List.of("other"), v);
            }
        }
    }

    /**
     * Nothing more specific was said than the kind of problem ("can't log in"): the policy's next step for it,
     * in the {@code complaint_step} template ({about}, {nextStep}).
     */
    private String stepBody(MentionReading r, Map<String, String> v) {
        v.put("about", r.nextStep().get().step().about());
        v.put("nextStep", r.nextStep().get().step().step());
        return templates.fill(List.of("complaint_step"), v);
    }

    /** The policy's next step for the kind of problem, told right after the first sentence (the apology). */
    private static String withStep(String body, MentionReading r) {
        if (r.nextStep().isEmpty()) {
            return body;
        }
        String step = r.nextStep().get().step().step().strip();
        if (body.contains(step)) {
            return body;
        }
        List<String> sentences = new ArrayList<>(ReplyBlocks.sentences(body));
        sentences.add(Math.min(1, sentences.size()), step);
        return String.join(" ", sentences);
    }

    /** A reply to a journalist: their intent's press template, else the general one. */
    String press(MentionReading r, DraftInput input, String problem) {
        Map<String, String> v = new HashMap<>();
        v.put("name", PersonName.of(input.author() == null ? new Author("", "", 0) : input.author()));
        v.put("hearBack", HearBack.fitting(policy.hearBackFor(r.intent(), level(input, r)), MentionReader.mentionText(input),
                input.timeLeft()).map(HearBack::spoken).orElse(ReplyTemplates.LATE));
        v.put("problem", problem);
        String title = input.text().strip().lines().findFirst().orElse("").strip();
        v.put("title", title.length() > 120 ? title.substring(0, 119).strip() + "…" : title);
        return templates.fill(List.of(r.intent().id() + "_press", "other_press"), v);
    }

    private static void productValues(ProductFinder.Found p, Map<String, String> v) {
        v.put("asked", p.asked().name().toLowerCase(java.util.Locale.ROOT));
        v.put("product", p.offered().name());
        v.put("pitch", p.offered().pitch());
        v.put("link", p.offered().link());
        v.put("problem", p.offered().name());
    }

    /** The score's level, or critical when the person says they are stranded now (the promise must fit that). */
    static UrgencyLevel level(DraftInput input, MentionReading r) {
        UrgencyLevel scored = input.score() == null ? UrgencyLevel.NORMAL : input.score().urgencyLevel();
        boolean stranded = IntentPhrases.BOOK.find(r.analysis().tokens()).stream()
                .anyMatch(h -> h.kind() == IntentCue.STRANDED);
        return stranded ? UrgencyLevel.CRITICAL : scored;
    }

    /** The kind of crisis that decided the intent: legal, safety or security. */
    static String crisisKind(MentionReading r) {
        String why = r.detection().why();
        if (why.startsWith("safety report") || why.startsWith("security report")) {
            return why.substring(0, why.indexOf(' '));
        }
        for (PhraseHit<CueKind> h : r.analysis().cues()) {
            if (h.kind().isCrisis()) {
                return h.kind().label();
            }
        }
        return "default";
    }

    private static String beforeLastSentence(String body, String sentence) {
        if (body.contains(sentence)) {
            return body;
        }
        List<String> sentences = new ArrayList<>(ReplyBlocks.sentences(body));
        sentences.add(Math.max(0, sentences.size() - 1), sentence);
        return String.join(" ", sentences);
    }
}
