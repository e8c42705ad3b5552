package org.earshot.reply;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.earshot.config.ReplyPolicy;
import org.earshot.domain.Author;
import org.earshot.domain.Draft;
import org.earshot.domain.Intent;
import org.earshot.domain.Platform;
import org.earshot.domain.UrgencyLevel;
import org.earshot.scoring.CueKind;
import org.earshot.scoring.MentionAnalysis;
import org.earshot.scoring.MentionAnalyzer;
import org.earshot.scoring.PhraseHit;

/**
 * Writes the first draft of a reply following the team's policy, and checks it against the reply
 * rules. The intent comes from the mention's words (its subject too); spam gets no draft, a crisis gets
 * a holding reply and an "escalate:" notice, a frequent question its preformatted answer, a person close
 * to buying the catalogue's item (or the nearest one). Thread-safe.
 */
public final class ReplyDrafter {
    /** Said in every reply to a safety matter, before the team's own closing line. */
    static final String SAFETY_FIRST = "If anyone is hurt or in danger, please contact the local emergency services first.";
    /** Notices start with these: they inform the person approving and are not broken rules. */
    static final String SPAM = "spam: ";
    static final String ABUSE = "abuse: ";
    static final String ESCALATE = "escalate: ";
    static final String BY_HAND = "answer by hand: ";

    /** Problems too general to answer a question about without asking what it is. */
    private static final java.util.Set<String> GENERIC = java.util.Set.of("your booking", "your flight", "your account",
            "your ticket", "your reservation", "your trip", "your order", "your question", "the uk", "the us");

    private final ReplyPolicy policy;
    private final ReplyTemplates templates;
    private final ReplyGuardrails guardrails;
    private final IntentDetector intents = new IntentDetector();
    private final ProblemExtractor problems = new ProblemExtractor();
    private final AnswerFinder answers;
    private final ProductFinder products;
    private final MentionAnalyzer analyzer = MentionAnalyzer.standard();
    private final LlmDrafter llm;

    /** Drafts from the policy's templates, or through its LLM when {@code reply.llm} is enabled. */
    public ReplyDrafter(ReplyPolicy policy) {
        this.policy = policy;
        this.llm = policy.llm().enabled() ? new LlmDrafter(policy.llm()) : null;
        this.templates = new ReplyTemplates(policy);
        this.guardrails = new ReplyGuardrails(policy);
        this.answers = new AnswerFinder(policy.faq());
        this.products = new ProductFinder(policy.catalogue());
    }

    /** The policy drafts follow; approvals read when a promised follow-up is due from it. */
    public ReplyPolicy policy() {
        return policy;
    }

    /** Whether a warning informs (spam, abuse, escalation, answer by hand, drafter) rather than reports a broken rule. */
    public static boolean isNotice(String warning) {
        return warning.startsWith(SPAM) || warning.startsWith(ABUSE) || warning.startsWith(ESCALATE) || warning.startsWith(BY_HAND)
                || warning.startsWith(LlmNotice.PREFIX);
    }

    /** Who a crisis was escalated to, as its draft's notice says ("the legal team"); empty for other drafts. */
    public static Optional<String> escalatedTo(Draft d) {
        return d.warnings().stream().filter(w -> w.startsWith(ESCALATE) && w.contains(" → ")).findFirst()
                .map(w -> w.substring(w.lastIndexOf(" → ") + 3));
    }

    /** A holding statement for an incident: it promises an update, so it opens a follow-up. */
    public Draft holdingStatement(String problem, Platform platform) {
        String text = templates.holding(problem);
        return new Draft(Intent.CRISIS, text, blocks(text, platform), List.of(), true);
    }

    /** How long the follow-up of an approved reply runs: the time the text promises, else the policy's for the mention. */
    public Duration followUpWithin(String approvedText, Intent intent, UrgencyLevel level) {
        return HearBack.promised(approvedText).orElseGet(() -> policy.hearBackFor(intent, level));
    }

    public Draft draft(DraftInput input) {
        MentionReading reading = read(input);
        Intent intent = reading.intent();
        if (intent == Intent.SPAM) {
            String why = reading.detection().why();
            String notice = why.startsWith("abuse") ? ABUSE + "no reply drafted " + why.substring("abuse ".length())
                    : SPAM + "no reply drafted (" + why + ")";
            return new Draft(intent, "", List.of(), List.of(notice), false);
        }
        String body = body(reading, input);
        Draft template = finish(intent, body, input, reading, List.of());
        // A crisis keeps the team's own holding reply: too much rides on its exact words.
        return llm == null || intent == Intent.CRISIS ? template : fromLlm(input, reading, body, template);
    }

