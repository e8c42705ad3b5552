package org.earshot.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Multi-word phrases by kind ("still waiting" is a service complaint, "caught fire" is safety),
 * matched over the tokens of a text in one pass with an index on each phrase's first word. A list
 * row is {@code kind<TAB>phrase[<TAB>weight]}; in a phrase "{n}" stands for any number (also "three",
 * "several": the class "n" of {@code modifiers.tsv}) and
 * "{name}" for any word of a class named in {@code modifiers.tsv} ("switching to another {provider}"), and
 * "{word}" for any one word after the first ("stuck at {word} airport").
 * Commas, emoji and other in-sentence marks between the words are skipped; a sentence end stops a match.
 * A book over the standard vocabulary compares the numbers the tokenizer already found; any other
 * book looks each token up in its own vocabulary. Immutable after loading, so one book serves every thread.
 */
public final class PhraseBook<K extends Enum<K>> {
    static final String NUMBER = "{n}";
    private static final int NUMBER_SLOT = -2;
    private static final int CLASS_SLOT = -3;
    /** "{word}": any one word, as in "stuck at {word} airport"; never first, so it costs only a phrase's own check. */
    private static final int WORD_SLOT = -4;
    static final String ANY_WORD = "{word}";
    private static final int[] NONE = {};

    private record Phrase<K extends Enum<K>>(K kind, int[] words, int[] classMasks, double weight, String reason) {
    }

    private final Lexicon lexicon;
    private final Vocabulary vocabulary;
    private final boolean standardIds;
    private final List<Phrase<K>> phrases;
    /** Phrases by their first two words; most candidates fail on the second word, so this skips them. */
    private final PairIndex byFirstTwo;
    /** Whether any phrase of two or more words starts with the word: most words start none. */
    private final boolean[] startsPair;
    private final boolean numberStartsPair;
    /** Phrases of one word, or whose second word is a slot, by first word. */
    private final int[][] looseByFirst;
    private final int[] looseNumberFirst;
    private final int[] looseClassFirst;
    private final int anyFirstClass;
    private final int numberWords;

    private PhraseBook(Lexicon lexicon, Vocabulary vocabulary, List<Phrase<K>> phrases) {
        this.lexicon = lexicon;
        this.vocabulary = vocabulary;
        this.standardIds = vocabulary == lexicon.vocabulary();
        this.phrases = List.copyOf(phrases);
        this.numberWords = lexicon.classBit("n");
        List<List<Integer>> loose = new ArrayList<>();
        for (int id = 0; id < vocabulary.size(); id++) {
            loose.add(null);
        }
        List<Integer> looseNumbers = new ArrayList<>();
        List<Integer> looseClasses = new ArrayList<>();
        java.util.Map<Long, List<Integer>> pairs = new java.util.HashMap<>();
        int classMask = 0;
        this.startsPair = new boolean[vocabulary.size()];
        boolean numberPairs = false;
        for (int p = 0; p < phrases.size(); p++) {
            int[] words = phrases.get(p).words();
            if (words[0] == CLASS_SLOT) {
                classMask |= phrases.get(p).classMasks()[0];
            }
            if (words.length > 1 && words[1] >= 0) {
                pairs.computeIfAbsent(PairIndex.key(words[0], words[1]), k -> new ArrayList<>()).add(p);
                if (words[0] >= 0) {
                    startsPair[words[0]] = true;
                }
                numberPairs |= words[0] == NUMBER_SLOT;
            } else if (words[0] == NUMBER_SLOT) {
                looseNumbers.add(p);
            } else if (words[0] == CLASS_SLOT) {
                looseClasses.add(p);
            } else {
                if (loose.get(words[0]) == null) {
                    loose.set(words[0], new ArrayList<>());
                }
                loose.get(words[0]).add(p);
            }
        }
        this.looseByFirst = new int[vocabulary.size()][];
        for (int id = 0; id < looseByFirst.length; id++) {
            looseByFirst[id] = loose.get(id) == null ? NONE : toArray(loose.get(id));
        }
        this.looseNumberFirst = toArray(looseNumbers);
        this.looseClassFirst = toArray(looseClasses);
        this.anyFirstClass = classMask;
        this.byFirstTwo = new PairIndex(pairs);
        this.numberStartsPair = numberPairs;
    }

    /** A book from a class path resource, with its own vocabulary (for lists outside scoring, such as intents). */
    public static <K extends Enum<K>> PhraseBook<K> load(String resource, Class<K> kinds) {
        Lexicon lexicon = WordLists.standard().lexicon();
        List<String[]> rows = Resources.rows(resource);
        Tokenizer tokenizer = new Tokenizer(lexicon);
        Vocabulary.Builder words = new Vocabulary.Builder();
        for (String[] row : rows) {
            for (String w : words(row[1], tokenizer)) {
                if (!w.startsWith("{")) {
                    words.add(w);
                }
            }
        }
        return compile(resource, rows, kinds, lexicon, words.build(), tokenizer, kind -> null);
    }

