package org.earshot.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Tokenises a mention once, finds its cue phrases and scores its sentiment. The lists are loaded once
 * per process; {@link #analyze} keeps no state, so one analyzer serves every thread.
 */
public final class MentionAnalyzer {
    private static final MentionAnalyzer STANDARD = new MentionAnalyzer(Lexicon.standard(),
            PhraseBook.load("cues.tsv", CueKind.class));
    private static final int NEGATION_WINDOW = 2;

    private final Tokenizer tokenizer = new Tokenizer();
    private final Lexicon lexicon;
    private final PhraseBook<CueKind> cues;
    private final SentimentAnalyzer sentiment;

    MentionAnalyzer(Lexicon lexicon, PhraseBook<CueKind> cues) {
        this.lexicon = lexicon;
        this.cues = cues;
        this.sentiment = new SentimentAnalyzer(lexicon);
    }

    public static MentionAnalyzer standard() {
        return STANDARD;
    }

    public MentionAnalysis analyze(String text) {
        Tokens tokens = tokenizer.tokenize(text);
        List<PhraseHit<CueKind>> found = holding(tokens, cues.find(tokens));
        return new MentionAnalysis(tokens, found, sentiment.analyze(tokens, found));
    }

    /**
     * Drops what does not hold: cues inside a figure of speech ("I'd kill for a burger"), negated
     * cues ("nobody was hurt", "not delayed"), and shorter matches inside a longer one of the same kind.
     */
    private List<PhraseHit<CueKind>> holding(Tokens tokens, List<PhraseHit<CueKind>> hits) {
        List<PhraseHit<CueKind>> figures = hits.stream().filter(h -> h.kind() == CueKind.NOT_A_CUE).toList();
        List<PhraseHit<CueKind>> out = new ArrayList<>();
        for (PhraseHit<CueKind> h : hits) {
            CueKind k = h.kind();
            boolean literal = k == CueKind.IDIOM || k == CueKind.NOT_A_CUE || k == CueKind.SARCASM
                    || k == CueKind.SARCASM_IF_NEGATIVE || k == CueKind.CALM;
            if (!literal && (figures.stream().anyMatch(h::overlaps) || negated(tokens, h.start()))) {
                continue;
            }
            boolean inLonger = hits.stream().anyMatch(o -> o != h && o.kind() == k && o.start() <= h.start()
                    && o.end() >= h.end() && (o.end() - o.start()) > (h.end() - h.start()));
            if (!inLonger && k != CueKind.NOT_A_CUE) {
                out.add(h);
            }
        }
        return out;
    }

    private boolean negated(Tokens tokens, int start) {
        return Negation.negates(tokens, start, lexicon, NEGATION_WINDOW);
    }
}
