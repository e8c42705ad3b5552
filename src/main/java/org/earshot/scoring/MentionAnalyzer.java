package org.earshot.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Tokenises a mention once, finds its cue phrases and scores its sentiment. The lists are loaded once
 * per process; {@link #analyze} keeps no state, so one analyzer serves every thread.
 */
public final class MentionAnalyzer {
    private static final MentionAnalyzer STANDARD = new MentionAnalyzer(WordLists.standard());
    /** "No one was injured": the negator may stand three words before the cue. */
    private static final int NEGATION_WINDOW = 3;

    private final Lexicon lexicon;
    private final Tokenizer tokenizer;
    private final PhraseBook<CueKind> cues;
    private final SentimentAnalyzer sentiment;
    private final int laughter;
    private final int request;
    private final Questions questions;

    MentionAnalyzer(WordLists lists) {
        this.lexicon = lists.lexicon();
        this.tokenizer = new Tokenizer(lexicon);
        this.cues = lists.cues();
        this.sentiment = new SentimentAnalyzer(lexicon);
        this.laughter = lexicon.classBit("laughter");
        this.request = lexicon.classBit("request");
        this.questions = new Questions(lexicon);
    }

    public static MentionAnalyzer standard() {
        return STANDARD;
    }

    public MentionAnalysis analyze(String text) {
        Tokens tokens = tokenizer.tokenize(text);
        List<PhraseHit<CueKind>> found = holding(tokens, cues.find(tokens));
        SentimentResult s = sentiment.analyze(tokens, found);
        boolean requests = false;
        boolean asks = false;
        int from = 0;
        int last = tokens.size() - 1;
        for (int i = 0; i <= last; i++) {
            requests |= lexicon.inClasses(tokens.id(i), request);
            if (!asks && (tokens.endsSentence(i) || i == last)) {
                asks = questions.asks(tokens, from, i);
                from = i + 1;
            }
        }
        return new MentionAnalysis(tokens, found, s, asks, requests);
    }

    /**
     * Drops what does not hold: cues inside a figure of speech ("I'd kill for a burger"), negated
     * cues ("nobody was hurt", "not delayed"), a legal threat made laughing ("I'll sue you for these
     * fries 😂"), and shorter matches inside a longer one of the same kind ("love that" inside "love that for me").
     */
    private List<PhraseHit<CueKind>> holding(Tokens tokens, List<PhraseHit<CueKind>> hits) {
        if (hits.isEmpty()) {
            return hits;
        }
        boolean joking = laughs(tokens) && !any(hits, CueKind.SERVICE);
        List<PhraseHit<CueKind>> out = new ArrayList<>(hits.size());
        for (int at = 0; at < hits.size(); at++) {
            PhraseHit<CueKind> h = hits.get(at);
            CueKind k = h.kind();
            if (k == CueKind.NOT_A_CUE || joking && k == CueKind.LEGAL) {
                continue;
            }
            if (!k.isLiteral() && (insideFigure(h, hits) || Negation.negates(tokens, h.start(), lexicon, NEGATION_WINDOW))) {
                continue;
            }
            if (!insideLonger(h, hits)) {
                out.add(h);
            }
        }
        return out;
    }

    private static boolean insideFigure(PhraseHit<CueKind> h, List<PhraseHit<CueKind>> hits) {
        for (int at = 0; at < hits.size(); at++) {
            PhraseHit<CueKind> o = hits.get(at);
            if (o.kind() == CueKind.NOT_A_CUE && o.overlaps(h)) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideLonger(PhraseHit<CueKind> h, List<PhraseHit<CueKind>> hits) {
        for (int at = 0; at < hits.size(); at++) {
            PhraseHit<CueKind> o = hits.get(at);
            if (o != h && family(o.kind()) == family(h.kind()) && o.start() <= h.start() && o.end() >= h.end()
                    && o.end() - o.start() > h.end() - h.start()) {
                return true;
            }
        }
        return false;
    }

    /** Sarcasm said outright and sarcasm that needs a complaint are one thing when one holds the other. */
    private static CueKind family(CueKind kind) {
        return kind == CueKind.SARCASM_IF_NEGATIVE ? CueKind.SARCASM : kind;
    }

    private static boolean any(List<PhraseHit<CueKind>> hits, CueKind kind) {
        for (int at = 0; at < hits.size(); at++) {
            PhraseHit<CueKind> h = hits.get(at);
            if (h.kind() == kind) {
                return true;
            }
        }
        return false;
    }

    private boolean laughs(Tokens tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (lexicon.inClasses(tokens.id(i), laughter)) {
                return true;
            }
        }
        return false;
    }
}
