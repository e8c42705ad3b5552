package org.earshot.reply;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.earshot.config.ReplyPolicy;
import org.earshot.domain.Author;
import org.earshot.domain.Channel;
import org.earshot.domain.Channels;
import org.earshot.domain.Draft;
import org.earshot.domain.Intent;
import org.earshot.domain.Platform;
import org.earshot.domain.ReplyRule;
import org.earshot.domain.UrgencyLevel;
import org.earshot.domain.Warning;
import org.earshot.scoring.AnalysedText;

/**
 * Writes the first draft of a reply following the team's policy, and checks it against the reply
 * rules. The intent comes from the mention's words (its subject too); spam gets no draft, a crisis gets
 * a holding reply and an "escalate:" notice, a frequent question its preformatted answer, a person close
 * to buying the catalogue's item (or the nearest one). Thread-safe.
 */
public final class ReplyDrafter {
    /** Said in every reply to a safety matter, before the team's own closing line. */
    static final String SAFETY_FIRST = "If anyone is hurt or in danger, please contact the local emergency services first.";
    private static final java.util.regex.Pattern READ_ONLY_HEAR_BACK = java.util.regex.Pattern.compile(
            "[;,.]\\s*(and )?(you'll|you will) hear back from (me|us) (within|as soon as) [^.;]+[.;]?", java.util.regex.Pattern.CASE_INSENSITIVE);
    private final ReplyPolicy policy;
    private final ReplyTemplates templates;
    private final ReplyGuardrails guardrails;
    private final MentionReader reader;
    private final ReplyBodies bodies;
    /** The policy and its bodies as they read in each language drafts are written in, made on first use. */
    private final java.util.Map<String, ReplyBodies> bodiesByLanguage = new java.util.concurrent.ConcurrentHashMap<>();
    private final LlmDrafter llm;
    private volatile ModelCalls modelCalls = (outcome, took) -> { };
    private final Channels channels;
    private final int maxChars;
    /** The notice on a draft of a text too long to read whole. */
    public static final String CUT_RULE = "cut";

    /**
     * Drafts from the policy's templates, or through its LLM when {@code reply.llm} is enabled, each reply
     * laid out as its platform's channel declares (blocks or one letter, its length limit).
     */
    public ReplyDrafter(ReplyPolicy policy, Channels channels) {
        this(policy, channels, AnalysedText.DEFAULT_MAX_CHARS);
    }

    /**
     * @param maxChars how much of a mention is read: a longer one is drafted from its start, and the draft
     *                 carries a notice saying where it was cut ({@link AnalysedText})
     */
    public ReplyDrafter(ReplyPolicy policy, Channels channels, int maxChars) {
        this(policy, channels, maxChars, null);
    }

    /**
     * @param model the shared reading's learned model (null: none): with it, preformatted answers and next
     *              steps are chosen by meaning, and promises compared by meaning with the policy's examples
     */
    public ReplyDrafter(ReplyPolicy policy, Channels channels, int maxChars, org.earshot.scoring.NegativityModel model) {
        Meaning meaning = new Meaning(model);
        this.maxChars = maxChars;
        this.policy = policy;
        this.channels = channels;
        this.llm = policy.llm().enabled() ? new LlmDrafter(policy.llm()) : null;
        this.templates = new ReplyTemplates(policy);
        this.guardrails = new ReplyGuardrails(policy, meaning);
        this.reader = new MentionReader(policy, meaning);
        this.bodies = new ReplyBodies(policy, templates);
    }

    /** The policy drafts follow; approvals read when a promised follow-up is due from it. */
    public ReplyPolicy policy() {
        return policy;
    }

    /** What each platform can do, as its connector declares; approvals read whether a reply can be posted. */
    public Channels channels() {
        return channels;
    }

    /** Who a crisis was escalated to, as its draft's notice says ("the legal team"); empty for other drafts. */
    public static Optional<String> escalatedTo(Draft d) {
        return d.warnings().stream().filter(w -> w.rule().equals(ReplyRule.ESCALATE.id()) && w.text().contains(" → "))
                .findFirst().map(w -> w.text().substring(w.text().lastIndexOf(" → ") + 3));
    }

    /**
     * A holding statement for an incident: it promises an update, so it opens a follow-up. It is posted whole,
     * as one post on each channel, so it is one block, checked on each of {@code platforms}.
     */
    public Draft holdingStatement(String problem, List<Platform> platforms) {
        String text = templates.holding(problem);
        return new Draft(Intent.CRISIS, text, List.of(text), checkStatement(text, platforms), true);
    }