    /**
     * A book whose words are all in {@code vocabulary}.
     *
     * @param tokenizer cuts each phrase into words as a text would be cut
     * @param label     how a reason names a phrase of a kind ("money" for "money: 'charged twice'"), null for
     *                  the phrase alone; a book whose phrases give no reasons returns null for every kind and
     *                  its hits carry none
     */
    static <K extends Enum<K>> PhraseBook<K> compile(String source, List<String[]> rows, Class<K> kinds, Lexicon lexicon,
                                                     Vocabulary vocabulary, Tokenizer tokenizer,
                                                     java.util.function.Function<K, String> label) {
        List<Phrase<K>> phrases = new ArrayList<>();
        for (String[] row : rows) {
            K kind = Enum.valueOf(kinds, row[0].toUpperCase(Locale.ROOT));
            double weight = row.length > 2 ? Double.parseDouble(row[2]) : 0;
            List<String> ws = words(row[1], tokenizer);
            if (ws.isEmpty()) {
                throw new IllegalStateException(source + ": phrase '" + row[1] + "' has no words");
            }
            int[] codes = new int[ws.size()];
            int[] masks = new int[ws.size()];
            for (int k = 0; k < codes.length; k++) {
                String w = ws.get(k);
                if (w.equals(NUMBER)) {
                    codes[k] = NUMBER_SLOT;
                } else if (w.equals(ANY_WORD)) {
                    if (k == 0) {
                        throw new IllegalStateException(source + ": phrase '" + row[1] + "' starts with " + ANY_WORD
                                + ", which would try it at every word; start it with a word");
                    }
                    codes[k] = WORD_SLOT;
                } else if (w.startsWith("{")) {
                    codes[k] = CLASS_SLOT;
                    masks[k] = lexicon.classBit(w.substring(1, w.length() - 1));
                    if (masks[k] == 0) {
                        throw new IllegalStateException(source + ": phrase '" + row[1] + "' names the class " + w
                                + ", but modifiers.tsv defines no class:" + w.substring(1, w.length() - 1));
                    }
                } else {
                    codes[k] = vocabulary.id(w);
                    if (codes[k] == Vocabulary.UNKNOWN) {
                        throw new IllegalStateException(source + ": the word '" + w + "' of '" + row[1]
                                + "' is not in the vocabulary the book was built over");
                    }
                }
            }
            boolean slots = false;
            for (int code : codes) {
                slots |= code < 0;
            }
            String l = label.apply(kind);
            String text = row[1].strip().toLowerCase(Locale.ROOT);
            String reason = slots ? null : l == null ? text : l + ": '" + text + "'";
            phrases.add(new Phrase<>(kind, codes, masks, weight, reason));
        }
        return new PhraseBook<>(lexicon, vocabulary, phrases);
    }

    /** The words of a phrase as the tokenizer reads them; "{n}" and "{class}" stay as they are. */
    static List<String> words(String phrase, Tokenizer tokenizer) {
        List<String> out = new ArrayList<>();
        for (String chunk : phrase.strip().split("\\s+")) {
            if (chunk.startsWith("{") && chunk.endsWith("}")) {
                out.add(chunk.toLowerCase(Locale.ROOT));
                continue;
            }
            Tokens t = tokenizer.tokenize(chunk);
            for (int i = 0; i < t.size(); i++) {
                if (t.isWordLike(i)) {
                    out.add(t.get(i).norm());
                }
            }
        }
        return out;
    }

