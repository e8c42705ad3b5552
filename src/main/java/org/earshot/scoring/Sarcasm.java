package org.earshot.scoring;

import java.util.List;

/**
 * Praise that means the opposite. Three shapes: a sarcastic phrase ("thanks for nothing", "love
 * that for me"); praise opening a sentence and cut short, in a text that complains ("Great, another
 * delay."); and strong praise in the same sentence as a service problem, with nothing that turns it
 * ("Best airline ever, lost my bag twice"). Praise about how a problem was handled ("found my lost
 * bag in an hour, amazing") and praise set against a problem by "but" stay praise.
 */
final class Sarcasm {
    private static final double TURNED = -0.5;

    private final Lexicon lexicon;
    private final int handledClass;

    Sarcasm(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.handledClass = lexicon.classBit("handled");
    }

    /** The sarcastic phrase counts as negative, and the praise around it in its sentence turns negative too. */
    void mark(Tokens tokens, PhraseHit<CueKind> h, double[] val, boolean[] covered, List<String> reasons) {
        val[h.start()] += h.weight();
        int from = Sentences.start(tokens, h.start());
        int to = Sentences.end(tokens, h.end());
        for (int k = from; k <= to; k++) {
            if (!h.covers(k) && val[k] > 0) {
                val[k] = val[k] * TURNED;
                covered[k] = true;
            }
        }
        SentimentAnalyzer.add(reasons, h.reason() != null ? h.reason() : "sarcasm: '" + tokens.span(h.start(), h.end()) + "'");
    }

    /** "Great, another delay." "Perfect. Cancelled again." Praise opening a sentence, cut short, in a complaint. */
    void openers(Tokens tokens, double[] val, boolean[] covered, List<String> reasons) {
        for (int i = 0; i < tokens.size(); i++) {
            if (covered[i] || val[i] <= 0 || !lexicon.is(tokens, i, Lexicon.SARCASTIC_OPENER)
                    || !Sentences.opensSentence(tokens, i)) {
                continue;
            }
            int next = i + 1;
            boolean cutShort = next < tokens.size() && tokens.kind(next) == Token.Kind.PUNCT && tokens.punct(next) != '?';
            int nextWord = Sentences.firstWordFrom(tokens, next);
            boolean follower = nextWord < tokens.size() && lexicon.is(tokens, nextWord, Lexicon.SARCASTIC_FOLLOWER);
            if (cutShort || follower) {
                val[i] = -Math.abs(val[i]) * 0.8;
                covered[i] = true;
                boolean quoteNext = nextWord < tokens.size() && (follower || tokens.punct(next) == ',');
                SentimentAnalyzer.add(reasons, "sarcasm: '" + tokens.span(i, quoteNext ? nextWord : i) + "'");
            }
        }
    }

    /** "Wow, 45 minutes on hold, amazing customer service": strong praise beside a problem, in one sentence. */
    void ironicPraise(Tokens tokens, List<PhraseHit<CueKind>> cues, double[] val, boolean[] covered, List<String> reasons,
                      double strong) {
        int doneUpTo = -1;
        for (int at = 0; at < cues.size(); at++) {
            PhraseHit<CueKind> h = cues.get(at);
            if (!isProblem(h.kind()) || h.start() <= doneUpTo) {
                continue;
            }
            int from = Sentences.start(tokens, h.start());
            int to = Sentences.end(tokens, h.end());
            doneUpTo = to;
            if (turned(tokens, from, to)) {
                continue;
            }
            int best = -1;
            for (int k = from; k <= to; k++) {
                if (!covered[k] && !h.covers(k) && val[k] >= strong && (best < 0 || val[k] > val[best])) {
                    best = k;
                }
            }
            if (best < 0) {
                continue;
            }
            for (int k = from; k <= to; k++) {
                if (!h.covers(k) && val[k] > 0) {
                    val[k] = val[k] * TURNED;
                    covered[k] = true;
                }
            }
            SentimentAnalyzer.add(reasons, "sarcasm: '" + tokens.span(best, best) + "'");
        }
    }

    /** A "but", an "although" or a word about how the problem was handled: the praise is meant. */
    private boolean turned(Tokens tokens, int from, int to) {
        for (int k = from; k <= to; k++) {
            int id = tokens.id(k);
            if (lexicon.is(id, Lexicon.CONTRAST | Lexicon.CONCESSION) || lexicon.inClasses(id, handledClass)
                    || lexicon.inClasses(tokens.alt(k), handledClass)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isProblem(CueKind k) {
        return k == CueKind.SERVICE || k == CueKind.MONEY || k == CueKind.LOST_GOODS || k == CueKind.OUTAGE
                || k == CueKind.STRANDED;
    }
}
