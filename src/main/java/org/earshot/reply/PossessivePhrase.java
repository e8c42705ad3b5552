package org.earshot.reply;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.earshot.reading.Structure;

/**
 * The person's own phrase for what they write about, said back to them: "mi maleta" becomes "su maleta",
 * "ma commande" "votre commande", "meiner Bestellung" "Ihrer Bestellung", "meu pedido" "o seu pedido".
 * Only a possessive the language turns without knowing the noun's gender or case is used (German
 * "meine" could be singular or plural, so it is not); a tagged language needs a noun after it. Empty when
 * no phrase reads well: then the draft says plainly that it is sorry, without naming what it did not read.
 */
final class PossessivePhrase {
    /** Words that come between a possessive and its noun in untagged Spanish and Portuguese ("mi primer pedido"). */
    private static final Set<String> BEFORE_NOUN = Set.of("primer", "primera", "nuevo", "nueva", "último", "última",
            "antiguo", "antigua", "propio", "propia", "segundo", "segunda", "primeiro", "primeira", "novo", "nova",
            "antigo", "antiga", "próprio", "própria");
    private static final int MAX_WORDS = 3;

    private PossessivePhrase() {
    }

    static Optional<String> of(Structure structure, ReplyLanguage language) {
        for (Structure.Sentence sentence : structure.sentences()) {
            List<Structure.Word> words = sentence.words();
            for (int i = 0; i + 1 < words.size(); i++) {
                Optional<String> turned = language.turnedPossessive(words.get(i).text());
                if (turned.isPresent()) {
                    Optional<String> noun = structure.tagged() ? taggedNoun(words, i + 1, language)
                            : untaggedNoun(words, i + 1);
                    if (noun.isPresent()) {
                        return Optional.of(turned.get() + " " + noun.get());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Adjectives then a noun (German: the noun straight after, or an adjective in -en before it). */
    private static Optional<String> taggedNoun(List<Structure.Word> words, int from, ReplyLanguage language) {
        StringBuilder phrase = new StringBuilder();
        for (int k = from; k < words.size() && k < from + MAX_WORDS; k++) {
            Structure.Word w = words.get(k);
            if (!plainWord(w.text())) {
                return Optional.empty();
            }
            if (w.is("NOUN") || w.is("PROPN") && !language.code().equals("de")) {
                phrase.append(phrase.length() == 0 ? "" : " ").append(w.text());
                return Optional.of(phrase.toString());
            }
            boolean adjective = w.is("ADJ") && (!language.code().equals("de") || w.lower().endsWith("en"));
            if (!adjective) {
                return Optional.empty();
            }
            phrase.append(phrase.length() == 0 ? "" : " ").append(w.text());
        }
        return Optional.empty();
    }

    /** The next word, or the two next when the first is one that stands before a noun ("primer pedido"). */
    private static Optional<String> untaggedNoun(List<Structure.Word> words, int from) {
        String first = words.get(from).text();
        if (!plainWord(first)) {
            return Optional.empty();
        }
        if (BEFORE_NOUN.contains(first.toLowerCase(Locale.ROOT))) {
            return from + 1 < words.size() && plainWord(words.get(from + 1).text())
                    ? Optional.of(first + " " + words.get(from + 1).text()) : Optional.empty();
        }
        return Optional.of(first);
    }

    /** Letters only, three or more of them: not a handle, a number or a mark. */
    private static boolean plainWord(String w) {
        return w.length() >= 3 && w.chars().allMatch(Character::isLetter);
    }
}
