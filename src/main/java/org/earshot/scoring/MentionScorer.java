package org.earshot.scoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Score;

/**
 * Scores a mention: negativity, urgency, priority and the reasons behind them. Thread-safe: the word
 * lists are loaded once per process, and the only state is the model's readings kept by
 * {@link #readAhead} until their texts are scored.
 *
 * <p>Built with a {@link NegativityModel}, negativity and sentiment are the model's blended with the
 * lexicon's ({@link NegativityBlend}), and urgency and priority read the blended sentiment; without one
 * (or when it cannot read a text) the lexicon alone scores, as it always did.
 *
 * <p>Priority is {@link QueuePriority}'s; reach combines the author's followers (full at a million)
 * with the post's spread (full at ten thousand shares), and time waited is full at 12 hours. Time
 * waited moves the priority only: the urgency level and its reasons are about the mention itself
 * (the service-level clock tells how long it has waited).
 */
public final class MentionScorer {
    private static final double FULL_REACH_FOLLOWERS_LOG10 = 6;
    private static final double FULL_REACH_SHARES_LOG10 = 4;
    private static final double FULL_WAIT_HOURS = 12;
    private static final Author NOBODY = new Author("", "", 0);

    private final MentionAnalyzer analyzer = MentionAnalyzer.standard();
    private final UrgencyAssessor urgency = new UrgencyAssessor();
    private final NegativityModel model;
    private final int maxChars;
    /** Read ahead in a batch by {@link #readAhead}, taken out as each text is scored. */
    private final java.util.concurrent.ConcurrentHashMap<String, Double> readAhead =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int READ_AHEAD_LIMIT = 20_000;

    /** The lexicon alone: fast, and what tests and bulk tools use. */
    public MentionScorer() {
        this(null);
    }

    /** @param model the learned negativity to blend in, or null for the lexicon alone */
    public MentionScorer(NegativityModel model) {
        this(model, AnalysedText.DEFAULT_MAX_CHARS);
    }

    /**
     * @param maxChars how much of a text is read: a longer one is scored on its start, and its reasons
     *                 say where it was cut ({@link AnalysedText})
     */
    public MentionScorer(NegativityModel model, int maxChars) {
        this.model = model;
        this.maxChars = maxChars;
    }

    /** How much of a text this scorer reads. */
    public int maxChars() {
        return maxChars;
    }

    /** The model this scorer blends in, or null. */
    public NegativityModel model() {
        return model;
    }

    public Score score(ScoringInput input) {
        AnalysedText text = AnalysedText.of(textOf(input), maxChars);
        return scoreBlended(analyzer.analyze(text.text()), input, learned(text.text()), text);
    }

    /**
     * Runs the model over texts about to be scored, so that {@link #score(ScoringInput)} finds them
     * read. A poll calls it before its transaction, so the transaction does not wait on the model (and
     * a model that spreads a list over threads uses them). Nothing happens without a model.
     *
     * @param texts as {@link #textOf(ScoringInput)} makes them
     */
    public void readAhead(List<String> texts) {
        if (model == null || texts.isEmpty()) {
            return;
        }
        if (readAhead.size() > READ_AHEAD_LIMIT) {
            // Texts read but never scored (duplicates, other brands' mentions) must not pile up.
            readAhead.clear();
        }
        List<String> distinct = texts.stream().map(t -> AnalysedText.of(t, maxChars).text()).distinct().toList();
        double[] read = model.negativity(distinct);
        for (int i = 0; i < read.length; i++) {
            if (!Double.isNaN(read[i])) {
                readAhead.put(distinct.get(i), read[i]);
            }
        }
    }

    private double learned(String text) {
        if (model == null) {
            return Double.NaN;
        }
        Double read = readAhead.remove(text);
        return read != null ? read : model.negativity(text);
    }

    /**
     * Scores with the model's negativity already worked out (NaN: the lexicon alone), so a caller
     * that reads the model itself, in a batch or to show its figure, does not run it twice.
     */
    public Score score(ScoringInput input, double modelNegativity) {
        AnalysedText text = AnalysedText.of(textOf(input), maxChars);
        return scoreBlended(analyzer.analyze(text.text()), input, modelNegativity, text);
    }

    /** The part of a text this scorer reads: what a model reading it for {@link #score(ScoringInput, double)} should read too. */
    public String analysed(String text) {
        return AnalysedText.of(text, maxChars).text();
    }

    /** The text the scorer reads: the subject, if any, on the line before the text. */
    public static String textOf(ScoringInput input) {
        return textOf(input.subject(), input.text());
    }

