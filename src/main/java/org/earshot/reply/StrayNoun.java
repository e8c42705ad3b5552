package org.earshot.reply;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.earshot.reading.Structure;

/**
 * Whether a problem taken from a possessive ("your end", "your fiancée", "your business") is a stray
 * noun rather than the trouble: the customer's "my X" follows a preposition ("from my end", "over my
 * head"), names a person, or stands in a sentence that tells no trouble and is no verb's object.
 */
final class StrayNoun {
    static final Set<String> PEOPLE = Set.of("fiancée", "fiancee", "fiance", "fiancé", "boss", "wife",
            "husband", "son", "daughter", "mum", "mom", "dad", "mother", "father", "friend", "friends", "family",
            "kids", "kid", "children", "child", "baby", "partner", "boyfriend", "girlfriend", "sister", "brother",
            "parents", "grandma", "grandpa", "colleague", "colleagues", "team", "dog", "cat", "self", "life");
    private static final Set<String> TROUBLE = Set.of("not", "n't", "never", "no", "broken", "error", "problem",
            "issue", "bug", "crash", "crashes", "crashed", "fail", "fails", "failed", "stuck", "lost", "missing",
            "wrong", "cancelled", "canceled", "delayed", "charged", "locked", "hacked", "suspended", "down", "slow");

    private StrayNoun() {
    }

    static boolean stray(String problem, Structure structure) {
        if (!problem.startsWith("your ") || !structure.tagged()) {
            return false;
        }
        String[] named = problem.substring("your ".length()).toLowerCase(Locale.ROOT).split(" ");
        String head = named[named.length - 1];
        if (PEOPLE.contains(head)) {
            return true;
        }
        for (Structure.Sentence s : structure.sentences()) {
            List<Structure.Word> w = s.words();
            for (int i = 0; i + 1 < w.size(); i++) {
                String lower = w.get(i).lower();
                if ((lower.equals("my") || lower.equals("our")) && w.get(i + 1).lower().equals(named[0])
                        && !s.asksQuestion()) {
                    boolean afterPreposition = i > 0 && w.get(i - 1).is("ADP");
                    boolean object = i > 0 && w.get(i - 1).is("VERB");
                    boolean trouble = w.stream().anyMatch(x -> TROUBLE.contains(x.lower()));
                    return afterPreposition || !object && !trouble;
                }
            }
        }
        return false;
    }
}
