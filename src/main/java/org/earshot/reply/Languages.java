package org.earshot.reply;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A small guess of a mention's language (en, es, fr, de, pt) from its commonest words, for when the
 * reading of the mention has not said; "" when none of them stands out (too short, another language).
 */
public final class Languages {
    /** The languages drafts are written in. */
    public static final Set<String> DRAFTED = Set.of("en", "es", "fr", "de", "pt");
    private static final Map<String, Set<String>> COMMON = Map.of(
            "en", Set.of("the", "and", "is", "my", "to", "it", "you", "i", "not", "this", "for", "with", "have", "of", "was", "can",
                    "please", "an", "on", "in", "be", "are", "at", "me", "so", "but", "just", "how", "what", "your", "why", "get"),
            "es", Set.of("el", "la", "los", "las", "es", "mi", "que", "y", "por", "para", "con", "una", "un", "del", "pero", "hola", "gracias", "está", "muy"),
            "fr", Set.of("le", "la", "les", "est", "mon", "ma", "mes", "je", "et", "pas", "pour", "avec", "une", "un", "des", "du", "bonjour", "merci", "vous", "ne", "j'ai"),
            "de", Set.of("der", "die", "das", "ist", "mein", "meine", "ich", "und", "nicht", "für", "mit", "ein", "eine", "den", "dem", "hallo", "danke", "bitte", "sie", "noch"),
            "pt", Set.of("é", "meu", "minha", "não", "isso", "está", "estou", "também", "por", "para", "com", "uma", "um", "do", "da", "olá", "obrigado", "obrigada", "você"));

    private Languages() {
    }

    /** How many of the language's commonest words the text has ("la", "est", "je" for fr); 0 for a language not listed. */
    public static int commonWords(String text, String code) {
        Set<String> common = COMMON.getOrDefault(code, Set.of());
        int count = 0;
        for (String w : words(text)) {
            if (common.contains(w)) {
                count++;
            }
        }
        return count;
    }

    private static String[] words(String text) {
        return text.replaceAll("[@#][\\p{L}\\p{N}_]+|https?://\\S+", " ").toLowerCase(Locale.ROOT).replace('\u2019', '\'')
                .split("[^\\p{L}']+");
    }

    public static String guess(String text) {
        String[] words = text.replaceAll("[@#][\\p{L}\\p{N}_]+|https?://\\S+", " ").toLowerCase(Locale.ROOT).replace('\u2019', '\'').split("[^\\p{L}']+");
        String best = "";
        int bestCount = 0;
        int second = 0;
        for (Map.Entry<String, Set<String>> e : COMMON.entrySet()) {
            int count = 0;
            for (String w : words) {
                if (e.getValue().contains(w)) {
                    count++;
                }
            }
            if (count > bestCount) {
                second = bestCount;
                bestCount = count;
                best = e.getKey();
            } else if (count > second) {
                second = count;
            }
        }
        return bestCount >= 2 && bestCount > second ? best : bestCount >= 1 && words.length <= 4 ? best : "en";
    }
}
