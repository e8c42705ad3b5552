package org.earshot.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Multi-word phrases by kind ("still waiting" is a service complaint, "caught fire" is safety),
 * matched over the tokens of a text in one pass with an index on each phrase's first word.
 * A list row is {@code kind<TAB>phrase[<TAB>weight]}; "{n}" in a phrase stands for any number.
 * Commas, emoji and other in-sentence marks between the words are skipped; a sentence end stops a match.
 * Immutable after loading, so one book serves every thread.
 */
public final class PhraseBook<K extends Enum<K>> {
    static final String NUMBER = "{n}";

    private record Phrase<K extends Enum<K>>(K kind, String[] words, double weight) {
    }

    private final Map<String, List<Phrase<K>>> byFirstWord;

    private PhraseBook(Map<String, List<Phrase<K>>> byFirstWord) {
        this.byFirstWord = byFirstWord;
    }

    public static <K extends Enum<K>> PhraseBook<K> load(String resource, Class<K> kinds) {
        Tokenizer tokenizer = new Tokenizer();
        Map<String, List<Phrase<K>>> index = new HashMap<>();
        for (String[] row : Resources.rows(resource)) {
            K kind = Enum.valueOf(kinds, row[0].toUpperCase(Locale.ROOT));
            double weight = row.length > 2 ? Double.parseDouble(row[2]) : 0;
            String[] words = tokenizer.tokenize(row[1].replace(NUMBER, "NUMBERSLOT")).tokens().stream()
                    .filter(Token::isWordLike)
                    .map(t -> t.norm().equals("numberslot") ? NUMBER : t.norm())
                    .toArray(String[]::new);
            if (words.length == 0) {
                throw new IllegalStateException(resource + ": phrase '" + row[1] + "' has no words");
            }
            index.computeIfAbsent(words[0], w -> new ArrayList<>()).add(new Phrase<>(kind, words, weight));
        }
        index.replaceAll((w, list) -> List.copyOf(list));
        return new PhraseBook<>(Map.copyOf(index));
    }

    /** Every phrase of the book found in the text, in order of where it starts. */
    public List<PhraseHit<K>> find(Tokens tokens) {
        List<PhraseHit<K>> hits = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.isWordLike()) {
                continue;
            }
            tryAll(byFirstWord.get(t.kind() == Token.Kind.NUMBER ? NUMBER : t.norm()), tokens, i, hits);
            if (t.kind() == Token.Kind.NUMBER) {
                tryAll(byFirstWord.get(t.norm()), tokens, i, hits);
            } else if (t.alt() != null) {
                tryAll(byFirstWord.get(t.alt()), tokens, i, hits);
            }
        }
        return hits;
    }

    private void tryAll(List<Phrase<K>> candidates, Tokens tokens, int start, List<PhraseHit<K>> hits) {
        if (candidates == null) {
            return;
        }
        for (Phrase<K> p : candidates) {
            int end = matchEnd(p.words(), tokens, start);
            if (end >= 0) {
                hits.add(new PhraseHit<>(p.kind(), start, end, p.weight()));
            }
        }
    }

    /** The index of the last token of the match, or -1. */
    private static int matchEnd(String[] words, Tokens tokens, int start) {
        int i = start;
        for (int w = 0; w < words.length; w++) {
            if (w > 0) {
                i++;
                while (i < tokens.size() && !tokens.get(i).isWordLike() && !tokens.get(i).endsSentence()) {
                    i++;
                }
            }
            if (i >= tokens.size() || !matches(words[w], tokens.get(i))) {
                return -1;
            }
        }
        return i;
    }

    private static boolean matches(String word, Token t) {
        if (word.equals(NUMBER)) {
            return t.kind() == Token.Kind.NUMBER;
        }
        return t.isWordLike() && (word.equals(t.norm()) || word.equals(t.alt()));
    }
}