    /**
     * An incident's statement checked by the rules for any post on each channel it goes to (promises,
     * admissions, stock phrases...); there is no mention, so no name or problem to answer. It goes out as one
     * post of the brand's own on each channel, not as a thread, and with no @handle before it: it must fit the
     * channel's whole limit (a hard rule, since the platform would refuse it) and, where the channel threads
     * replies in blocks of about {@value ReplyBlocks#TARGET_WORDS} words, keep to about that many.
     */
    public List<Warning> checkStatement(String text, List<Platform> platforms) {
        String statement = text == null ? "" : text.strip();
        ReplyGuardrails.Facts none = new ReplyGuardrails.Facts(null, "", List.of(), PhraseText.of(""));
        java.util.Set<Warning> out = new java.util.LinkedHashSet<>();
        for (Platform p : platforms.stream().distinct().toList()) {
            Channel channel = channels.of(p);
            Channel onePost = new Channel(p, channel.canReply(), false, channel.maxPostLength(), false,
                    channel.social(), channel.mail());
            guardrails.check(statement, none, onePost).stream()
                    .filter(w -> !w.rule().equals(ReplyRule.LENGTH.id()))
                    .forEach(out::add);
            int length = ReplyBlocks.length(statement);
            if (channel.hasLimit() && length > channel.maxPostLength()) {
                out.add(ReplyRule.STATEMENT_LENGTH.warning("the statement has " + length + " characters, over the "
                        + channel.maxPostLength() + " of one post on " + p.id() + ": it goes out as one post, so"
                        + " shorten it"));
            }
            int words = ReplyBlocks.words(statement);
            if (channel.threadsBlocks() && words > ReplyBlocks.MAX_WORDS) {
                out.add(ReplyRule.BLOCK_WORDS.warning("the statement has " + words + " words; keep it to about "
                        + ReplyBlocks.TARGET_WORDS + ", as a block of a reply"));
            }
        }
        return List.copyOf(out);
    }

    /** How long the follow-up of an approved reply runs: the time the text promises, else the policy's for the mention. */
    public Duration followUpWithin(String approvedText, Intent intent, UrgencyLevel level) {
        return HearBack.promised(approvedText).orElseGet(() -> policy.hearBackFor(intent, level));
    }

    /** The draft, the LLM's when it is enabled (waiting for it): for the filters and tools. */
    public Draft draft(DraftInput input) {
        return draft(input, true);
    }

    /** The templates' draft, never waiting for the LLM: what intake opens a task with. */
    public Draft templateDraft(DraftInput input) {
        return draft(input, false);
    }

    /** Whether drafts are written by an LLM (the policy's {@code reply.llm} is enabled). */
    /** Each LLM call, timed: "ok" or "failed" and how long it took, retries included (for /metrics). */
    public interface ModelCalls {
        void called(String outcome, java.time.Duration took);
    }

    /** Tells {@code calls} about every LLM call from now on. */
    public void timeModelCalls(ModelCalls calls) {
        this.modelCalls = calls;
    }

    public boolean usesLlm() {
        return llm != null;
    }

    /** Whether the LLM would write this mention's draft (it is enabled, and the draft is not the team's own). */
    public boolean llmWrites(DraftInput input, Draft templateDraft) {
        Intent intent = templateDraft.intent();
        return llm != null && intent != Intent.CRISIS && intent != Intent.SPAM && !templateDraft.text().isEmpty()
                && !(input.press() && intent != Intent.PRAISE);
    }

    private Draft draft(DraftInput whole, boolean withLlm) {
        AnalysedText read = AnalysedText.of(whole.text(), maxChars);
        if (!read.cut()) {
            return draftRead(whole, withLlm);
        }
        DraftInput input = new DraftInput(whole.platform(), whole.author(), read.text(), whole.subject(), whole.score(),
                whole.history(), whole.press());
        return withNotice(draftRead(input, withLlm), new Warning(Warning.Kind.NOTICE, CUT_RULE, read.notice()));
    }

