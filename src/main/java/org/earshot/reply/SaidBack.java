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
            "bill", "double-charge", "vanish", "reject", "error", "close", "skip", "die", "restart", "forget", "overdraw", "expire", "deactivate", "terminate", "reboot", "crack", "leak", "overheat", "drain", "brick", "wipe");
    private static final Set<String> TROUBLE_WORDS = Set.of("broken", "down", "slow", "stuck", "missing", "wrong",
            "unable", "corrupted", "frozen", "gone", "dead", "unusable", "locked", "suspended", "disabled", "late",
            "delayed", "cancelled", "canceled", "damaged", "lost", "blank", "empty", "offline");
    private static final Set<String> NEGATIONS = Set.of("not", "n't", "never", "no", "cannot", "nt");
    private static final Set<String> WEAK_SUBJECTS = Set.of("it", "this", "that", "they", "them", "there", "which",
            "what", "who", "something", "these", "those", "he", "she", "u", "y'all", "ya", "anyone", "someone",
            "nobody", "everyone", "anybody", "somebody", "everybody", "one", "none");
    /** Pronouns that are never a clause's subject: "help me delete my account" is no "you delete your account". */
    private static final Set<String> OBJECT_PRONOUNS = Set.of("me", "him", "her", "us", "them", "whom");
    /** Verbs whose object does the next verb: "help me delete", "let me board", "make it stop". */
    private static final Set<String> CAUSING = Set.of("help", "let", "make", "want", "need", "get", "tell", "ask", "allow");
    /** What a customer gets or has that is trouble: "I keep getting an error", "I have an issue with GTA online". */
    private static final Set<String> TROUBLE_NOUNS = Set.of("error", "errors", "glitch", "glitches", "bug", "bugs",
            "problem", "problems", "issue", "issues", "trouble", "troubles");
    private static final Set<String> SWEARS = Set.of("fuck", "fucking", "fucked", "shit", "shitty", "damn", "crap",
            "crappy", "wtf", "bullshit", "ass", "asshole", "bitch", "piss", "pissed", "hell", "stupid", "idiot",
            "idiots", "suck", "sucks", "dumb", "retarded", "bloody", "ffs", "omg", "lol", "lmao");
    private static final Set<String> CLAUSE_ENDS = Set.of("and", "but", "or", "so", "because", "though",
            "although", "please", "pls", "plz", "can", "could", "how", "why", "what", "is", "are", "help", "which",
            "thanks", "thank", "too");
    private static final Map<String, String> SECOND_PERSON = Map.ofEntries(Map.entry("i", "you"),
            Map.entry("me", "you"), Map.entry("my", "your"), Map.entry("mine", "yours"), Map.entry("myself", "yourself"),
            Map.entry("we", "you"), Map.entry("us", "you"), Map.entry("our", "your"), Map.entry("ours", "yours"),
            Map.entry("'m", "'re"), Map.entry("im", "you're"), Map.entry("i'm", "you're"), Map.entry("ive", "you've"),
            Map.entry("i've", "you've"), Map.entry("am", "are"), Map.entry("ourselves", "yourselves"),
            Map.entry("we're", "you're"), Map.entry("we've", "you've"), Map.entry("i'd", "you'd"), Map.entry("i'll", "you'll"),
            Map.entry("didnt", "didn't"), Map.entry("doesnt", "doesn't"), Map.entry("dont", "don't"), Map.entry("cant", "can't"),
            Map.entry("wont", "won't"), Map.entry("isnt", "isn't"), Map.entry("hasnt", "hasn't"), Map.entry("havent", "haven't"),
            Map.entry("wasnt", "wasn't"));
    private static final Set<String> PERSONAL = Set.of("i", "you", "we", "they", "he", "she", "it", "u");
    private static final Set<String> PASSIVE = Set.of("delay", "cancel", "charge", "suspend", "ban", "block", "lock",
            "hack", "overcharge", "bill", "deactivate", "terminate", "divert", "overbook", "decline", "reject");
    /** Words a clause does not end on however they are tagged: "even", "ever", "when", the data's "link". */
    private static final Set<String> TRAILING = Set.of("even", "ever", "when", "where", "while", "link", "that", "who",
            "just", "also", "like", "still");
    /** Verbs a clause may end on without an object: "won't work", "keeps crashing", "never arrived". */
    private static final Set<String> WHOLE_WITHOUT_OBJECT = Set.of("work", "load", "open", "start", "arrive", "play",
            "respond", "come", "show", "sync", "connect", "happen", "turn", "boot", "update", "install", "download",
            "upload", "charge", "launch", "stream", "function", "go", "exist", "appear", "help", "answer", "reply",
            "log", "sign", "print", "save", "pair", "send", "move", "stay", "last");
    /** Verbs whose particle belongs to them: "log in", "sign out", "check in", "shut off". */
    private static final Set<String> PHRASAL = Set.of("log", "sign", "check", "shut", "turn", "get", "come", "go",
            "switch", "back", "top", "pick", "boot");
    /** Words that make a subject someone other than the customer or their thing: "anyone else", "people who". */
    private static final Set<String> NOT_THE_CUSTOMERS = Set.of("anyone", "someone", "nobody", "everyone", "anybody",
            "somebody", "everybody", "others", "people", "that", "who", "which", "what", "else");
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
            if (!good) {
                Optional<String> asked = whyNot(w);
                if (asked.isPresent()) {
                    return asked;
                }
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
        return good ? Optional.empty() : troubleWith(structure);
    }

    /**
     * "why can't I stream anything?" gives "you can't stream anything", "why won't my app open" gives "your
     * app won't open": a question why something does not work, turned back into the statement it asks about.
     */
    private static Optional<String> whyNot(List<Structure.Word> w) {
        for (int i = 0; i + 3 < w.size(); i++) {
            if (!w.get(i).lower().equals("why") || !w.get(i + 1).negation() || !w.get(i + 1).verbal()) {
                continue;
            }
            int subjectEnd = i + 2;
            while (subjectEnd < w.size() && subjectEnd - i - 2 < 4 && subjectPart(w.get(subjectEnd))
                    && !w.get(subjectEnd).lower().equals("you")) {
                subjectEnd++;
                if (PERSONAL.contains(w.get(subjectEnd - 1).lower())) {
                    break;
                }
            }
            for (int k = i + 3; k < subjectEnd; k++) {
                // "why won't my phone charge": the tagger took the verb for a noun.
                String lemma = w.get(k).lemma();
                if (w.get(k - 1).is("NOUN") && (WHOLE_WITHOUT_OBJECT.contains(lemma) || TROUBLE_VERBS.contains(lemma))) {
                    subjectEnd = k;
                    break;
                }
            }
            if (subjectEnd == i + 2 || subjectEnd >= w.size() || !w.get(subjectEnd).is("VERB") && !w.get(subjectEnd).is("ADJ")
                    && !w.get(subjectEnd).is("NOUN")
                    || !hasHead(w, i + 2, subjectEnd)) {
                return Optional.empty();
            }
            String subject = w.get(subjectEnd - 1).lower();
            if (WEAK_SUBJECTS.contains(subject) && !subject.equals("it") || subject.equals("it") && subjectEnd == i + 3) {
                return Optional.empty();
            }
            int end = subjectEnd + 1;
            while (end < w.size() && end - i < MAX_WORDS && continues(w, end)) {
                end++;
            }
            while (end > subjectEnd + 1 && trailing(w.get(end - 1))) {
                end--;
            }
            List<Structure.Word> words = new ArrayList<>(w.subList(i + 2, subjectEnd));
            words.add(w.get(i + 1));
            words.addAll(w.subList(subjectEnd, end));
            if (!clean(words)) {
                return Optional.empty();
            }
            return Optional.of(spokenInOrder(words));
        }
        return Optional.empty();
    }

    /**
     * "is there something wrong with the config on We Are All Atomic?", "what is wrong with Hulu right now":
     * a trouble told by its thing, not by a verb, said back as "about the trouble with ...".
     */
    private static Optional<String> troubleWith(Structure structure) {
        for (Structure.Sentence s : structure.sentences()) {
            List<Structure.Word> w = s.words();
            for (int i = 0; i + 2 < w.size(); i++) {
                if (!w.get(i).lower().equals("wrong") || !w.get(i + 1).lower().equals("with")) {
                    continue;
                }
                int end = i + 2;
                while (end < w.size() && end - i - 2 < 7 && continues(w, end) && !w.get(end).is("SCONJ")
                        && !w.get(end).is("PRON")) {
                    end++;
                }
                while (end > i + 2 && trailing(w.get(end - 1))) {
                    end--;
                }
                List<Structure.Word> thing = w.subList(i + 2, end);
                if (thing.isEmpty() || thing.stream().noneMatch(x -> x.is("NOUN") || x.is("PROPN")) || !clean(thing)
                        || thing.size() == 1 && WEAK_SUBJECTS.contains(thing.get(0).lower())) {
                    continue;
                }
                return Optional.of("about the trouble with " + spokenInOrder(thing));
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
        if (keeps(w, i) || getsTrouble(w, i)) {
            return true;
        }
        if (word.is("NOUN") && i > 0 && (w.get(i - 1).is("NOUN") || w.get(i - 1).is("PROPN") || w.get(i - 1).is("ADJ"))
                && troubleForm(word.lower()) && w.subList(0, i).stream().noneMatch(Structure.Word::verbal)) {
            // "my left AirPod disconnects randomly": the tagger took the verb for a noun.
            return true;
        }
        if (word.is("ADJ") && word.lower().equals("able") && i > 0 && w.get(i - 1).negation()) {
            // "I am not able to recover my old gmail account".
            return true;
        }
        if (word.is("VERB") && i > 1 && w.get(i - 1).lower().equals("to") && w.get(i - 2).lower().equals("yet")) {
            // "I have yet to receive my 1 Million".
            return true;
        }
        int before = i - 1;
        while (before > 0 && w.get(before).is("ADV")) {
            before--;
        }
        // "I am still unable to reset my password": an adverb may stand between.
        return (word.is("ADJ") || word.is("ADV") || word.is("VERB")) && TROUBLE_WORDS.contains(word.lower())
                && before >= 0 && before < i && w.get(before).verbal();
    }

    /** "crashes", "disconnects", "freezes": a trouble verb's third person, whatever the tagger made of it. */
    private static boolean troubleForm(String lower) {
        return lower.endsWith("s") && (TROUBLE_VERBS.contains(lower.substring(0, lower.length() - 1))
                || lower.endsWith("es") && TROUBLE_VERBS.contains(lower.substring(0, lower.length() - 2)));
    }

    /** "keeps crashing", "I keep getting an error": a trouble that comes back. */
    private static boolean keeps(List<Structure.Word> w, int i) {
        return w.get(i).verbal() && w.get(i).lemma().equals("keep") && i + 1 < w.size()
                && w.get(i + 1).lower().endsWith("ing") && w.get(i + 1).is("VERB")
                && (TROUBLE_VERBS.contains(w.get(i + 1).lemma()) || Set.of("get", "receive", "see", "have", "happen", "lose",
                "say", "tell", "ask").contains(w.get(i + 1).lemma()) && !w.get(i + 1).lemma().equals("tell"));
    }

    /** "I get an error with login", "I've been having issues toggling", "I have an issue with GTA online". */
    private static boolean getsTrouble(List<Structure.Word> w, int i) {
        Structure.Word word = w.get(i);
        if (!word.verbal() || !Set.of("get", "have", "receive", "experience", "see").contains(word.lemma())) {
            return false;
        }
        for (int k = i + 1; k < w.size() && k <= i + 3; k++) {
            Structure.Word x = w.get(k);
            if (TROUBLE_NOUNS.contains(x.lower())) {
                return true;
            }
            if (!(x.is("DET") || x.is("ADJ") || x.is("NOUN") || x.is("NUM"))) {
                return false;
            }
        }
        return false;
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

    /** The nearest "my X" before {@code at} in the sentence, said "your X", when X is a noun phrase. */
    private static Optional<String> antecedent(List<Structure.Word> w, int at) {
        for (int k = at - 2; k >= 0; k--) {
            String lower = w.get(k).lower();
            if (!lower.equals("my") && !lower.equals("our")) {
                continue;
            }
            int end = k + 1;
            while (end < at && end - k <= 3 && !troubleForm(w.get(end).lower()) && (w.get(end).is("NOUN") || w.get(end).is("PROPN") || w.get(end).is("ADJ")
                    || w.get(end).is("NUM"))) {
                end++;
            }
            if (end > k + 1 && (w.get(end - 1).is("NOUN") || w.get(end - 1).is("PROPN") || w.get(end - 1).is("NUM"))
                    && !StrayNoun.PEOPLE.contains(w.get(end - 1).lower()) && clean(w.subList(k + 1, end))) {
                return Optional.of(spoken(w.subList(k, end)));
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The verb group and what follows it, from {@code from} (after a subject said otherwise). */
    private static Optional<String> clause(List<Structure.Word> w, int verb, boolean good, int from) {
        int end = verb + 1;
        while (end < w.size() && end - from < MAX_WORDS && continues(w, end) && !newClause(w, end)) {
            end++;
        }
        while (end > verb + 1 && trailing(w.get(end - 1)) && !particle(w, end - 1)) {
            end--;
        }
        List<Structure.Word> words = w.subList(from, end);
        if (words.isEmpty() || !clean(words) || endsWithoutObject(words, w, end) || vagueEnd(words, verb - from)
                || words.size() < 2 && !TROUBLE_VERBS.contains(w.get(verb).lemma()) && !negated(w, verb)) {
            return Optional.empty();
        }
        String said = spoken(words);
        return Optional.of(said);
    }

    private static Optional<String> clause(List<Structure.Word> w, int verb, boolean good) {
        int start = verb;
        while (start > 0 && verbGroup(w.get(start - 1))) {
            start--;
        }
        int subjectEnd = start;
        boolean yetTo = verb > 1 && w.get(verb - 1).lower().equals("to") && w.get(verb - 2).lower().equals("yet");
        if (!yetTo && w.subList(start, verb).stream().anyMatch(x -> x.lower().equals("to"))) {
            return Optional.empty();
        }
        boolean contracted = start > 0 && w.get(start - 1).tag().startsWith("PRON+");
        if (contracted) {
            // "ive been unable to access", "I'm still getting the message": the subject holds the auxiliary.
            start--;
        } else {
            while (start > 0 && subjectPart(w.get(start - 1))) {
                start--;
                if (PERSONAL.contains(w.get(start).lower()) || OBJECT_PRONOUNS.contains(w.get(start).lower())) {
                    // "a subscription I am charged for": the pronoun is the whole subject.
                    if (start < subjectEnd - 1) {
                        start++;
                    }
                    break;
                }
            }
        }
        boolean impliedI = false;
        if (start == subjectEnd && !good && start > 0 && w.get(start - 1).is("CCONJ")) {
            // "my iphone is freaking out and won't open any apps": the subject of the clause before.
            return coordinated(w, start - 1, verb);
        }
        if (start == subjectEnd && !good && Set.of("locked", "stuck", "unable").contains(w.get(verb).lower())
                && w.subList(0, start).stream().allMatch(x -> x.platformMarkup() || x.is("ADV"))) {
            // "Completely locked out of my google account": a tweet that opens on the trouble, the "I'm" left out.
            return clause(w, verb, false, start).map(r -> "you're " + r);
        }
        if (start == subjectEnd && !good && negated(w, verb) && w.subList(0, start).stream().allMatch(Structure.Word::platformMarkup)) {
            // "still can't claim my business" opens a tweet: the "I" goes without saying.
            impliedI = true;
        } else if (start == subjectEnd || !contracted && !hasHead(w, start, subjectEnd)) {
            return Optional.empty();
        }
        String subject = impliedI ? "i" : core(w.get(contracted ? start : subjectEnd - 1).lower().replace("\uFE0F", ""));
        Optional<String> antecedent = !good && !contracted && start == subjectEnd - 1 && subject.equals("it")
                ? antecedent(w, start) : Optional.empty();
        if (antecedent.isPresent()) {
            // "having got my iPhone 11 Pro wet it now doesn't work": "it" is the thing named before.
            Optional<String> rest = clause(w, verb, false, start + 1);
            return rest.map(r -> antecedent.get() + " " + r);
        }
        if (!good && (start == subjectEnd - 1 || contracted) && WEAK_SUBJECTS.contains(subject)
                || OBJECT_PRONOUNS.contains(subject)
                || start > 0 && w.get(start - 1).verbal() && CAUSING.contains(w.get(start - 1).lemma())) {
            return Optional.empty();
        }
        boolean firstPerson = subject.equals("i") || subject.equals("we");
        boolean passive = subjectEnd < verb && w.subList(subjectEnd, verb).stream().anyMatch(x -> x.is("AUX")
                && Set.of("was", "were", "got", "been", "am", "'m", "is", "get").contains(x.lower()));
        if (!good && firstPerson && !negated(w, verb) && !passive && !isFormOf(w.get(verb), OWN_FORMS)
                && !keeps(w, verb) && !getsTrouble(w, verb) && !TROUBLE_WORDS.contains(w.get(verb).lower()) && !yetTo) {
            // "I deleted the app", "I restarted it": what the customer tried, not what went wrong.
            return Optional.empty();
        }
        int end = verb + 1;
        while (end < w.size() && end - start < MAX_WORDS && continues(w, end) && !newClause(w, end)) {
            end++;
        }
        end = cutLong(w, verb, start, end);
        while (end > verb + 1 && trailing(w.get(end - 1)) && !particle(w, end - 1)) {
            end--;
        }
        List<Structure.Word> words = w.subList(start, end);
        if (vagueEnd(words, verb - start) && firstPerson && negated(w, verb) && start > 1 && w.get(start - 1).is("CCONJ")) {
            // "i won the car in casino but i didn't get it": the "it" is told in the clause before.
            int from = start - 1;
            while (from > 0 && !boundary(w.get(from - 1))) {
                from--;
            }
            if (from < start - 2 && w.get(from).lower().equals(w.get(start).lower()) && start - from <= 8
                    && clean(w.subList(from, start))) {
                List<Structure.Word> both = new ArrayList<>(w.subList(from, start));
                both.addAll(w.subList(subjectEnd, end));
                return Optional.of(spokenInOrder(both));
            }
        }
        if (words.size() < MIN_WORDS - (impliedI ? 1 : 0) - (contracted ? 1 : 0) || vagueEnd(words, verb - start)
                || w.subList(start, subjectEnd).stream().anyMatch(x -> NOT_THE_CUSTOMERS.contains(x.lower()))
                || endsWithoutObject(words, w, start + words.size())
                || w.get(verb).is("NOUN") && end == verb + 1) {
            return Optional.empty();
        }
        if (!clean(words)) {
            return Optional.empty();
        }
        String said = (impliedI ? "you " : "") + spoken(words);
        Structure.Word v = w.get(verb);
        boolean auxiliary = w.subList(subjectEnd, verb).stream().anyMatch(Structure.Word::verbal);
        if (!auxiliary && !contracted && v.is("VERB") && v.lower().endsWith("ed") && isFormOf(v, PASSIVE_FORMS)
                && !firstPerson && !impliedI && !w.get(subjectEnd - 1).is("PRON")) {
            // A headline's "flight AC123 delayed again" reads "flight AC123 was delayed again".
            int at = said.toLowerCase(Locale.ROOT).indexOf(v.lower());
            said = at < 0 ? said : said.substring(0, at) + "was " + said.substring(at);
        }
        return Optional.of(said);
    }

    /**
     * The clause before "and"/"but" gives the subject: "i ordered the pack over 48 hours ago and didnt get
     * anything" is said back whole, "my iphone is freaking out and won't open any apps" too.
     */
    private static Optional<String> coordinated(List<Structure.Word> w, int conjunction, int verb) {
        int from = conjunction;
        while (from > 0 && !boundary(w.get(from - 1))) {
            from--;
        }
        int firstVerb = from;
        while (firstVerb < conjunction && !w.get(firstVerb).verbal()) {
            firstVerb++;
        }
        if (firstVerb == from || firstVerb == conjunction || !hasHead(w, from, firstVerb)
                || w.subList(from, firstVerb).stream().anyMatch(x -> !subjectPart(x))) {
            return Optional.empty();
        }
        String subject = core(w.get(firstVerb - 1).lower());
        if (firstVerb - from == 1 && WEAK_SUBJECTS.contains(subject) || OBJECT_PRONOUNS.contains(subject)) {
            return Optional.empty();
        }
        int end = verb + 1;
        while (end < w.size() && end - from < MAX_WORDS + 4 && continues(w, end) && !newClause(w, end)) {
            end++;
        }
        while (end > verb + 1 && trailing(w.get(end - 1)) && !particle(w, end - 1)) {
            end--;
        }
        boolean firstPerson = subject.equals("i") || subject.equals("we");
        if (firstPerson && !negated(w, verb) && !keeps(w, verb) && !getsTrouble(w, verb)) {
            // "I reinstalled the app and restarted my phone": what they tried.
            return Optional.empty();
        }
        List<Structure.Word> words = w.subList(from, end);
        if (end - from > MAX_WORDS + 4 || !clean(words) || vagueEnd(words, verb - from)
                || w.subList(from, firstVerb).stream().anyMatch(x -> NOT_THE_CUSTOMERS.contains(x.lower()))
                || endsWithoutObject(words, w, end)) {
            return Optional.empty();
        }
        return Optional.of(spoken(words));
    }

    /** Where a clause's subject can start: after punctuation, a handle, a greeting or "when", "so", "because". */
    private static boolean boundary(Structure.Word x) {
        return x.is("PUNCT") || x.is("SYM") || x.is("INTJ") || x.is("SCONJ") || x.platformMarkup()
                || x.is("ADV") && Set.of("when", "so", "now", "then", "also", "still", "suddenly").contains(x.lower());
    }

    /** A subject pronoun after a noun starts the next clause: "for the past few weeks it just says ...". */
    private static boolean newClause(List<Structure.Word> w, int k) {
        String lower = w.get(k).lower();
        boolean subjectPronoun = Set.of("it", "i", "im", "i'm", "ive", "i've", "he", "she", "they", "we", "it's", "its")
                .contains(lower.replace('\u2019', '\''));
        return subjectPronoun && k > 0 && (w.get(k - 1).is("NOUN") || w.get(k - 1).is("PROPN") || w.get(k - 1).is("ADV")
                || w.get(k - 1).is("NUM"));
    }

    /** A clause cut at the word limit ends before its last "since", "when" or "while" rather than mid-way. */
    private static int cutLong(List<Structure.Word> w, int verb, int start, int end) {
        if (end >= w.size() || end - start < MAX_WORDS || !continues(w, end)) {
            return end;
        }
        for (int k = end - 1; k > verb + 2; k--) {
            if (w.get(k).is("SCONJ") || w.get(k).is("ADV") && k + 1 < end && w.get(k + 1).is("SCONJ")) {
                return k;
            }
        }
        return end;
    }

    /**
     * "you don't get", "you keep getting", "you cannot make": a clause cut off before the object its last verb
     * needs (the sentence went on, or the customer left it out) says nothing back.
     */
    private static boolean endsWithoutObject(List<Structure.Word> words, List<Structure.Word> sentence, int end) {
        Structure.Word last = words.get(words.size() - 1);
        Structure.Word before = words.size() > 1 ? words.get(words.size() - 2) : last;
        boolean inVerbGroup = before.verbal() || before.negation() || before.is("PART") || before.is("ADV");
        return last.is("VERB") && inVerbGroup && !WHOLE_WITHOUT_OBJECT.contains(last.lemma())
                && !TROUBLE_VERBS.contains(last.lemma()) && !TROUBLE_WORDS.contains(last.lower()) && !last.lower().endsWith("ed")
                || last.is("AUX");
    }

    /** "you don't remember it": a short clause whose object is a bare "it" or "this" says nothing back. */
    private static boolean vagueEnd(List<Structure.Word> words, int verb) {
        String last = words.get(words.size() - 1).lower();
        return words.size() <= 5 && Set.of("it", "this", "that", "them", "one").contains(last) || last.equals("me") || last.equals("us");
    }

    /** No swear word, no "you" for the brand, no handle or masked word. */
    private static boolean clean(List<Structure.Word> words) {
        for (Structure.Word x : words) {
            String lower = x.lower();
            if (SWEARS.contains(lower) || lower.equals("you") || lower.equals("your") || lower.equals("yours")
                    || lower.equals("ur") || x.platformMarkup() || lower.contains("*")) {
                return false;
            }
        }
        return true;
    }

    /** The subject word without the auxiliary it holds: "ive" and "i've" give "i", "it's" "it". */
    private static String core(String subject) {
        String s = subject.replace('\u2019', '\'');
        int apostrophe = s.indexOf('\'');
        if (apostrophe > 0) {
            return s.substring(0, apostrophe);
        }
        return s.equals("ive") || s.equals("im") ? "i" : s;
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
        if (Set.of("my", "our", "your", "his", "her", "their", "its").contains(last.lower())) {
            return false;
        }
        if (to < w.size() && w.get(to).is("NOUN") && troubleForm(w.get(to).lower()) && last.is("ADJ")) {
            // "my left earbud disconnects": the tagger read the noun as an adjective before a noun.
            return true;
        }
        return last.is("NOUN") || last.is("PROPN") || last.is("PRON") || last.is("NUM");
    }

    private static boolean continues(List<Structure.Word> w, int k) {
        Structure.Word x = w.get(k);
        if (!x.text().matches(".*[\\p{L}\\p{N}].*") || x.is("PUNCT") || x.is("SYM") || x.platformMarkup() || x.is("INTJ") || x.is("X") && !x.text().matches("\\w+")) {
            return false;
        }
        if (x.lower().equals("any")) {
            // "won't open any apps" goes on; "... any help?" asks.
            return k + 1 < w.size() && !Set.of("help", "advice", "idea", "ideas", "suggestions", "tips", "update", "news")
                    .contains(w.get(k + 1).lower()) && w.get(k + 1).text().matches("[\\p{L}].*");
        }
        return !CLAUSE_ENDS.contains(x.lower()) && !SWEARS.contains(x.lower());
    }

    /** "in" of "log in", "out" of "sign out": a particle that ends its verb, not a dangling preposition. */
    private static boolean particle(List<Structure.Word> w, int k) {
        return k > 0 && w.get(k).is("ADP") && Set.of("in", "out", "on", "off", "up", "down", "back", "through").contains(w.get(k).lower())
                && w.get(k - 1).verbal() && PHRASAL.contains(w.get(k - 1).lemma());
    }

    /** Words a clause should not end on: "after", "the", "my", "to". */
    private static boolean trailing(Structure.Word x) {
        return TRAILING.contains(x.lower()) || x.is("VERB") && x.lower().endsWith("ing") && Set.of("say", "ask", "try", "use", "wonder", "hope").contains(x.lemma()) || x.is("ADP") || x.is("DET") || x.is("CCONJ") || x.is("SCONJ") || x.is("PRON") && x.lower().endsWith("y")
                || x.lower().equals("my") || x.lower().equals("our") || x.is("AUX") || x.is("PART") && !NEGATIONS.contains(x.lower());
    }

    /** The words joined as written, turned to the second person, the first lower-cased unless a name. */
    static String spoken(List<Structure.Word> words) {
        return spokenInOrder(words);
    }

    /**
     * The words joined, turned to the second person: words written together stay together ("AirPod"
     * tokenized "Air" "Pod"), "a error" reads "an error", the first word is lower-cased unless a name.
     * The words need not be in the text's order ("why can't I" is said "you can't").
     */
    static String spokenInOrder(List<Structure.Word> words) {
        StringBuilder out = new StringBuilder();
        String previous = "";
        for (int k = 0; k < words.size(); k++) {
            Structure.Word x = words.get(k);
            String lower = x.lower().replace('\u2019', '\'').replace("\uFE0F", "");
            String text = SECOND_PERSON.getOrDefault(lower, x.text().replace('\u2019', '\'').replace("\uFE0F", ""));
            if (lower.equals("was") && (previous.equals("i") || previous.equals("we"))) {
                text = "were";
            }
            if (k == 0 && !x.is("PROPN") && !lower.equals("i") && text.length() > 1 && !Character.isUpperCase(text.charAt(1))) {
                text = text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
            }
            boolean adjacent = k > 0 && x.start() == words.get(k - 1).end();
            boolean attached = lower.startsWith("'") || lower.equals("n't") || adjacent;
            if (k > 0 && !attached) {
                out.append(' ');
            }
            if (previous.equals("a") && text.matches("(?i)[aeio].*") && out.length() >= 2) {
                out.insert(out.length() - 1, 'n');
            }
            out.append(text);
            previous = lower;
        }
        return out.toString().replace("you 're", "you're").replace("you 've", "you've").strip();
    }
}
