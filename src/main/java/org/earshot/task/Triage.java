package org.earshot.task;

import java.time.Instant;
import org.earshot.config.BusinessHours;
import org.earshot.config.ServiceLevels;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Draft;
import org.earshot.domain.Engagement;
import org.earshot.domain.Mention;
import org.earshot.domain.Score;
import org.earshot.reading.MentionReader;
import org.earshot.reading.MentionReading;
import org.earshot.reply.DraftInput;
import org.earshot.reply.ReplyDrafter;
import org.earshot.scoring.CurrentTeamCorrections;
import org.earshot.scoring.MentionScorer;
import org.earshot.scoring.ScoringInput;
import org.earshot.scoring.TeamCorrections;
import org.earshot.scoring.model.CurrentBrandHeads;
import org.earshot.scoring.model.LinearHead;

/**
 * Turns a mention into what its task starts with: scores (the scorer's, then nudged by what the team
 * taught it through corrections), a draft, and the time its first answer is due.
 */
public final class Triage {
    private final MentionScorer scorer;
    private final MentionReader reader;
    private final CurrentTeamCorrections teamCorrections;
    private final ReplyDrafter drafter;
    private final ServiceLevels serviceLevels;
    private final BusinessClock businessClock;
    private final java.util.function.Consumer<java.time.Duration> scoringTimes;
    private final boolean modelLater;
    private final CurrentBrandHeads brandHeads;

    /**
     * @param reader        reads each mention once (language, lexicon, embedding) for the scorer and the drafter
     * @param businessClock counts the first response's time in the team's business hours
     */
    public Triage(MentionReader reader, MentionScorer scorer, CurrentTeamCorrections teamCorrections,
                  ReplyDrafter drafter, ServiceLevels serviceLevels, BusinessClock businessClock) {
        this(reader, scorer, teamCorrections, drafter, serviceLevels, businessClock, took -> { });
    }

    /** @param scoringTimes told how long each mention took to score (the metrics' scoring timer) */
    public Triage(MentionReader reader, MentionScorer scorer, CurrentTeamCorrections teamCorrections,
                  ReplyDrafter drafter, ServiceLevels serviceLevels, BusinessClock businessClock,
                  java.util.function.Consumer<java.time.Duration> scoringTimes) {
        this(reader, scorer, teamCorrections, drafter, serviceLevels, businessClock, scoringTimes, false,
                new CurrentBrandHeads());
    }

    private Triage(MentionReader reader, MentionScorer scorer, CurrentTeamCorrections teamCorrections,
                   ReplyDrafter drafter, ServiceLevels serviceLevels, BusinessClock businessClock,
                   java.util.function.Consumer<java.time.Duration> scoringTimes, boolean modelLater,
                   CurrentBrandHeads brandHeads) {
        this.modelLater = modelLater;
        this.brandHeads = brandHeads;
        this.reader = reader;
        this.scorer = scorer;
        this.teamCorrections = teamCorrections;
        this.drafter = drafter;
        this.serviceLevels = serviceLevels;
        this.businessClock = businessClock;
        this.scoringTimes = scoringTimes;
    }

    /** The default languages, the scorer's model. */
    public Triage(MentionScorer scorer, CurrentTeamCorrections teamCorrections, ReplyDrafter drafter,
                  ServiceLevels serviceLevels, BusinessClock businessClock) {
        this(MentionReader.standard(scorer.model()), scorer, teamCorrections, drafter, serviceLevels, businessClock);
    }

    /** Service levels counted on the wall clock, around the clock. */
    public Triage(MentionScorer scorer, CurrentTeamCorrections teamCorrections, ReplyDrafter drafter,
                  ServiceLevels serviceLevels) {
        this(scorer, teamCorrections, drafter, serviceLevels, new BusinessClock(BusinessHours.ALWAYS));
    }

    /** Scores without team corrections: for tools and tests that have none. */
    public Triage(MentionScorer scorer, ReplyDrafter drafter, ServiceLevels serviceLevels) {
        this(scorer, new CurrentTeamCorrections(), drafter, serviceLevels);
    }

    /**
     * @param llmPending   the draft is the templates' while the LLM writes its own, as its own job ({@link LlmDrafts})
     * @param language     the mention's, ISO 639-1 ("en")
     * @param modelPending scored by the lexicon alone; the learned model scores it later ({@link ModelScoring})
     */
    public record Assessment(Score score, Draft draft, Instant dueAt, boolean llmPending, String language,
                             boolean modelPending) {
        public Assessment(Score score, Draft draft, Instant dueAt, boolean llmPending, String language) {
            this(score, draft, dueAt, llmPending, language, false);
        }
    }

    /**
     * The same triage, but a mention is assessed at once with the lexicon alone and marked for the learned
     * model, which {@link ModelScoring} runs later in batches, off the poll: a burst is stored and queued
     * at the lexicon's speed. Without a model nothing changes.
     */
    public Triage withModelLater() {
        return new Triage(reader, scorer, teamCorrections, drafter, serviceLevels, businessClock, scoringTimes,
                reader.model() != null, brandHeads);
    }

