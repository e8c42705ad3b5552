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
        int[] figures = figureCoverage(tokens.size(), hits);
        boolean[] inside = insideLonger(hits);
        List<PhraseHit<CueKind>> out = new ArrayList<>(hits.size());
        for (int at = 0; at < hits.size(); at++) {
            PhraseHit<CueKind> h = hits.get(at);
            CueKind k = h.kind();
            if (k == CueKind.NOT_A_CUE || joking && k == CueKind.LEGAL) {
                continue;
            }
            if (!k.isLiteral() && (covered(figures, h) || Negation.negates(tokens, h.start(), lexicon, NEGATION_WINDOW))) {
                continue;
            }
            if (!inside[at]) {
                out.add(h);
            }
        }
        return out;
    }

    /**
     * How many tokens up to each point a figure of speech covers (a running count), so whether a cue
     * overlaps one is a subtraction: one pass over the text, however many cues repeat in it.
     */
    private static int[] figureCoverage(int size, List<PhraseHit<CueKind>> hits) {
        int[] starts = new int[size + 1];
        boolean any = false;
        for (int at = 0; at < hits.size(); at++) {
            PhraseHit<CueKind> o = hits.get(at);
            if (o.kind() == CueKind.NOT_A_CUE) {
                starts[o.start()]++;
                starts[o.end() + 1]--;
                any = true;
            }
        }
        if (!any) {
            return null;
        }
        int[] coveredBefore = new int[size + 1];
        int open = 0;
        for (int i = 0; i < size; i++) {
            open += starts[i];
            coveredBefore[i + 1] = coveredBefore[i] + (open > 0 ? 1 : 0);
        }
        return coveredBefore;
    }

    private static boolean covered(int[] coveredBefore, PhraseHit<CueKind> h) {
        return coveredBefore != null && coveredBefore[h.end() + 1] - coveredBefore[h.start()] > 0;
    }

    /**
     * Which hits lie inside a longer one of the same family. The hits come in order of where they
     * start ({@link PhraseBook#find}), so one sweep keeps, per family, the furthest end of those that started earlier and of
     * those that start at the same token: linear in the hits, where comparing every pair was
     * quadratic (a long post repeating one complaint has thousands).
     */
    private static boolean[] insideLonger(List<PhraseHit<CueKind>> hits) {
        int families = CueKind.values().length;
        int[] endBefore = new int[families];
        int[] endHere = new int[families];
        java.util.Arrays.fill(endBefore, -1);
        java.util.Arrays.fill(endHere, -1);
        boolean[] inside = new boolean[hits.size()];
        int group = 0;
        while (group < hits.size()) {
            int start = hits.get(group).start();
            int next = group;
            while (next < hits.size() && hits.get(next).start() == start) {
                int f = family(hits.get(next).kind()).ordinal();
                endHere[f] = Math.max(endHere[f], hits.get(next).end());
                next++;
            }
            for (int at = group; at < next; at++) {
                PhraseHit<CueKind> h = hits.get(at);
                int f = family(h.kind()).ordinal();
                inside[at] = endBefore[f] >= h.end() || endHere[f] > h.end();
            }
            for (int f = 0; f < families; f++) {
                endBefore[f] = Math.max(endBefore[f], endHere[f]);
                endHere[f] = -1;
            }
            group = next;
        }
        return inside;
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
