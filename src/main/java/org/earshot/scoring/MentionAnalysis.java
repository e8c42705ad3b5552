package org.earshot.scoring;

import java.util.List;

/**
 * What the text of a mention says, worked out once: its tokens, the cue phrases that hold (negated
 * ones and figures of speech already dropped) and its sentiment. Scoring and drafting both read it.
 */
public record MentionAnalysis(Tokens tokens, List<PhraseHit<CueKind>> cues, SentimentResult sentiment) {

    public MentionAnalysis {
        cues = List.copyOf(cues);
    }

    public boolean has(CueKind kind) {
        return cues.stream().anyMatch(h -> h.kind() == kind);
    }

    public List<PhraseHit<CueKind>> cues(CueKind kind) {
        return cues.stream().filter(h -> h.kind() == kind).toList();
    }

    /** The first cue of a kind in the customer's words ("caught fire"), or null. */
    public String firstPhrase(CueKind kind) {
        return cues.stream().filter(h -> h.kind() == kind).findFirst().map(this::phrase).orElse(null);
    }

    public String phrase(PhraseHit<?> hit) {
        return tokens.span(hit.start(), hit.end());
    }

    /** The person asks something: the text has a question mark. */
    public boolean asksQuestion() {
        return tokens.tokens().stream().anyMatch(t -> t.is("?"));
    }
}
