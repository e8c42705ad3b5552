package org.earshot.scoring;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Score;

/**
 * Scores a mention: negativity, urgency, priority and the reasons behind them. Pure and thread-safe:
 * the word lists are loaded once per process and nothing is read or written while scoring.
 *
 * <p>Priority (0 to 100, higher first) = 55% urgency + 20% negativity + 15% reach (log of followers,
 * full at a million) + 10% time waited (full at 12 hours).
 */
public final class MentionScorer {
    private static final double FULL_REACH_FOLLOWERS_LOG10 = 6;
    private static final double FULL_WAIT_HOURS = 12;

    private final MentionAnalyzer analyzer = MentionAnalyzer.standard();
    private final UrgencyAssessor urgency = new UrgencyAssessor();

    public Score score(ScoringInput input) {
        String text = input.subject() == null || input.subject().isBlank()
                ? nullToEmpty(input.text()) : input.subject() + "\n" + nullToEmpty(input.text());
        return score(analyzer.analyze(text), input);
    }

    /** Scores an analysis already made, so a caller that also drafts analyses the text once. */
    public Score score(MentionAnalysis analysis, ScoringInput input) {
        Author author = input.author() == null ? new Author("", "", 0) : input.author();
        CustomerHistory history = input.history() == null ? CustomerHistory.NONE : input.history();
        SentimentResult sentiment = analysis.sentiment();
        UrgencyResult u = urgency.assess(analysis, author, history);

        double hours = hoursWaited(input);
        double reach = Math.min(1, Math.log10(author.followers() + 1) / FULL_REACH_FOLLOWERS_LOG10);
        double waited = Math.min(1, hours / FULL_WAIT_HOURS);
        double priority = 100 * (0.55 * u.urgency() + 0.2 * sentiment.negativity() + 0.15 * reach + 0.1 * waited);

        Set<String> reasons = new LinkedHashSet<>(u.reasons());
        for (String r : sentiment.reasons()) {
            // "charged twice" said once is enough, even when it is both a money cue and a service phrase
            if (u.reasons().stream().noneMatch(ur -> ur.contains("'" + r + "'"))) {
                reasons.add(r);
            }
        }
        if (hours >= 1) {
            reasons.add(hours >= 48 ? "waiting " + (long) (hours / 24) + "d" : "waiting " + (long) hours + "h");
        }
        return new Score(round(sentiment.negativity(), 1000), sentiment.sentiment(), round(u.urgency(), 1000),
                u.level(), round(priority, 10), List.copyOf(reasons));
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

    private static double round(double x, int factor) {
        return Math.round(x * factor) / (double) factor;
    }
}