    /**
     * The same triage, reading a mention's learned negativity with its brand's own head where the brand
     * has one ({@link BrandHeads}: fitted to its corrections), else with the shipped head.
     */
    public Triage withBrandHeads(CurrentBrandHeads heads) {
        return new Triage(reader, scorer, teamCorrections, drafter, serviceLevels, businessClock, scoringTimes,
                modelLater, heads);
    }

    /** The mentions' reader (language, lexicon, embedding): what a brand's head is refitted with. */
    public MentionReader reader() {
        return reader;
    }

    /** Whether mentions are stored with the lexicon's scores first and read by the learned model later. */
    public boolean modelLater() {
        return modelLater;
    }

    /** Lets the scorer's learned model read a poll's mentions before they are assessed (and their transaction opens). */
    public void readAhead(java.util.List<org.earshot.domain.IncomingMention> polled) {
        if (reader.model() != null && !modelLater && !polled.isEmpty()) {
            reader.readAhead(polled.stream().map(m -> MentionScorer.textOf(m.subject(), m.text())).toList());
        }
    }

    /** What a new mention's task opens with: with the learned model's scores, unless {@link #modelLater()}. */
    public Assessment assess(Mention m, CustomerHistory history, Instant now) {
        return assess(m, history, now, !modelLater);
    }

    /**
     * The learned model's assessment of tasks opened with the lexicon's, in their order: the model reads
     * their texts as one batch, spread over the cores; the history is the one each task opened with.
     */
    public java.util.List<Assessment> withModel(java.util.List<org.earshot.domain.ResponseTask> opened, Instant now) {
        reader.readAhead(opened.stream().map(t -> MentionScorer.textOf(t.mention().subject(), t.mention().text()))
                .toList());
        // Spread over the cores too: each thread tags with its own taggers (reading.StructureReader).
        return opened.parallelStream().map(t -> assess(t.mention(), t.customer(), now, true)).toList();
    }

    private Assessment assess(Mention m, CustomerHistory history, Instant now, boolean withModel) {
        long started = System.nanoTime();
        MentionReading reading = withModel ? reader.read(m.subject(), m.text())
                : reader.readWithoutModel(m.subject(), m.text());
        ScoringInput scoring = new ScoringInput(m.platform(), m.text(), m.subject(), m.author(), history,
                m.createdAt(), now, Engagement.from(m.replyContext()));
        double shipped = reader.learnedNegativity(reading);
        java.util.Optional<LinearHead> own = withModel ? brandHeads.of(m.brand()) : java.util.Optional.empty();
        double learned = own.flatMap(h -> reading.embedding().vector().map(h::probability)).orElse(shipped);
        org.earshot.scoring.SeenProblem atStake = reading.problem().orElse(null);
        Score scored = scorer.score(reading.lexicon(), scoring, learned, atStake);
        if (learned != shipped && !Double.isNaN(shipped)) {
            scored = sayWhereTheBrandsHeadDiffers(scored, scorer.score(reading.lexicon(), scoring, shipped, atStake), learned,
                    shipped);
        }
        scoringTimes.accept(java.time.Duration.ofNanos(System.nanoTime() - started));
        Score score = teamCorrections.get().adjust(scorer.analysed(TeamCorrections.textOf(m.subject(), m.text())), scored);
        // The same deadline the service-level clock alerts on; the draft promises nothing past it.
        Instant due = businessClock.addWorkingTime(m.receivedAt(),
                serviceLevels.forChannel(drafter.channels().of(m.platform())).firstResponse());
        DraftInput input = draftInput(m, score, history, reading).withTimeLeft(java.time.Duration.between(now, due));
        Draft draft = withNotice(drafter.templateDraft(input), reading);
        return new Assessment(score, draft, due, drafter.llmWrites(input, draft), reading.language(),
                !withModel && reader.model() != null);
    }

    /**
     * A label the brand's own head gave where the shipped head would have given another says so: the
     * team's corrections moved the line.
     */
    private static Score sayWhereTheBrandsHeadDiffers(Score own, Score shipped, double ownNegativity,
                                                      double shippedNegativity) {
        if (own.sentiment() == shipped.sentiment()) {
            return own;
        }
        java.util.List<String> reasons = new java.util.ArrayList<>(own.reasons());
        reasons.add(String.format(java.util.Locale.ROOT,
                "%s by the brand's corrections (its head %.2f, the shipped head %.2f)", own.sentiment().id(),
                ownNegativity, shippedNegativity));
        return new Score(own.negativity(), own.sentiment(), own.urgency(), own.urgencyLevel(), own.priority(),
                reasons);
    }

    /** A mention not in English says so on its draft: the scores and the template read English best. */
    static Draft withNotice(Draft draft, MentionReading reading) {
        return reading.notice().map(n -> {
            java.util.List<org.earshot.domain.Warning> warnings = new java.util.ArrayList<>(draft.warnings());
            warnings.add(n);
            return new Draft(draft.intent(), draft.text(), draft.blocks(), warnings, draft.followUp());
        }).orElse(draft);
    }

    static DraftInput draftInput(Mention m, Score score, CustomerHistory history) {
        return draftInput(m, score, history, null);
    }

    static DraftInput draftInput(Mention m, Score score, CustomerHistory history, MentionReading reading) {
        return new DraftInput(m.platform(), m.author(), m.text(), m.subject(), score, history,
                "true".equals(m.replyContext().get("press")), reading);
    }
}