    private Draft draftRead(DraftInput input, boolean withLlm) {
        MentionReading reading = reader.read(input);
        Intent intent = reading.intent();
        if (intent == Intent.SPAM) {
            String why = reading.detection().why();
            Warning notice = why.startsWith("abuse")
                    ? ReplyRule.ABUSE.warning("no reply drafted " + why.substring("abuse ".length()))
                    : ReplyRule.SPAM.warning("no reply drafted (" + why + ")");
            return new Draft(intent, "", List.of(), List.of(notice), false);
        }
        DraftLanguage language = DraftLanguage.choose(reading, policy);
        reading = language.readingFor(reading, policyIn(language.language()));
        intent = reading.intent();
        if (input.press() && intent != Intent.PRAISE) {
            return withNotices(pressReply(input, reading), language.notices());
        }
        String body = DraftLanguage.safetyInLanguage(bodiesIn(language.language()).body(reading, input), language.language());
        Draft template = finish(intent, body, input, reading, language.notices());
        // A crisis keeps the team's own holding reply: too much rides on its exact words.
        return !withLlm || llm == null || intent == Intent.CRISIS ? template : fromLlm(input, reading, body, template);
    }

    /**
     * The LLM's draft, checked by the same rules; the template's draft instead, with the reason, when the
     * LLM fails or its draft breaks a hard rule.
     */
    private Draft fromLlm(DraftInput input, MentionReading reading, String templateBody, Draft template) {
        Channel channel = channel(input);
        String hearBack = HearBack.fitting(policy.hearBackFor(reading.intent(), ReplyBodies.level(input, reading)),
                MentionReader.mentionText(input), input.timeLeft()).map(HearBack::spoken).orElse(null);
        String text;
        long start = System.nanoTime();
        try {
            text = llm.complete(LlmPrompt.system(policy, channel, hearBack, templateBody, reading),
                    LlmPrompt.user(channel.platform(), author(input), MentionReader.mentionText(input)));
            modelCalls.called("ok", java.time.Duration.ofNanos(System.nanoTime() - start));
        } catch (LlmDrafter.LlmException e) {
            modelCalls.called("failed", java.time.Duration.ofNanos(System.nanoTime() - start));
            return withNotice(template, ReplyRule.DRAFTER.warning(e.getMessage() + "; this is the template's draft"));
        }
        Draft written = finish(reading.intent(), text, input, reading,
                List.of(ReplyRule.DRAFTER.warning("written by the LLM (" + policy.llm().model() + ")")));
        List<Warning> hard = written.hardWarnings();
        if (!hard.isEmpty()) {
            return withNotice(template, ReplyRule.DRAFTER.warning("the LLM's draft broke a hard rule ("
                    + String.join("; ", hard.stream().map(Warning::line).toList()) + "); this is the template's draft"));
        }
        return written;
    }

    private ReplyPolicy policyIn(ReplyLanguage language) {
        return DraftLanguage.policyIn(policy, language);
    }

    private ReplyBodies bodiesIn(ReplyLanguage language) {
        if (language.code().equals(DraftLanguage.teamLanguage(policy)) && language.isEnglish()) {
            return bodies;
        }
        return bodiesByLanguage.computeIfAbsent(language.code(), code -> {
            ReplyPolicy local = policyIn(language);
            return new ReplyBodies(local, new ReplyTemplates(local, language));
        });
    }

    private static Draft withNotices(Draft d, List<Warning> notices) {
        Draft out = d;
        for (int i = notices.size() - 1; i >= 0; i--) {
            out = withNotice(out, notices.get(i));
        }
        return out;
    }

    private static Draft withNotice(Draft d, Warning notice) {
        List<Warning> warnings = new ArrayList<>();
        warnings.add(notice);
        warnings.addAll(d.warnings());
        return new Draft(d.intent(), d.text(), d.blocks(), warnings, d.followUp());
    }