    /**
     * The LLM's draft, checked by the same rules; the template's draft instead, with the reason, when the
     * LLM fails or its draft breaks a hard rule.
     */
    private Draft fromLlm(DraftInput input, MentionReading reading, String templateBody, Draft template) {
        Platform platform = platform(input);
        String hearBack = HearBack.spoken(policy.hearBackFor(reading.intent(), level(input, reading)));
        String text;
        try {
            text = llm.complete(LlmPrompt.system(policy, platform, hearBack, templateBody),
                    LlmPrompt.user(platform, author(input), mentionText(input)));
        } catch (LlmDrafter.LlmException e) {
            return withNotice(template, LlmNotice.PREFIX + e.getMessage() + "; this is the template's draft");
        }
        Draft written = finish(reading.intent(), text, input, reading,
                List.of(LlmNotice.PREFIX + "written by the LLM (" + policy.llm().model() + ")"));
        List<String> hard = written.warnings().stream().filter(w -> w.startsWith(ReplyGuardrails.HARD)).toList();
        if (!hard.isEmpty()) {
            return withNotice(template, LlmNotice.PREFIX + "the LLM's draft broke a hard rule (" + String.join("; ", hard)
                    + "); this is the template's draft");
        }
        return written;
    }

    private static Draft withNotice(Draft d, String notice) {
        List<String> warnings = new ArrayList<>();
        warnings.add(notice);
        warnings.addAll(d.warnings());
        return new Draft(d.intent(), d.text(), d.blocks(), warnings, d.followUp());
    }

    /** Lays the body out for the platform, adds the notices and checks it against every rule. */
    Draft finish(Intent intent, String body, DraftInput input, MentionReading reading, List<String> extraNotices) {
        Platform platform = platform(input);
        String text;
        List<String> blocks;
        if (platform.isSocial()) {
            blocks = ReplyBlocks.split(body, platform);
            text = String.join("\n\n", blocks);
        } else if (platform == Platform.EMAIL) {
            text = asMail(body, PersonName.of(author(input)));
            blocks = List.of(text);
        } else {
            text = body;
            blocks = List.of(text);
        }
        List<String> warnings = new ArrayList<>(extraNotices);
        if (intent == Intent.CRISIS) {
            warnings.add(ESCALATE + reading.detection().why() + " → " + escalateTo(reading));
        }
        if (platform == Platform.RSS) {
            warnings.add(BY_HAND + "feeds are read-only; post this yourself where the mention appeared, then approve"
                    + " to close the task as answered by hand");
        }
        warnings.addAll(guardrails.check(text, facts(input, reading), platform));
        return new Draft(intent, text, blocks, warnings, ReplyGuardrails.opensFollowUp(text));
    }

    MentionReading read(DraftInput input) {
        String mention = mentionText(input);
        MentionAnalysis analysis = analyzer.analyze(mention);
        IntentDetection detection = intents.detect(analysis);
        PhraseText text = PhraseText.of(mention);
        Intent intent = detection.intent();
        if (intent == Intent.SPAM) {
            return new MentionReading(analysis, detection, "", Optional.empty(), Optional.empty(), text);
        }
        Optional<AnswerFinder.Found> answer = answers.find(text);
        if (intent == Intent.COMPLAINT && answer.isPresent() && analysis.asksQuestion() && calm(analysis)) {
            // "What's the refund policy if I cancel?" sounds negative to the scorer but asks, calmly: answer it.
            detection = new IntentDetection(Intent.QUESTION, "");
            intent = Intent.QUESTION;
        }
        boolean answerable = intent == Intent.QUESTION || intent == Intent.OTHER || intent == Intent.PURCHASE_INTENT;
        answer = answerable ? answer : Optional.empty();
        Optional<ProductFinder.Found> product = intent == Intent.PURCHASE_INTENT || intent == Intent.QUESTION
                ? products.find(text) : Optional.empty();
        if (product.isPresent() && answer.isPresent()) {
            // Both a frequent question and a product: answer what the person mentions first.
            if (text.find(answer.get().phrase()) < text.find(product.get().phrase())) {
                product = Optional.empty();
            } else {
                answer = Optional.empty();
            }
        }
        if (intent == Intent.PURCHASE_INTENT && answer.isPresent()) {
            // "Can I order a vegan meal?" is answered by the preformatted answer: a question, not a sale.
            detection = new IntentDetection(Intent.QUESTION, "");
            intent = Intent.QUESTION;
        }
        String problem = problems.extract(analysis, intent).orElse("");
        if (detection.why().startsWith("security report")) {
            // Never repeat the details of a hole in public; name it plainly.
            problem = "the security problem you found";
        }
        if (intent == Intent.QUESTION && GENERIC.contains(problem)) {
            problem = "";
        }
        return new MentionReading(analysis, detection, problem, answer, product, text);
    }

