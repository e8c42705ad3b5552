package org.earshot.reply;

import java.util.List;
import org.earshot.domain.Intent;
import org.earshot.domain.Sentiment;
import org.earshot.scoring.CueKind;
import org.earshot.scoring.MentionAnalysis;
import org.earshot.scoring.PhraseBook;
import org.earshot.scoring.PhraseHit;
import org.earshot.scoring.Token;

/**
 * What the person wants, decided in this order: spam (no reply), crisis (safety, security, legal:
 * escalate), a complaint that names a service problem, a feature request, a wish to buy, any other
 * complaint, a question, praise, and else "other". Thread-safe.
 */
public final class IntentDetector {
    private static final PhraseBook<IntentCue> CUES = IntentPhrases.BOOK;
    private static final int SPAM_HASHTAGS = 6;
    private static final java.util.Set<String> DAMAGE = java.util.Set.of("damaged", "broken", "bent", "torn", "cracked",
            "smashed", "ripped", "dented", "crushed");
    private static final java.util.Set<String> DAMAGEABLE = java.util.Set.of("bag", "bags", "luggage", "suitcase",
            "suitcases", "baggage", "stroller", "pram", "pushchair", "wheelchair", "guitar", "wheel", "handle", "package",
            "parcel", "box", "car seat");

    public IntentDetection detect(MentionAnalysis a) {
        List<PhraseHit<IntentCue>> hits = CUES.find(a.tokens());
        String spam = first(a, hits, IntentCue.SPAM);
        if (spam != null) {
            return new IntentDetection(Intent.SPAM, "'" + spam + "'");
        }
        if (hashtags(a) >= SPAM_HASHTAGS) {
            return new IntentDetection(Intent.SPAM, hashtags(a) + " hashtags");
        }
        for (PhraseHit<CueKind> h : a.cues()) {
            if (h.kind().isCrisis()) {
                return new IntentDetection(Intent.CRISIS, h.kind().label() + " ('" + a.phrase(h) + "')");
            }
        }
        for (IntentCue report : new IntentCue[] {IntentCue.SAFETY_REPORT, IntentCue.SECURITY_REPORT}) {
            String said = first(a, hits, report);
            if (said != null) {
                return new IntentDetection(Intent.CRISIS, (report == IntentCue.SAFETY_REPORT ? "safety" : "security")
                        + " report ('" + said + "')");
            }
        }
        String abuse = first(a, hits, IntentCue.ABUSE);
        boolean problem = a.has(CueKind.SERVICE) || a.has(CueKind.MONEY) || a.has(CueKind.LOST_GOODS)
                || a.has(CueKind.STRANDED) || damaged(a) || first(a, hits, IntentCue.COMPLAINT) != null;
        if (abuse != null && !problem) {
            return new IntentDetection(Intent.SPAM, "abuse ('" + abuse + "')");
        }
        if (a.has(CueKind.SERVICE) || a.has(CueKind.MONEY) || a.has(CueKind.LOST_GOODS) || a.has(CueKind.STRANDED)
                || a.has(CueKind.CHURN) || first(a, hits, IntentCue.STRANDED) != null || damaged(a)
                || first(a, hits, IntentCue.COMPLAINT) != null) {
            return new IntentDetection(Intent.COMPLAINT, "");
        }
        if (first(a, hits, IntentCue.FEATURE) != null) {
            return new IntentDetection(Intent.FEATURE_REQUEST, "");
        }
        if (first(a, hits, IntentCue.PURCHASE) != null) {
            return new IntentDetection(Intent.PURCHASE_INTENT, "");
        }
        Sentiment sentiment = a.sentiment().sentiment();
        if (first(a, hits, IntentCue.PRAISE) != null && sentiment != Sentiment.NEGATIVE) {
            return new IntentDetection(Intent.PRAISE, "");
        }
        if (sentiment == Sentiment.NEGATIVE) {
            return new IntentDetection(Intent.COMPLAINT, "");
        }
        if (a.asksQuestion() || opensWithQuestion(a, hits)) {
            return new IntentDetection(Intent.QUESTION, "");
        }
        if (sentiment == Sentiment.POSITIVE) {
            return new IntentDetection(Intent.PRAISE, "");
        }
        return new IntentDetection(Intent.OTHER, "");
    }

    /** "my stroller came back with a bent wheel": goods damaged in the brand's care, told without a negative word. */
    static boolean damaged(MentionAnalysis a) {
        boolean goods = false;
        boolean damage = false;
        for (Token t : a.tokens().tokens()) {
            goods |= t.isWordLike() && DAMAGEABLE.contains(t.norm());
            damage |= t.isWordLike() && DAMAGE.contains(t.norm());
        }
        return goods && damage;
    }

    private static String first(MentionAnalysis a, List<PhraseHit<IntentCue>> hits, IntentCue kind) {
        return hits.stream().filter(h -> h.kind() == kind).findFirst().map(a::phrase).orElse(null);
    }

    /** "Can I bring my dog on board" asks even without a question mark, when it opens a sentence. */
    private static boolean opensWithQuestion(MentionAnalysis a, List<PhraseHit<IntentCue>> hits) {
        return hits.stream().anyMatch(h -> h.kind() == IntentCue.QUESTION
                && (opensSentence(a, h.start()) || a.phrase(h).contains("question")));
    }

    private static boolean opensSentence(MentionAnalysis a, int index) {
        for (int k = index - 1; k >= 0; k--) {
            Token t = a.tokens().get(k);
            if (t.endsSentence()) {
                return true;
            }
            if (t.isWordLike()) {
                return false;
            }
        }
        return true;
    }

    private static long hashtags(MentionAnalysis a) {
        String text = a.tokens().text();
        long count = 0;
        for (int i = 0; i + 1 < text.length(); i++) {
            if (text.charAt(i) == '#' && Character.isLetterOrDigit(text.charAt(i + 1))
                    && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
                count++;
            }
        }
        return count;
    }
}
