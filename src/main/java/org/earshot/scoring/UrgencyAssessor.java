package org.earshot.scoring;

import java.util.ArrayList;
import java.util.List;
import org.earshot.domain.Sentiment;
import org.earshot.domain.UrgencyLevel;

/**
 * How soon someone must look, from what the text says and what is known around it. Each rule sets
 * a floor, so the strongest signal wins.
 * <ul>
 * <li>critical: safety and health, security, legal threats, an outage that hits many, someone
 * stranded now; a complaint spreading virally;</li>
 * <li>high: money taken wrongly, people leaving, lost goods with a deadline, the press, an explicit
 * "asap", little time left ("my flight leaves in an hour"), and complaints from big audiences, that
 * spread, that come again, or that have waited half a day;</li>
 * <li>normal: other complaints and questions; low: praise and chatter.</li>
 * </ul>
 * A calm note ("no rush") keeps a mention below high unless something critical happened; praise that
 * merely mentions a past scare ("thank you for helping when I had an allergic reaction") is not an emergency.
 */
final class UrgencyAssessor {
    static final long BIG_AUDIENCE = 10_000;
    static final double SPREADING_SHARES = 50;
    static final double VIRAL_SHARES = 2_000;
    static final double CRITICAL = 0.85;
    static final double HIGH = 0.6;
    static final double NORMAL = 0.25;
    private static final double PRESSING_TIME = 0.7;
    /** Where a pressing kind of problem the reading saw puts a mention: high, below money named in words. */
    private static final double PRESSING_PROBLEM = 0.64;
    private static final double CRITICAL_PROBLEM = 0.88;
    /** Medicine someone may need now: in lost goods, a health matter, not a parcel. */
    private static final java.util.Set<String> MEDICINE = java.util.Set.of("insulin", "inhaler", "inhalers",
            "medication", "medications", "medicine", "medicines", "meds", "epipen", "epipens", "epi-pen",
            "prescription", "prescriptions", "pills", "tablets", "puffer", "nebuliser", "nebulizer", "cpap");

    UrgencyResult assess(MentionAnalysis a, Signals signals) {
        return assess(a, signals, null);
    }

    /**
     * @param seen what the reading's nearest problem examples say is at stake, or null: a pressing kind
     *             (money taken, locked out, a lost delivery, stranded) makes a mention that is not praise
     *             high, a critical kind (safety, an account taken over, legal) makes a complaint critical
     */
    UrgencyResult assess(MentionAnalysis a, Signals signals, SeenProblem seen) {
        List<String> reasons = new ArrayList<>(4);
        SentimentResult s = a.sentiment();
        boolean problem = a.has(CueKind.SERVICE) || a.has(CueKind.MONEY) || a.has(CueKind.LOST_GOODS)
                || a.has(CueKind.OUTAGE) || a.has(CueKind.STRANDED) || a.has(CueKind.CHURN) || a.has(CueKind.REPEAT)
                || a.has(CueKind.ACCESS);
        boolean complaining = s.sentiment() == Sentiment.NEGATIVE || problem;
        boolean positive = s.sentiment() == Sentiment.POSITIVE && !problem;

        double u = positive ? 0.1 : 0.15 + 0.3 * s.negativity();
        if ((a.asksQuestion() || a.requests()) && !positive) {
            u = Math.max(u, 0.3);
        }
        if (complaining) {
            u = Math.max(u, 0.4 + Math.min(0.15, 0.03 * count(a, CueKind.SERVICE)));
        }
        if (!positive) {
            u = words(a, u, reasons);
            u = time(a, u, reasons, complaining || a.asksQuestion());
        }
        u = signals(signals, u, reasons, complaining);
        if (seen != null && !seen.kind().critical() && !positive) {
            u = Math.max(u, PRESSING_PROBLEM);
            SentimentAnalyzer.add(reasons, seen.reason());
        }
        if (a.has(CueKind.CALM)) {
            u = Math.min(u, 0.45);
            reasons.add(a.reason(a.first(CueKind.CALM)));
        }
        u = critical(a, u, reasons, s.sentiment() == Sentiment.POSITIVE && !a.has(CueKind.SERVICE));
        if (seen != null && seen.kind().critical() && complaining && !positive) {
            if (u < CRITICAL) {
                reasons.add(0, seen.reason());
            }
            u = Math.max(u, CRITICAL_PROBLEM);
        }
        u = Math.min(1, u);
        return new UrgencyResult(u, level(u), reasons);
    }

