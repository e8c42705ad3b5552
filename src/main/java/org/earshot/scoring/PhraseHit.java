package org.earshot.scoring;

/**
 * A phrase found in a text: its kind, its weight from the list, the tokens it covers (inclusive),
 * and the reason that names it, made once when the list loaded ("money: 'charged twice'"); null
 * when the phrase has a slot ("{n}"), so the reason must quote the customer's own words.
 */
public record PhraseHit<K extends Enum<K>>(K kind, int start, int end, double weight, String reason) {

    @Override
    public K kind() {
        WorkCount.step();
        return kind;
    }

    public boolean covers(int token) {
        WorkCount.step();
        return token >= start && token <= end;
    }

    public boolean overlaps(PhraseHit<?> other) {
        WorkCount.step();
        return start <= other.end && other.start <= end;
    }
}