    /** Lays the body out for the platform, adds the notices and checks it against every rule. */
    Draft finish(Intent intent, String body, DraftInput input, MentionReading reading, List<Warning> extraNotices) {
        Channel channel = channel(input);
        if (channel.readOnly()) {
            // A review site or feed carries no reply back to the person: promise no "you'll hear back from me".
            body = READ_ONLY_HEAR_BACK.matcher(body).replaceAll(". Please get in touch with us directly and we will be glad to follow this up.").replace("..", ".");
        }
        String text;
        List<String> blocks;
        if (channel.threadsBlocks()) {
            blocks = ReplyBlocks.split(body, channel);
            text = String.join("\n\n", blocks);
        } else if (channel.mail()) {
            ReplyLanguage language = DraftLanguage.of(reading);
            text = language.isEnglish() ? asMail(body, PersonName.of(author(input)))
                    : asMail(body, PersonName.of(author(input)), language, policyIn(language));
            blocks = List.of(text);
        } else {
            text = body;
            blocks = List.of(text);
        }
        List<Warning> warnings = new ArrayList<>(extraNotices);
        if (intent == Intent.CRISIS) {
            warnings.add(ReplyRule.ESCALATE.warning(reading.detection().why() + " → " + escalateTo(reading)));
        }
        if (channel.readOnly()) {
            warnings.add(ReplyRule.ANSWER_BY_HAND.warning(channel.platform().id() + " is read-only; post this yourself"
                    + " where the mention appeared, then approve to close the task as answered by hand"));
        }
        warnings.addAll(guardrails.check(text, facts(input, reading), channel));
        return new Draft(intent, text, blocks, warnings, ReplyGuardrails.opensFollowUp(text));
    }







    /**
     * A journalist's article about a problem: no customer apology (the article reports, it does not ask),
     * but thanks, who handles it, and a statement from the press office by a time the policy allows.
     */
    private Draft pressReply(DraftInput input, MentionReading reading) {
        String problem = reading.problem().isEmpty() ? "this" : reading.problem();
        String body = bodiesIn(DraftLanguage.of(reading)).press(reading, input, problem);
        String pressOffice = policy.escalateTo().getOrDefault("press", "the press office");
        return finish(reading.intent(), body, input, reading,
                List.of(ReplyRule.ESCALATE.warning("press: a news report → " + pressOffice)));
    }

    private String escalateTo(MentionReading r) {
        String kind = ReplyBodies.crisisKind(r);
        return policy.escalateTo().getOrDefault(kind, policy.escalateTo().getOrDefault("default", "a team lead"));
    }

    /**
     * The blocks an edited reply is posted as: the paragraphs the person left (blank-line separated),
     * each split further only where it would not fit one post.
     */
    public List<String> blocks(String text, Platform platform) {
        Channel channel = channels.of(platform);
        List<String> blocks = new ArrayList<>();
        for (String paragraph : ReplyBlocks.paragraphs(text, channel)) {
            blocks.addAll(ReplyBlocks.split(paragraph, channel));
        }
        return blocks;
    }

    /** The rules a person's edit breaks, as warnings; the same rules as for drafts. */
    public List<Warning> check(String text, DraftInput whole) {
        AnalysedText read = AnalysedText.of(whole.text(), maxChars);
        DraftInput input = !read.cut() ? whole : new DraftInput(whole.platform(), whole.author(), read.text(),
                whole.subject(), whole.score(), whole.history(), whole.press());
        MentionReading reading = reader.read(input);
        reading = DraftLanguage.choose(reading, policy).readingFor(reading, policy);
        // An edit is read in the language it is written in, which the rules tell from its words; a few words
        // ("Sí.") cannot tell, so they are read in the draft's.
        String edit = text == null ? "" : text;
        String language = ReplyBlocks.words(edit) < 6 ? reading.language() : "";
        return guardrails.check(edit, facts(input, reading).inLanguage(language), channel(input));
    }

    private static ReplyGuardrails.Facts facts(DraftInput input, MentionReading reading) {
        return new ReplyGuardrails.Facts(author(input), reading.problem(), reading.subjectWords(), reading.text(),
                reading.language());
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


    /** A letter in another language: its greeting ("Bonjour Marie,"), the body, its sign-off and who signs. */
    private static String asMail(String body, String name, ReplyLanguage language, ReplyPolicy local) {
        int end = language.greetingEnd(body, name);
        String rest = body.substring(end);
        if (!name.isBlank() && rest.contains(", " + name + "!")) {
            rest = rest.replaceFirst(", " + java.util.regex.Pattern.quote(name) + "!", "!");
        }
        if (!rest.isEmpty()) {
            rest = Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
        }
        return language.mailGreeting(name) + "\n\n" + rest + "\n\n" + local.signOff() + "\n" + local.handledBy();
    }

    private Channel channel(DraftInput input) {
        if (input.platform() == null) {
            throw new IllegalArgumentException("a draft needs the platform the mention was heard on");
        }
        return channels.of(input.platform());
    }

    private static Author author(DraftInput input) {
        return input.author() == null ? new Author("", "", 0) : input.author();
    }
}