    /** Money, churn, a complaint made again, lost goods with a deadline, the press, "asap"; each named once. */
    private static double words(MentionAnalysis a, double u, List<String> reasons) {
        for (int at = 0; at < a.cues().size(); at++) {
            PhraseHit<CueKind> h = a.cues().get(at);
            switch (h.kind()) {
                case URGENT -> {
                    u = Math.max(u, 0.62);
                    SentimentAnalyzer.add(reasons, a.reason(h));
                }
                case MONEY -> {
                    u = Math.max(u, 0.7);
                    SentimentAnalyzer.add(reasons, a.reason(h));
                }
                case CHURN -> {
                    u = Math.max(u, 0.7);
                    SentimentAnalyzer.add(reasons, a.reason(h));
                }
                case REPEAT -> {
                    u = Math.max(u, 0.65);
                    SentimentAnalyzer.add(reasons, a.reason(h));
                }
                case ACCESS -> {
                    u = Math.max(u, 0.62);
                    SentimentAnalyzer.add(reasons, a.reason(h));
                }
                case PRESS -> {
                    u = Math.max(u, 0.72);
                    SentimentAnalyzer.add(reasons, a.reason(h));
                }
                default -> {
                }
            }
        }
        if (a.has(CueKind.LOST_GOODS)) {
            // A delivery or a bag that did not come is pressing by itself; a deadline makes it more so.
            u = Math.max(u, 0.62);
            SentimentAnalyzer.add(reasons, a.reason(a.first(CueKind.LOST_GOODS)));
        }
        String medicine = a.has(CueKind.LOST_GOODS) ? medicine(a) : null;
        if (medicine != null) {
            u = Math.max(u, 0.9);
            reasons.add(0, "health: '" + medicine + "' in lost goods");
        }
        if (a.has(CueKind.LOST_GOODS) && (a.has(CueKind.DEADLINE) || a.has(CueKind.TIME))) {
            u = Math.max(u, 0.72);
            PhraseHit<CueKind> d = a.has(CueKind.DEADLINE) ? a.first(CueKind.DEADLINE) : a.first(CueKind.TIME);
            reasons.add(d.kind() == CueKind.DEADLINE ? a.reason(d) : "lost goods with a deadline: '" + a.phrase(d) + "'");
        }
        return u;
    }

    /** "In 20 minutes", "tonight", "my flight leaves in an hour": the shorter the time, the higher. */
    private static double time(MentionAnalysis a, double u, List<String> reasons, boolean needsSomething) {
        PhraseHit<CueKind> most = null;
        for (int at = 0; at < a.cues().size(); at++) {
            PhraseHit<CueKind> h = a.cues().get(at);
            if (h.kind() == CueKind.TIME && (most == null || h.weight() > most.weight()
                    || h.weight() == most.weight() && h.end() - h.start() > most.end() - most.start())) {
                most = h;
            }
        }
        if (most == null || !needsSomething) {
            return u;
        }
        reasons.add(a.reason(most));
        return most.weight() >= PRESSING_TIME ? Math.max(u, 0.6 + 0.1 * most.weight()) : u + 0.15 * most.weight();
    }

    /** The author's audience, the post's spread and the person's history. */
    private static double signals(Signals sig, double u, List<String> reasons, boolean complaining) {
        long followers = sig.author().followers();
        if (followers >= BIG_AUDIENCE) {
            reasons.add("audience " + Audience.followers(followers));
            if (complaining) {
                u = Math.max(u, 0.65 + Math.min(0.1, Math.log10(followers / (double) BIG_AUDIENCE) * 0.04));
            }
        }
        double shares = sig.shares();
        if (shares >= SPREADING_SHARES) {
            reasons.add((shares >= VIRAL_SHARES ? "viral: " : "spreading: ") + sig.spread());
            if (complaining) {
                u = Math.max(u, shares >= VIRAL_SHARES ? 0.86 : 0.66 + Math.min(0.1, Math.log10(shares / SPREADING_SHARES) * 0.06));
            }
        }
        int before = sig.history().previousComplaints();
        if (before >= 1) {
            if (complaining) {
                reasons.add(Audience.ordinal(before + 1) + " complaint");
                u = Math.max(u, before >= 2 ? 0.7 : 0.65);
            } else {
                reasons.add(before == 1 ? "1 earlier complaint" : before + " earlier complaints");
            }
        }
        // Time waited is the priority's and the service-level clock's, not the urgency's.
        return u;
    }

    /** Safety, security, legal, outages and people stranded come first, named first. */
    private static double critical(MentionAnalysis a, double u, List<String> reasons, boolean praise) {
        List<String> first = null;
        int count = 0;
        for (int at = 0; at < a.cues().size(); at++) {
            PhraseHit<CueKind> h = a.cues().get(at);
            if (!h.kind().isCritical()) {
                continue;
            }
            if (first == null) {
                first = new ArrayList<>(2);
            }
            String reason = a.reason(h);
            SentimentAnalyzer.add(first, praise ? "mentions " + reason : reason);
            count++;
        }
        if (first == null) {
            return u;
        }
        reasons.addAll(0, first);
        return praise ? Math.max(u, 0.45) : Math.max(u, 0.9 + 0.02 * (count - 1));
    }

    private static String medicine(MentionAnalysis a) {
        for (Token t : a.tokens().tokens()) {
            if (t.isWordLike() && MEDICINE.contains(t.norm())) {
                return t.norm();
            }
        }
        return null;
    }

    private static int count(MentionAnalysis a, CueKind kind) {
        int n = 0;
        for (int at = 0; at < a.cues().size(); at++) {
            PhraseHit<CueKind> h = a.cues().get(at);
            n += h.kind() == kind ? 1 : 0;
        }
        return n;
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
