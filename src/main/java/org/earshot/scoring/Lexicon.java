package org.earshot.scoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each known word does, by its number in the vocabulary: its valence from -4 (very negative)
 * to +4 (very positive); how much it raises (booster: "very", "so") or lowers (dampener: "kinda")
 * the next sentiment word; and its marks: negator ("not", "never"), contrast ("but"), concession
 * ("although"), sarcastic opener ("great" in "Great, another delay") and the word classes that
 * cue phrases name in braces ("{provider}"). Valences come from the VADER lexicon, overridden by
 * Earshot's own list, which is written for customer-service text. Read-only after loading.
 */
final class Lexicon {
    static final int NEGATOR = 1;
    static final int CONTRAST = 1 << 1;
    static final int CONCESSION = 1 << 2;
    static final int SARCASTIC_OPENER = 1 << 3;
    static final int SARCASTIC_FOLLOWER = 1 << 4;
    /** "can't believe", "can't wait": the negator says nothing about the words after these. */
    static final int NOT_NEGATING_AFTER = 1 << 5;
    static final int EMOTICON = 1 << 6;
    private static final Map<String, Integer> MARKS = Map.of("negator", NEGATOR, "contrast", CONTRAST,
            "concession", CONCESSION, "sarcastic_opener", SARCASTIC_OPENER, "sarcastic_follower", SARCASTIC_FOLLOWER,
            "not_negating_after", NOT_NEGATING_AFTER);

    private final Vocabulary vocabulary;
    private final float[] valence;
    private final float[] boost;
    private final int[] marks;
    private final int[] classes;
    private final Map<String, Integer> classBits;
    private final int fillerBit;

    private Lexicon(Vocabulary vocabulary, Map<String, Integer> classBits) {
        this.vocabulary = vocabulary;
        int n = vocabulary.size();
        this.valence = new float[n];
        this.boost = new float[n];
        this.marks = new int[n];
        this.classes = new int[n];
        this.classBits = classBits;
        this.fillerBit = classBits.getOrDefault("filler", 0);
    }

    /**
     * Builds the lexicon over a vocabulary that already holds every word of the rows.
     *
     * @param valenceLists rows {@code word<TAB>valence}, later lists overriding earlier ones
     * @param modifiers    rows {@code kind<TAB>word[<TAB>amount]}, kind one of negator, booster, contrast,
     *                     concession, sarcastic_opener, sarcastic_follower, not_negating_after or class:NAME
     */
    static Lexicon of(Vocabulary vocabulary, List<List<String[]>> valenceLists, List<String[]> modifiers) {
        Map<String, Integer> classBits = new HashMap<>();
        for (String[] row : modifiers) {
            if (row[0].startsWith("class:")) {
                classBits.computeIfAbsent(row[0].substring(6), c -> 1 << classBits.size());
            }
        }
        if (classBits.size() > 31) {
            throw new IllegalStateException("modifiers.tsv: at most 31 word classes, but there are " + classBits.size());
        }
        Lexicon lexicon = new Lexicon(vocabulary, Map.copyOf(classBits));
        for (List<String[]> rows : valenceLists) {
            for (String[] row : rows) {
                lexicon.valence[vocabulary.id(row[0])] = Float.parseFloat(row[1]);
            }
        }
        for (String[] row : modifiers) {
            int id = vocabulary.id(row[1]);
            Integer mark = MARKS.get(row[0]);
            if (mark != null) {
                lexicon.marks[id] |= mark;
            } else if (row[0].equals("booster")) {
                lexicon.boost[id] = Float.parseFloat(row[2]);
            } else if (row[0].startsWith("class:")) {
                lexicon.classes[id] |= classBits.get(row[0].substring(6));
            } else {
                throw new IllegalStateException("modifiers.tsv: unknown kind '" + row[0] + "'");
            }
        }
        for (int id = 0; id < vocabulary.size(); id++) {
            String w = vocabulary.word(id);
            if (w.length() >= 2 && w.length() <= 6 && !Character.isLetterOrDigit(w.charAt(0)) && w.indexOf(' ') < 0) {
                lexicon.marks[id] |= EMOTICON;
            }
        }
        int xd = vocabulary.id("xd");
        if (xd != Vocabulary.UNKNOWN) {
            lexicon.marks[xd] |= EMOTICON;
        }
        return lexicon;
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    float valence(int id) {
        return id < 0 ? 0 : valence[id];
    }

    float boost(int id) {
        return id < 0 ? 0 : boost[id];
    }

    boolean is(int id, int mark) {
        return id >= 0 && (marks[id] & mark) != 0;
    }

    /** Whether the word belongs to a class that cue phrases name in braces ("{provider}"). */
    boolean inClasses(int id, int classMask) {
        return id >= 0 && (classes[id] & classMask) != 0;
    }

    /** A small word that a negator reaches over: "never once had a problem". */
    boolean isFiller(int id) {
        return inClasses(id, fillerBit);
    }

    /** The bit of a named word class, or 0 if the lists define no such class. */
    int classBit(String name) {
        return classBits.getOrDefault(name, 0);
    }

    // What a token is worth, trying its other form ("so" for "sooo", "bag" for "bags") when the first says nothing.

    float valence(Tokens t, int i) {
        float v = valence(t.id(i));
        return v != 0 ? v : valence(t.alt(i));
    }

    float boost(Tokens t, int i) {
        float b = boost(t.id(i));
        return b != 0 ? b : boost(t.alt(i));
    }

    boolean is(Tokens t, int i, int mark) {
        return is(t.id(i), mark) || is(t.alt(i), mark);
    }

    boolean isNegator(Tokens t, int i) {
        return t.isWord(i) && (is(t.id(i), NEGATOR) || t.has(i, Tokens.NOT_CONTRACTION));
    }
}
