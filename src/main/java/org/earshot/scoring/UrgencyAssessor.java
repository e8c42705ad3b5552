package org.earshot.scoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Sentiment;
import org.earshot.domain.UrgencyLevel;

/**
 * Urgency from what the text says and who says it. Each rule sets a floor, so the strongest signal
 * wins: critical for safety, security, legal threats and people stranded now; high for money taken
 * wrongly, people leaving, lost goods with a deadline, an explicit "asap", and complaints from big
 * audiences or from people who complained before; normal for other complaints and questions.
 */
final class UrgencyAssessor {
    static final long BIG_AUDIENCE = 10_000;
    private static final double CRITICAL = 0.85;
    private static final double HIGH = 0.6;
    private static final double NORMAL = 0.25;

    UrgencyResult assess(MentionAnalysis a, Author author, CustomerHistory history) {
        Set<String> reasons = new LinkedHashSet<>();
        SentimentResult s = a.sentiment();
        boolean complaining = s.sentiment() == Sentiment.NEGATIVE || a.has(CueKind.SERVICE);

        double u = s.sentiment() == Sentiment.POSITIVE ? 0.1 : 0.15 + 0.3 * s.negativity();
        if (a.asksQuestion() && s.sentiment() != Sentiment.POSITIVE) {
            u = Math.max(u, 0.3);
        }
        if (complaining) {
            u = Math.max(u, 0.4 + Math.min(0.15, 0.03 * a.cues(CueKind.SERVICE).size()));
        }
        for (PhraseHit<CueKind> h : s.sentiment() == Sentiment.POSITIVE ? List.<PhraseHit<CueKind>>of()
                : a.cues(CueKind.URGENT)) {
            u = Math.max(u, 0.62);
            reasons.add("asks for speed: '" + a.phrase(h) + "'");
        }
        for (PhraseHit<CueKind> h : a.cues(CueKind.MONEY)) {
            u = Math.max(u, 0.7);
            reasons.add(a.phrase(h));
        }
        for (PhraseHit<CueKind> h : a.cues(CueKind.CHURN)) {
            u = Math.max(u, 0.7);
            reasons.add("churn threat: '" + a.phrase(h) + "'");
        }
        if (a.has(CueKind.LOST_GOODS) && a.has(CueKind.DEADLINE)) {
            u = Math.max(u, 0.72);
            reasons.add("lost goods with a deadline: '" + a.firstPhrase(CueKind.DEADLINE) + "'");
        }
        if (author.followers() >= BIG_AUDIENCE) {
            reasons.add("audience " + Audience.followers(author.followers()));
            if (complaining) {
                u = Math.max(u, 0.65 + Math.min(0.1, Math.log10(author.followers() / (double) BIG_AUDIENCE) * 0.04));
            }
        }
        if (history.previousComplaints() >= 1) {
            reasons.add(Audience.ordinal(history.previousComplaints() + 1) + " complaint");
            if (complaining) {
                u = Math.max(u, 0.65);
            }
        }
        if (a.has(CueKind.CALM)) {
            u = Math.min(u, 0.45);
            reasons.add("can wait: '" + a.firstPhrase(CueKind.CALM) + "'");
        }
        List<PhraseHit<CueKind>> critical = a.cues().stream().filter(h -> h.kind().isCritical()).toList();
        if (!critical.isEmpty()) {
            u = Math.max(u, 0.9 + 0.02 * (critical.size() - 1));
            List<String> first = new ArrayList<>();
            critical.forEach(h -> first.add(h.kind().label() + ": '" + a.phrase(h) + "'"));
            first.addAll(reasons);
            reasons = new LinkedHashSet<>(first);
        }
        u = Math.min(1, u);
        return new UrgencyResult(u, level(u), new ArrayList<>(reasons));
    }

    static UrgencyLevel level(double u) {
        if (u >= CRITICAL) {
            return UrgencyLevel.CRITICAL;
        }
        if (u >= HIGH) {
            return UrgencyLevel.HIGH;
        }
        return u >= NORMAL ? UrgencyLevel.NORMAL : UrgencyLevel.LOW;
    }
}