    public static String textOf(String subject, String text) {
        return subject == null || subject.isBlank() ? nullToEmpty(text) : subject + "\n" + nullToEmpty(text);
    }

    /**
     * Scores an analysis already made, with the model's negativity already read (NaN: the lexicon
     * alone): a reading of the mention shared with drafting.
     */
    public Score score(MentionAnalysis analysis, ScoringInput input, double modelNegativity) {
        return scoreBlended(analysis, input, modelNegativity, AnalysedText.of(textOf(input), maxChars));
    }

    /**
     * The same, with what the reading saw at stake (null: nothing), which urgency rises to: money
     * taken, a locked account, a lost delivery, someone stranded (high); safety, an account taken
     * over, a legal matter (critical).
     */
    public Score score(MentionAnalysis analysis, ScoringInput input, double modelNegativity, SeenProblem seen) {
        return scoreBlended(analysis, input, modelNegativity, AnalysedText.of(textOf(input), maxChars), seen);
    }

    /** Scores an analysis already made, so a caller that also drafts analyses the text once. */
    public Score score(MentionAnalysis analysis, ScoringInput input) {
        return scoreBlended(analysis, input, learned(analysis.tokens().text()), null);
    }

    private Score scoreBlended(MentionAnalysis lexical, ScoringInput input, double modelNegativity, AnalysedText read) {
        return scoreBlended(lexical, input, modelNegativity, read, null);
    }

    private Score scoreBlended(MentionAnalysis lexical, ScoringInput input, double modelNegativity, AnalysedText read,
                               SeenProblem seen) {
        MentionAnalysis analysis = Double.isNaN(modelNegativity) ? lexical
                : lexical.withSentiment(NegativityBlend.blend(lexical.sentiment(), modelNegativity));
        Author author = input.author() == null ? NOBODY : input.author();
        CustomerHistory history = input.history() == null ? CustomerHistory.NONE : input.history();
        double hours = hoursWaited(input);
        Signals signals = new Signals(author, history, input.engagement(), hours);
        SentimentResult sentiment = analysis.sentiment();
        UrgencyResult u = urgency.assess(analysis, signals, seen);

        double audience = Math.log10(author.followers() + 1) / FULL_REACH_FOLLOWERS_LOG10;
        double spread = Math.log10(signals.shares() + 1) / FULL_REACH_SHARES_LOG10;
        double reach = 1 - (1 - Math.min(1, audience)) * (1 - Math.min(1, spread));
        double waited = Math.min(1, hours / FULL_WAIT_HOURS);
        double priority = QueuePriority.of(u.level(), u.urgency(), sentiment.negativity(), reach, waited);

        List<String> reasons = new ArrayList<>(u.reasons().size() + sentiment.reasons().size() + 1);
        reasons.addAll(u.reasons());
        for (int at = 0; at < sentiment.reasons().size(); at++) {
            String r = sentiment.reasons().get(at);
            if (!saidAlready(r, u.reasons())) {
                reasons.add(r);
            }
        }
        if (read != null && read.cut()) {
            reasons.add(read.notice());
        }
        return new Score(round(sentiment.negativity(), 1000), sentiment.sentiment(), round(u.urgency(), 1000),
                u.level(), round(priority, 10), reasons);
    }

    /**
     * "charged twice" said once is enough, even when it is both a money cue and a service phrase; and
     * "4th time" adds nothing beside "complaining again: '4th time i contact'".
     */
    private static boolean saidAlready(String reason, List<String> urgencyReasons) {
        String words = " " + quotedOrWhole(reason) + " ";
        for (int at = 0; at < urgencyReasons.size(); at++) {
            String u = urgencyReasons.get(at);
            int open = u.indexOf('\'');
            int close = u.lastIndexOf('\'');
            if (open >= 0 && close > open && (" " + u.substring(open + 1, close) + " ").contains(words)) {
                return true;
            }
        }
        return false;
    }

    private static String quotedOrWhole(String reason) {
        int open = reason.indexOf('\'');
        int close = reason.lastIndexOf('\'');
        return open >= 0 && close > open ? reason.substring(open + 1, close) : reason;
    }

    private static double hoursWaited(ScoringInput input) {
        if (input.createdAt() == null || input.now() == null || input.now().isBefore(input.createdAt())) {
            return 0;
        }
        return Duration.between(input.createdAt(), input.now()).toMinutes() / 60.0;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }

    private static double round(double x, int factor) {
        return Math.round(x * factor) / (double) factor;
    }
}
