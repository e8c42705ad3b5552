package org.earshot.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * What the text of a mention says, worked out once: its tokens, the cue phrases that hold (negated
 * ones and figures of speech already dropped) and its sentiment. Scoring and drafting both read it.
 */
public final class MentionAnalysis {
    private final Tokens tokens;
    private final List<PhraseHit<CueKind>> cues;
    private final SentimentResult sentiment;
    private final int kinds;
    private final boolean asks;
    private final boolean requests;

    /** An analysis whose text asks only if it has a question mark, and requests nothing. */
    public MentionAnalysis(Tokens tokens, List<PhraseHit<CueKind>> cues, SentimentResult sentiment) {
        this(tokens, cues, sentiment, hasQuestionMark(tokens), false);
    }

    /**
     * @param asks     a sentence asks something ({@link Questions})
     * @param requests the person asks someone to act ("please", "help", "dm")
     */
    public MentionAnalysis(Tokens tokens, List<PhraseHit<CueKind>> cues, SentimentResult sentiment, boolean asks,
                           boolean requests) {
        this.asks = asks;
        this.requests = requests;
        this.tokens = tokens;
        this.cues = java.util.Collections.unmodifiableList(cues);
        this.sentiment = sentiment;
        int mask = 0;
        for (int at = 0; at < this.cues.size(); at++) {
            PhraseHit<CueKind> h = this.cues.get(at);
            mask |= 1 << h.kind().ordinal();
        }
        this.kinds = mask;
    }

    /** The same reading with another sentiment: the learned model's blended with the lexicon's. */
    public MentionAnalysis withSentiment(SentimentResult other) {
        return new MentionAnalysis(tokens, cues, other, asks, requests);
    }

    public Tokens tokens() {
        return tokens;
    }

    public List<PhraseHit<CueKind>> cues() {
        return cues;
    }

    public SentimentResult sentiment() {
        return sentiment;
    }

    public boolean has(CueKind kind) {
        return (kinds & 1 << kind.ordinal()) != 0;
    }

    public List<PhraseHit<CueKind>> cues(CueKind kind) {
        if (!has(kind)) {
            return List.of();
        }
        List<PhraseHit<CueKind>> out = new ArrayList<>(2);
        for (int at = 0; at < cues.size(); at++) {
            PhraseHit<CueKind> h = cues.get(at);
            if (h.kind() == kind) {
                out.add(h);
            }
        }
        return out;
    }

    /** The first cue of a kind, or null. */
    PhraseHit<CueKind> first(CueKind kind) {
        if (has(kind)) {
            for (int at = 0; at < cues.size(); at++) {
                PhraseHit<CueKind> h = cues.get(at);
                if (h.kind() == kind) {
                    return h;
                }
            }
        }
        return null;
    }

    /** The first cue of a kind in the customer's words ("caught fire"), or null. */
    public String firstPhrase(CueKind kind) {
        PhraseHit<CueKind> h = first(kind);
        return h == null ? null : phrase(h);
    }

    /** The reason that names a cue: "money: 'charged twice'", "still waiting", "churn threat: 'switching to another bank'". */
    public String reason(PhraseHit<CueKind> hit) {
        if (hit.reason() != null) {
            return hit.reason();
        }
        String label = hit.kind().reasonLabel();
        return label == null ? phrase(hit) : label + ": '" + phrase(hit) + "'";
    }

    public String phrase(PhraseHit<?> hit) {
        return tokens.span(hit.start(), hit.end());
    }

    /** The person asks something: a sentence ends with "?" or opens with a question word. */
    public boolean asksQuestion() {
        return asks;
    }

    /** The person asks someone to act: "please", "help", "dm". */
    public boolean requests() {
        return requests;
    }

    private static boolean hasQuestionMark(Tokens tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.punct(i) == '?') {
                return true;
            }
        }
        return false;
    }
}