    private String body(MentionReading r, DraftInput input) {
        Intent intent = r.intent();
        UrgencyLevel level = level(input, r);
        Map<String, String> v = new HashMap<>();
        v.put("name", PersonName.of(author(input)));
        v.put("hearBack", HearBack.spoken(policy.hearBackFor(intent, level)));
        v.put("browseLink", policy.catalogue().browseLink());
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
                return r.analysis().has(CueKind.SAFETY) ? beforeLastSentence(body, SAFETY_FIRST) : body;
            }
            case COMPLAINT -> {
                v.put("problem", problem);
                return templates.fill(problem.isEmpty() ? List.of("complaint_unclear")
                        : List.of("complaint_" + level.id(), "complaint"), v);
            }
            case QUESTION -> {
                if (r.product().isPresent()) {
                    productValues(r.product().get(), v);
                    return templates.fill(List.of("question_product"), v);
                }
                v.put("problem", problem);
                return templates.fill(problem.isEmpty() ? List.of("question_unclear")
                        : List.of("question_" + level.id(), "question"), v);
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

    /** No harm told (money taken, goods lost or damaged, stranded, leaving) and not strongly negative. */
    private static boolean calm(MentionAnalysis a) {
        return a.sentiment().negativity() < 0.5 && !a.has(CueKind.MONEY) && !a.has(CueKind.LOST_GOODS)
                && !a.has(CueKind.STRANDED) && !a.has(CueKind.CHURN) && !IntentDetector.damaged(a);
    }

    private static void productValues(ProductFinder.Found p, Map<String, String> v) {
        v.put("asked", p.asked().name().toLowerCase(java.util.Locale.ROOT));
        v.put("product", p.offered().name());
        v.put("pitch", p.offered().pitch());
        v.put("link", p.offered().link());
        v.put("problem", p.offered().name());
    }

    /** The score's level, or critical when the person says they are stranded now (the promise must fit that). */
    private static UrgencyLevel level(DraftInput input, MentionReading r) {
        UrgencyLevel scored = input.score() == null ? UrgencyLevel.NORMAL : input.score().urgencyLevel();
        boolean stranded = IntentPhrases.BOOK.find(r.analysis().tokens()).stream()
                .anyMatch(h -> h.kind() == IntentCue.STRANDED);
        return stranded ? UrgencyLevel.CRITICAL : scored;
    }

    /** The kind of crisis that decided the intent: legal, safety or security. */
    private static String crisisKind(MentionReading r) {
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

    private String escalateTo(MentionReading r) {
        String kind = crisisKind(r);
        return policy.escalateTo().getOrDefault(kind, policy.escalateTo().getOrDefault("default", "a team lead"));
    }

    /**
     * The blocks an edited reply is posted as: the paragraphs the person left (blank-line separated),
     * each split further only where it would not fit one post.
     */
    public List<String> blocks(String text, Platform platform) {
        List<String> blocks = new ArrayList<>();
        for (String paragraph : ReplyBlocks.paragraphs(text, platform)) {
            blocks.addAll(ReplyBlocks.split(paragraph, platform));
        }
        return blocks;
    }

    /** The rules a person's edit breaks, as warnings; the same rules as for drafts. */
    public List<String> check(String text, DraftInput input) {
        return guardrails.check(text == null ? "" : text, facts(input, read(input)), platform(input));
    }

    private static ReplyGuardrails.Facts facts(DraftInput input, MentionReading reading) {
        return new ReplyGuardrails.Facts(author(input), reading.problem(), reading.subjectWords(), reading.text());
    }

    private static String beforeLastSentence(String body, String sentence) {
        if (body.contains(sentence)) {
            return body;
        }
        List<String> sentences = new ArrayList<>(ReplyBlocks.sentences(body));
        sentences.add(Math.max(0, sentences.size() - 1), sentence);
        return String.join(" ", sentences);
    }

    /** A greeting on its own line, the body, then the sign-off and who signs. */
    private String asMail(String body, String name) {
        String greeting = name.isBlank() ? "Hi there," : "Hi " + name + ",";
        String rest = body;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(Hi|Hello|Hey|Dear) [^,!]{1,40}, ").matcher(body);
        if (m.lookingAt()) {
            greeting = body.substring(0, m.end()).strip();
            rest = body.substring(m.end());
        } else if (!name.isBlank() && rest.contains(", " + name + "!")) {
            // "Thank you so much, David!" under "Hi David," would greet him twice.
            rest = rest.replaceFirst(", " + java.util.regex.Pattern.quote(name) + "!", "!");
        }
        if (!rest.isEmpty()) {
            rest = Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
        }
        return greeting + "\n\n" + rest + "\n\n" + policy.signOff() + "\n" + policy.handledBy();
    }

    private static String mentionText(DraftInput input) {
        String text = input.text() == null ? "" : input.text();
        return input.subject() == null || input.subject().isBlank() ? text : input.subject() + "\n" + text;
    }

    private static Platform platform(DraftInput input) {
        return input.platform() == null ? Platform.X : input.platform();
    }

    private static Author author(DraftInput input) {
        return input.author() == null ? new Author("", "", 0) : input.author();
    }
}
