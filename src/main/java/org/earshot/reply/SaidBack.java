package org.earshot.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.earshot.reading.Structure;

/**
 * Says back what went wrong as a clause a person would write after "I'm sorry": a subject, the verb
 * group that tells the trouble and what follows it in the same clause, turned to the second person
 * ("Adobe Premiere crashes while I import" gives "Adobe Premiere crashes while you import", "my bag
 * still hasn't arrived after 3 days" gives "your bag still hasn't arrived after 3 days"). Built only
 * from tagged English sentences; empty when no clause reads well (no subject, a bare "it", the brand
 * addressed as "you", too short or too long, a swear word), so the draft says it plainly instead.
 */
final class SaidBack {
    private static final Set<String> TROUBLE_VERBS = Set.of("crash", "fail", "freeze", "break", "lose", "charge",
            "cancel", "delay", "suspend", "ban", "block", "disappear", "stop", "hang", "lag", "drop", "lock", "hack",
            "delete", "decline", "refuse", "overcharge", "miss", "glitch", "shut", "corrupt", "disconnect", "reset",
            "bill", "double-charge", "vanish", "reject", "error", "close", "skip", "die", "restart", "forget", "overdraw", "expire", "deactivate", "terminate", "reboot");
    private static final Set<String> TROUBLE_WORDS = Set.of("broken", "down", "slow", "stuck", "missing", "wrong",
            "unable", "corrupted", "frozen", "gone", "dead", "unusable", "locked", "suspended", "disabled", "late",
            "delayed", "cancelled", "canceled", "damaged", "lost", "blank", "empty", "offline");
    private static final Set<String> NEGATIONS = Set.of("not", "n't", "never", "no", "cannot", "nt");
    private static final Set<String> WEAK_SUBJECTS = Set.of("it", "this", "that", "they", "them", "there", "which",
            "what", "who", "something", "these", "those", "he", "she", "u", "y'all", "ya");
    private static final Set<String> SWEARS = Set.of("fuck", "fucking", "fucked", "shit", "shitty", "damn", "crap",
            "crappy", "wtf", "bullshit", "ass", "asshole", "bitch", "piss", "pissed", "hell", "stupid", "idiot",
            "idiots", "suck", "sucks", "dumb", "retarded", "bloody", "ffs", "omg", "lol", "lmao");
    private static final Set<String> CLAUSE_ENDS = Set.of("and", "but", "or", "so", "because", "though",
            "although", "please", "pls", "plz", "can", "could", "how", "why", "what", "is", "are", "any", "help");
    private static final Map<String, String> SECOND_PERSON = Map.ofEntries(Map.entry("i", "you"),
            Map.entry("me", "you"), Map.entry("my", "your"), Map.entry("mine", "yours"), Map.entry("myself", "yourself"),
            Map.entry("we", "you"), Map.entry("us", "you"), Map.entry("our", "your"), Map.entry("ours", "yours"),
            Map.entry("'m", "'re"), Map.entry("im", "you're"), Map.entry("i'm", "you're"), Map.entry("ive", "you've"),
            Map.entry("i've", "you've"), Map.entry("am", "are"), Map.entry("ourselves", "yourselves"));
    private static final Set<String> PERSONAL = Set.of("i", "you", "we", "they", "he", "she", "it", "u");
    private static final Set<String> PASSIVE = Set.of("delay", "cancel", "charge", "suspend", "ban", "block", "lock",
            "hack", "overcharge", "bill", "deactivate", "terminate", "divert", "overbook", "decline", "reject");
    private static final int MIN_WORDS = 3;
    private static final int MAX_WORDS = 14;

    private SaidBack() {
    }

    private static final Set<String> GOOD_VERBS = Set.of("work", "fix", "play", "love", "help", "solve", "resolve",
            "sort", "enjoy", "like", "appreciate", "come", "arrive", "load", "sync", "show");
    /** What the customer did themself, which is no trouble unless it failed: "I deleted the app", "I restarted". */
    private static final Set<String> OWN_ACTIONS = Set.of("forget", "lose", "miss");
    /** The irregular forms of the verbs above, which no rule of endings makes. */
    private static final Map<String, List<String>> IRREGULAR = Map.of("freeze", List.of("froze", "frozen"),
            "break", List.of("broke", "broken"), "lose", List.of("lost"), "hang", List.of("hung"),
            "forget", List.of("forgot", "forgotten"), "overdraw", List.of("overdrew", "overdrawn"),
            "come", List.of("came"), "die", List.of("dying"), "show", List.of("shown"), "shut", List.of("shut"));
    private static final Set<String> TROUBLE_FORMS = forms(TROUBLE_VERBS);
    private static final Set<String> GOOD_FORMS = forms(GOOD_VERBS);
    private static final Set<String> OWN_FORMS = forms(OWN_ACTIONS);
    private static final Set<String> PASSIVE_FORMS = forms(PASSIVE);

