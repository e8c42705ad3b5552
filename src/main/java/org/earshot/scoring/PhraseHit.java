package org.earshot.scoring;

/** A phrase found in a text: its kind, its weight from the list, and the tokens it covers (inclusive). */
public record PhraseHit<K extends Enum<K>>(K kind, int start, int end, double weight) {

    public boolean covers(int token) {
        return token >= start && token <= end;
    }

    public boolean overlaps(PhraseHit<?> other) {
        return start <= other.end && other.start <= end;
    }
}
