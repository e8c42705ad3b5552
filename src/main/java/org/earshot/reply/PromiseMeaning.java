package org.earshot.reply;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.earshot.config.ReplyPolicy;

/**
 * Promises outside the policy found by meaning, beside the keyword rules: a sentence in which the team
 * commits itself ("we'll", "I will", "you'll get", "let me arrange") is compared with the policy's
 * forbidden example promises and its allowed ones ({@code promiseExamples}, and {@code mayPromise}).
 * With the learned model on, it is a promise outside the policy when it is nearer than {@value #NEAR} to
 * a forbidden example and nearer to that than to any allowed one; without the model (and always, as a
 * floor), when it names a costly thing only a forbidden example names ("hotel", "taxi", "miles").
 */
final class PromiseMeaning {
    /** How near in meaning a committing sentence must be to a forbidden example to count as that promise. */
    static final double NEAR = 0.88;
    private static final Pattern TEAM_COMMITS = Pattern.compile("\\b(we|i)('ll| will| shall| are going to|'re going to"
            + "| can| could| would| have arranged| 've arranged| have booked|'ve booked)\\b|\\bwe'd\\b|\\bi'd\\b"
            + "|\\byou('ll| will) (get|receive|have|be given|be sent)\\b|\\blet me (arrange|book|get|send|add|cover|pay)\\b"
            + "|\\bhere('s| is) (a|an|your)\\b|\\b(is|are) on (its|their) way\\b"
            // The drafted languages' own ways of committing: es, fr, de, pt.
            + "|\\b(vamos a|le (daremos|enviaremos|pagaremos|reembolsaremos|reservaremos|abonaremos)|nos encargaremos|recibirá)\\b"
            + "|\\b(nous (allons|vous|prendrons|rembourserons|offrirons)|je vais vous|vous recevrez)\\b"
            + "|\\b(wir (werden|übernehmen|erstatten|buchen|schicken|zahlen)|ich werde|sie (erhalten|bekommen))\\b"
            + "|\\b(vamos|iremos|você (receberá|vai receber)|reembolsaremos|pagaremos)\\b");
    /** Words of the examples that say nothing costly by themselves. */
    private static final Set<String> PLAIN = Set.of("we", "we'll", "will", "you", "you'll", "your", "yours", "i", "i'll",
            "the", "a", "an", "for", "to", "of", "and", "on", "in", "at", "by", "it", "be", "is", "are", "with", "get",
            "give", "send", "add", "make", "arrange", "book", "trouble", "account", "back", "it'll", "this", "that",
            "full", "fixed", "#", "point", "night", "our", "us", "me", "my", "from", "next", "all", "any", "can", "up", "out", "new", "one",
            // The function words of the drafted languages, for examples the policy writes in them.
            "le", "la", "el", "los", "las", "de", "del", "un", "una", "su", "sus", "y", "en", "por", "para", "con", "nos",
            "se", "vamos", "esta", "noche", "nous", "vous", "les", "des", "du", "une", "votre", "vos", "et", "pour",
            "avec", "je", "ce", "soir", "wir", "sie", "ihnen", "ihr", "ihre", "der", "die", "das", "den", "dem", "ein",
            "eine", "einen", "und", "für", "mit", "zu", "von", "ich", "heute", "werden", "nós", "você", "o", "os", "as",
            "do", "da", "um", "uma", "seu", "sua", "e", "em", "com", "eu", "hoje");

    private final List<String> forbidden;
    private final List<String> allowed;
    private final Set<String> costly;
    private final Meaning meaning;

    PromiseMeaning(ReplyPolicy policy, Meaning meaning) {
        this.meaning = meaning;
        this.forbidden = policy.promiseExamples().forbidden();
        List<String> ok = new ArrayList<>(policy.promiseExamples().allowed());
        ok.addAll(policy.mayPromise());
        this.allowed = List.copyOf(ok);
        Set<String> allowedWords = new HashSet<>();
        allowed.forEach(a -> allowedWords.addAll(words(a)));
        Set<String> c = new LinkedHashSet<>();
        forbidden.forEach(f -> words(f).stream().filter(w -> !PLAIN.contains(w) && !allowedWords.contains(w)).forEach(c::add));
        this.costly = Set.copyOf(c);
    }

    /** What a sentence promises that the policy does not allow: the nearest forbidden example, or empty. */
    Optional<String> outsidePolicy(String sentence) {
        String lower = sentence.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        if (!TEAM_COMMITS.matcher(lower).find()) {
            return Optional.empty();
        }
        Optional<float[]> v = meaning.read(lower);
        if (v.isPresent()) {
            Optional<List<float[]>> bad = meaning.ofAll(forbidden);
            Optional<List<float[]>> good = meaning.ofAll(allowed);
            if (bad.isPresent() && good.isPresent()) {
                double top = -1;
                String nearest = null;
                for (int i = 0; i < forbidden.size(); i++) {
                    double s = Meaning.similarity(v.get(), bad.get().get(i));
                    if (s > top) {
                        top = s;
                        nearest = forbidden.get(i);
                    }
                }
                double allowedTop = good.get().stream().mapToDouble(g -> Meaning.similarity(v.get(), g)).max().orElse(-1);
                if (top >= NEAR && top > allowedTop) {
                    return Optional.of(nearest);
                }
            }
        }
        for (String w : words(lower)) {
            if (costly.contains(w)) {
                return forbidden.stream().filter(f -> words(f).contains(w)).findFirst();
            }
        }
        return Optional.empty();
    }

    /** The words, numbers read as "#": "10000 miles" and "500 miles" share both. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            if (w.isEmpty()) {
                continue;
            }
            String word = w.matches("\\d[\\d,.]*") ? "#" : w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")
                    ? w.substring(0, w.length() - 1) : w;
            out.add(word);
        }
        return out;
    }
}