    /**
     * Whether the word (a verb) is a form of one of the verbs whose {@code forms} these are. Asked by its
     * forms, not its lemma: working a sentence's lemmas out is the statistical lemmatizer's beam search,
     * which was most of a template draft's time (JFR over {@code bench --burst}), and for a word tagged as
     * a verb being one of these forms is what having one of these lemmas means.
     */
    private static boolean isFormOf(Structure.Word word, Set<String> forms) {
        return forms.contains(word.lower());
    }

    /** Every form of the verbs a lemmatizer may read as them: -s, -es, -ies, -ed, -d, -ied, -ing, a doubled consonant, the irregular. */
    static Set<String> forms(Set<String> lemmas) {
        Set<String> out = new java.util.HashSet<>();
        for (String l : lemmas) {
            out.add(l);
            out.addAll(List.of(l + "s", l + "es", l + "ed", l + "d", l + "ing"));
            if (l.endsWith("e")) {
                out.add(l.substring(0, l.length() - 1) + "ing");
            }
            if (l.endsWith("y")) {
                String stem = l.substring(0, l.length() - 1);
                out.addAll(List.of(stem + "ies", stem + "ied"));
            }
            char last = l.charAt(l.length() - 1);
            if ("bdgklmnprt".indexOf(last) >= 0) {
                out.addAll(List.of(l + last + "ed", l + last + "ing"));
            }
            out.addAll(IRREGULAR.getOrDefault(l, List.of()));
        }
        return Set.copyOf(out);
    }

    /** The clause that says back the first trouble told, or empty. */
    static Optional<String> of(Structure structure) {
        return first(structure, false);
    }

    /** The clause that says back good news told ("it's playing the right song now"), for "I'm glad ...". */
    static Optional<String> glad(Structure structure) {
        return first(structure, true);
    }

