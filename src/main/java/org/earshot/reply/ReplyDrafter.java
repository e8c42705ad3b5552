package org.earshot.reply;

import java.util.ArrayList;
import java.util.List;
import org.earshot.config.ReplyPolicy;
import org.earshot.domain.Author;
import org.earshot.domain.Draft;
import org.earshot.domain.Intent;
import org.earshot.domain.Platform;
import org.earshot.scoring.CueKind;
import org.earshot.scoring.MentionAnalysis;
import org.earshot.scoring.MentionAnalyzer;

/**
 * Writes the first draft of a reply following the team's policy, and checks it against the reply
 * rules. The intent comes from the mention's words (its subject too); spam gets no draft, a crisis gets
 * a holding reply and an "escalate:" warning. Thread-safe.
 */
public final class ReplyDrafter {
    private final ReplyPolicy policy;
    private final ReplyTemplates templates;
    private final ReplyGuardrails guardrails;
    private final IntentDetector intents = new IntentDetector();
    private final ProblemExtractor problems = new ProblemExtractor();
    private final MentionAnalyzer analyzer = MentionAnalyzer.standard();

    /** Said in every reply to a safety matter, before the team's own closing line. */
    static final String SAFETY_FIRST = "If anyone is hurt or in danger, please contact the local emergency services first.";

    public ReplyDrafter(ReplyPolicy policy) {
        this.policy = policy;
        this.templates = new ReplyTemplates(policy);
        this.guardrails = new ReplyGuardrails(policy);
    }

    /** The policy drafts follow; approvals read when a promised follow-up is due from it. */
    public ReplyPolicy policy() {
        return policy;
    }

    /** A holding statement for an incident: it promises an update, so it opens a follow-up. */
    public Draft holdingStatement(String problem, Platform platform) {
        String text = templates.holding(problem);
        return new Draft(Intent.CRISIS, text, blocks(text, platform), List.of(), true);
    }

    public Draft draft(DraftInput input) {
        Platform platform = platform(input);
        MentionAnalysis analysis = analyzer.analyze(mentionText(input));
        IntentDetection detection = intents.detect(analysis);
        Intent intent = detection.intent();
        if (intent == Intent.SPAM) {
            return new Draft(intent, "", List.of(), List.of("spam: no reply drafted (" + detection.why() + ")"), false);
        }
        String problem = problems.extract(analysis, intent).orElse("");
        String body = templates.fill(intent, author(input).firstName(), problem);
        if (intent == Intent.CRISIS && analysis.has(CueKind.SAFETY)) {
            body = beforeLastSentence(body, SAFETY_FIRST);
        }
        if (problem.isEmpty() && (intent == Intent.COMPLAINT || intent == Intent.QUESTION)) {
            body = body + " " + policy.askWhenUnclear();
        }
        String text;
        List<String> blocks;
        if (platform.isSocial()) {
            blocks = ReplyBlocks.split(body, platform);
            text = String.join("\n\n", blocks);
        } else {
            text = asMail(body, author(input).firstName());
            blocks = List.of(text);
        }
        List<String> warnings = new ArrayList<>();
        if (intent == Intent.CRISIS) {
            warnings.add("escalate: " + detection.why());
        }
        warnings.addAll(check(text, input));
        return new Draft(intent, text, blocks, warnings, ReplyGuardrails.opensFollowUp(text));
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
        return guardrails.check(text == null ? "" : text, author(input), platform(input));
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