    /** Every phrase of the book found in the text, in order of where it starts. */
    public List<PhraseHit<K>> find(Tokens tokens) {
        List<PhraseHit<K>> hits = new ArrayList<>(4);
        int[] ids = standardIds ? null : ownIds(tokens);
        int n = tokens.size();
        for (int i = 0; i < n; i++) {
            if (!tokens.isWordLike(i)) {
                continue;
            }
            int id = id(tokens, ids, i);
            int alt = alt(tokens, ids, i);
            if (alt == id) {
                alt = Vocabulary.UNKNOWN;
            }
            boolean number = isNumber(tokens, i);
            boolean inClass = anyFirstClass != 0 && (lexicon.inClasses(tokens.id(i), anyFirstClass)
                    || lexicon.inClasses(tokens.alt(i), anyFirstClass));
            if (id >= 0) {
                tryAll(looseByFirst[id], tokens, ids, i, hits);
            }
            if (alt >= 0) {
                tryAll(looseByFirst[alt], tokens, ids, i, hits);
            }
            if (number) {
                tryAll(looseNumberFirst, tokens, ids, i, hits);
            }
            if (inClass) {
                tryAll(looseClassFirst, tokens, ids, i, hits);
            }
            if (alt >= 0 && !startsPair[alt]) {
                alt = Vocabulary.UNKNOWN;
            }
            if (id >= 0 && !startsPair[id]) {
                id = Vocabulary.UNKNOWN;
            }
            number &= numberStartsPair;
            if (id < 0 && alt < 0 && !number && !inClass) {
                continue;
            }
            int j = nextWord(tokens, i);
            if (j < 0) {
                continue;
            }
            int second = id(tokens, ids, j);
            int secondAlt = alt(tokens, ids, j);
            for (int s = 0; s < 2; s++) {
                int w = s == 0 ? second : secondAlt;
                if (w < 0 || s == 1 && w == second) {
                    continue;
                }
                if (id >= 0) {
                    tryAll(byFirstTwo.get(id, w), tokens, ids, i, hits);
                }
                if (alt >= 0) {
                    tryAll(byFirstTwo.get(alt, w), tokens, ids, i, hits);
                }
                if (number) {
                    tryAll(byFirstTwo.get(NUMBER_SLOT, w), tokens, ids, i, hits);
                }
                if (inClass) {
                    tryAll(byFirstTwo.get(CLASS_SLOT, w), tokens, ids, i, hits);
                }
            }
        }
        return hits;
    }

    private static int id(Tokens tokens, int[] ids, int i) {
        return ids == null ? tokens.id(i) : ids[2 * i];
    }

    private static int alt(Tokens tokens, int[] ids, int i) {
        return ids == null ? tokens.alt(i) : ids[2 * i + 1];
    }

    /** The next word after token {@code i} in its sentence, skipping commas and emoji; -1 if none. */
    private static int nextWord(Tokens tokens, int i) {
        for (int k = i + 1; k < tokens.size(); k++) {
            if (tokens.isWordLike(k)) {
                return k;
            }
            if (tokens.endsSentence(k)) {
                return -1;
            }
        }
        return -1;
    }

    /** For a book with its own vocabulary: each token's number there, and its other form's. */
    private int[] ownIds(Tokens tokens) {
        int[] ids = new int[2 * tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            ids[2 * i] = Vocabulary.UNKNOWN;
            ids[2 * i + 1] = Vocabulary.UNKNOWN;
            if (!tokens.isWordLike(i)) {
                continue;
            }
            Token t = tokens.get(i);
            ids[2 * i] = vocabulary.id(t.norm());
            if (t.alt() != null) {
                ids[2 * i + 1] = vocabulary.id(t.alt());
            }
        }
        return ids;
    }

    private void tryAll(int[] candidates, Tokens tokens, int[] ids, int start, List<PhraseHit<K>> hits) {
        if (candidates == null) {
            return;
        }
        for (int p : candidates) {
            Phrase<K> phrase = phrases.get(p);
            int end = matchEnd(phrase, tokens, ids, start);
            if (end >= 0) {
                hits.add(new PhraseHit<>(phrase.kind(), start, end, phrase.weight(), phrase.reason()));
            }
        }
    }

    /** The index of the last token of the match, or -1. */
    private int matchEnd(Phrase<K> phrase, Tokens tokens, int[] ids, int start) {
        int[] words = phrase.words();
        int i = start;
        for (int w = 0; w < words.length; w++) {
            if (w > 0) {
                i++;
                while (i < tokens.size() && !tokens.isWordLike(i) && !tokens.endsSentence(i)) {
                    i++;
                }
            }
            if (i >= tokens.size() || !matches(words[w], phrase.classMasks()[w], tokens, ids, i)) {
                return -1;
            }
        }
        return i;
    }

    private boolean matches(int code, int classMask, Tokens tokens, int[] ids, int i) {
        if (!tokens.isWordLike(i)) {
            return false;
        }
        if (code == WORD_SLOT) {
            return true;
        }
        if (code == NUMBER_SLOT) {
            return isNumber(tokens, i);
        }
        if (code == CLASS_SLOT) {
            return lexicon.inClasses(tokens.id(i), classMask) || lexicon.inClasses(tokens.alt(i), classMask);
        }
        return id(tokens, ids, i) == code || alt(tokens, ids, i) == code;
    }

    /** A number in digits, or one of the words of the class "n" in modifiers.tsv ("three", "several"). */
    private boolean isNumber(Tokens tokens, int i) {
        return tokens.kind(i) == Token.Kind.NUMBER || lexicon.inClasses(tokens.id(i), numberWords);
    }

    static int[] toArray(List<Integer> list) {
        int[] out = new int[list.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = list.get(k);
        }
        return list.isEmpty() ? NONE : out;
    }
}