    private static Optional<String> first(Structure structure, boolean good) {
        if (!structure.tagged() || !structure.language().equals("en")) {
            return Optional.empty();
        }
        for (Structure.Sentence s : structure.sentences()) {
            List<Structure.Word> w = s.words();
            if (w.stream().anyMatch(x -> x.lower().equals("sorry") || x.lower().equals("if") || x.lower().equals("hope"))) {
                continue;
            }
            for (int i = 0; i < w.size(); i++) {
                boolean anchor = good ? goodAt(w, i) : troubleAt(w, i);
                if (anchor) {
                    Optional<String> clause = clause(w, i, good);
                    if (clause.isPresent()) {
                        return clause;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean goodAt(List<Structure.Word> w, int i) {
        Structure.Word word = w.get(i);
        return word.is("VERB") && isFormOf(word, GOOD_FORMS) && !negated(w, i);
    }

    private static boolean troubleAt(List<Structure.Word> w, int i) {
        Structure.Word word = w.get(i);
        if (word.is("VERB") && (isFormOf(word, TROUBLE_FORMS) || negated(w, i))) {
            return true;
        }
        return (word.is("ADJ") || word.is("ADV") || word.is("VERB")) && TROUBLE_WORDS.contains(word.lower())
                && i > 0 && w.get(i - 1).verbal();
    }

    /** A negation in the verb group right before the verb: "did not deliver", "never works", "hasn't arrived". */
    private static boolean negated(List<Structure.Word> w, int i) {
        for (int k = i - 1; k >= 0 && k >= i - 4; k--) {
            Structure.Word b = w.get(k);
            if (NEGATIONS.contains(b.lower()) || b.negation()) {
                return true;
            }
            if (!(b.verbal() || b.is("PART") || b.is("ADV"))) {
                return false;
            }
        }
        return false;
    }

    private static Optional<String> clause(List<Structure.Word> w, int verb, boolean good) {
        int start = verb;
        while (start > 0 && verbGroup(w.get(start - 1))) {
            start--;
        }
        int subjectEnd = start;
        if (w.subList(start, verb).stream().anyMatch(x -> x.lower().equals("to"))) {
            return Optional.empty();
        }
        while (start > 0 && subjectPart(w.get(start - 1))) {
            start--;
            if (PERSONAL.contains(w.get(start).lower())) {
                // "a subscription I am charged for": the pronoun is the whole subject.
                if (start < subjectEnd - 1) {
                    start++;
                }
                break;
            }
        }
        boolean impliedI = false;
        if (start == subjectEnd && !good && negated(w, verb) && w.subList(0, start).stream().allMatch(Structure.Word::platformMarkup)) {
            // "still can't claim my business" opens a tweet: the "I" goes without saying.
            impliedI = true;
        } else if (start == subjectEnd || !hasHead(w, start, subjectEnd)) {
            return Optional.empty();
        }
        String subject = impliedI ? "i" : w.get(subjectEnd - 1).lower().replace("\uFE0F", "");
        if (!good && start == subjectEnd - 1 && WEAK_SUBJECTS.contains(subject)) {
            return Optional.empty();
        }
        boolean firstPerson = subject.equals("i") || subject.equals("we");
        boolean passive = subjectEnd < verb && w.subList(subjectEnd, verb).stream().anyMatch(x -> x.is("AUX")
                && Set.of("was", "were", "got", "been", "am", "'m", "is", "get").contains(x.lower()));
        if (!good && firstPerson && !negated(w, verb) && !passive && !isFormOf(w.get(verb), OWN_FORMS)) {
            // "I deleted the app", "I restarted it": what the customer tried, not what went wrong.
            return Optional.empty();
        }
        int end = verb + 1;
        while (end < w.size() && end - start < MAX_WORDS && continues(w, end)) {
            end++;
        }
        while (end > verb + 1 && trailing(w.get(end - 1))) {
            end--;
        }
        List<Structure.Word> words = w.subList(start, end);
        if (words.size() < MIN_WORDS - (impliedI ? 1 : 0)) {
            return Optional.empty();
        }
        for (Structure.Word x : words) {
            String lower = x.lower();
            if (SWEARS.contains(lower) || lower.equals("you") || lower.equals("your") || lower.equals("yours")
                    || lower.equals("ur") || x.platformMarkup() || lower.contains("*")) {
                return Optional.empty();
            }
        }
        String said = (impliedI ? "you " : "") + spoken(words);
        Structure.Word v = w.get(verb);
        boolean auxiliary = w.subList(subjectEnd, verb).stream().anyMatch(Structure.Word::verbal);
        if (!auxiliary && v.is("VERB") && v.lower().endsWith("ed") && isFormOf(v, PASSIVE_FORMS)
                && !firstPerson && !impliedI && !w.get(subjectEnd - 1).is("PRON")) {
            // A headline's "flight AC123 delayed again" reads "flight AC123 was delayed again".
            int at = said.toLowerCase(Locale.ROOT).indexOf(v.lower());
            said = at < 0 ? said : said.substring(0, at) + "was " + said.substring(at);
        }
        return Optional.of(said);
    }

    private static boolean verbGroup(Structure.Word b) {
        return b.verbal() || b.is("PART") || (b.is("ADV") && !b.lower().equals("when")) || b.negation();
    }

    private static boolean subjectPart(Structure.Word b) {
        return !b.platformMarkup() && b.text().matches(".*[\\p{L}\\p{N}].*") && (b.is("NOUN") || b.is("PROPN") || b.is("ADJ") || b.is("DET") || b.is("NUM")
                || b.is("PRON"));
    }

    private static boolean hasHead(List<Structure.Word> w, int from, int to) {
        Structure.Word last = w.get(to - 1);
        return last.is("NOUN") || last.is("PROPN") || last.is("PRON") || last.is("NUM");
    }

    private static boolean continues(List<Structure.Word> w, int k) {
        Structure.Word x = w.get(k);
        if (!x.text().matches(".*[\\p{L}\\p{N}].*") || x.is("PUNCT") || x.is("SYM") || x.platformMarkup() || x.is("INTJ") || x.is("X") && !x.text().matches("\\w+")) {
            return false;
        }
        return !CLAUSE_ENDS.contains(x.lower());
    }

    /** Words a clause should not end on: "after", "the", "my", "to". */
    private static boolean trailing(Structure.Word x) {
        return x.is("ADP") || x.is("DET") || x.is("CCONJ") || x.is("SCONJ") || x.is("PRON") && x.lower().endsWith("y")
                || x.lower().equals("my") || x.lower().equals("our") || x.is("AUX") || x.is("PART") && !NEGATIONS.contains(x.lower());
    }

    /** The words joined as written, turned to the second person, the first lower-cased unless a name. */
    static String spoken(List<Structure.Word> words) {
        StringBuilder out = new StringBuilder();
        String previous = "";
        for (int k = 0; k < words.size(); k++) {
            Structure.Word x = words.get(k);
            String lower = x.lower().replace('\u2019', '\'').replace("\uFE0F", "");
            String text = SECOND_PERSON.getOrDefault(lower, x.text().replace('\u2019', '\'').replace("\uFE0F", ""));
            if (lower.equals("was") && previous.equals("i")) {
                text = "were";
            }
            if (k == 0 && !x.is("PROPN") && !lower.equals("i") && text.length() > 1 && !Character.isUpperCase(text.charAt(1))) {
                text = text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
            }
            boolean attached = lower.startsWith("'") || lower.equals("n't") || k > 0 && x.start() == words.get(k - 1).end()
                    && !x.text().matches("^[\\p{L}\\p{N}].*");
            if (k > 0 && !attached) {
                out.append(' ');
            }
            out.append(text);
            previous = lower;
        }
        return out.toString().replace("you 're", "you're").replace("you 've", "you've").strip();
    }
}
