package org.earshot.reply;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.earshot.config.CatalogueItem;
import org.earshot.config.FaqAnswer;
import org.earshot.config.ReplyPolicy;

/**
 * Finds words in a reply that look mistyped: lower-case words of letters that no word list knows,
 * in any of their usual forms. Names, places and brands (capitalised), handles, hashtags, links,
 * e-mail addresses, booking codes and numbers are never counted. The word lists are 60,000 common
 * English words ({@code reply/english-words.txt}, from SCOWL), VADER's and Earshot's (scoring and
 * intents), {@code reply/words.txt} (care and travel words), every word of the policy's templates,
 * answers and catalogue, and the words of the mention being answered.
 *
 * <p>A reply in Spanish, French, German or Portuguese is checked against that language's word list, read
 * at run time from Debian's package ({@code /usr/share/dict/spanish} from wspanish, and so on; the path is
 * the phrasebook's or the policy's {@code languages.<code>.wordList}) and never shipped in the jar (most
 * are GPL), with the endings its phrasebook lists, that language's built-in templates, the policy's texts
 * and the mention. Without the list the check is skipped, and the rules say so.
 */
final class TypoCheck {
    private static final Set<String> COMMON = load();
    private static final String[][] ENDINGS = {{"'s", ""}, {"s'", ""}, {"n't", ""}, {"'ll", ""}, {"'re", ""},
        {"'ve", ""}, {"'d", ""}, {"'m", ""}, {"ies", "y"}, {"ied", "y"}, {"ier", "y"}, {"iest", "y"}, {"ily", "y"},
        {"es", ""}, {"s", ""}, {"ed", ""}, {"ed", "e"}, {"d", ""}, {"ing", ""}, {"ing", "e"}, {"ly", ""}, {"er", ""},
        {"er", "e"}, {"est", ""}, {"ness", ""}, {"ment", ""}, {"able", ""}, {"ful", ""}, {"less", ""}};

    private static final java.util.Map<String, Optional<Set<String>>> WORD_LISTS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<String, Set<String>> TEMPLATE_WORDS = new java.util.concurrent.ConcurrentHashMap<>();

    private final Set<String> policyWords;
    private final ReplyPolicy policy;

    TypoCheck(ReplyPolicy policy) {
        this.policy = policy;
        Set<String> words = new HashSet<>();
        policy.languages().byCode().values().forEach(l -> {
            l.templates().values().forEach(t -> addWords(words, t));
            addWords(words, l.handledBy() + " " + l.signOff() + " " + l.askWhenUnclear());
        });
        policy.faq().forEach(a -> a.translations().values().forEach(t -> addWords(words, t)));
        policy.templates().values().forEach(t -> addWords(words, t));
        for (FaqAnswer a : policy.faq()) {
            addWords(words, a.answer());
            a.match().forEach(m -> addWords(words, m));
        }
        for (CatalogueItem i : policy.catalogue().items()) {
            addWords(words, i.name() + " " + i.pitch() + " " + String.join(" ", i.match()));
        }
        addWords(words, policy.handledBy() + " " + policy.signOff() + " " + policy.askWhenUnclear());
        this.policyWords = Set.copyOf(words);
    }

    /** The words of the reply that look mistyped, in order, each once. */
    List<String> unknownWords(String reply, PhraseText mention) {
        List<String> out = new ArrayList<>();
        for (String raw : reply.split("\\s+")) {
            String w = trim(raw);
            if (!candidate(raw, w)) {
                continue;
            }
            String lower = w.toLowerCase(Locale.ROOT);
            if (!known(lower) && !mention.has(lower) && !out.contains(lower)) {
                out.add(lower);
            }
        }
        return out;
    }

    /**
     * The words of a reply in this language that look mistyped, in order, each once; empty when the
     * language's word list is not there to check against.
     */
    Optional<List<String>> unknownWords(String reply, PhraseText mention, ReplyLanguage language) {
        if (language.isEnglish()) {
            return Optional.of(unknownWords(reply, mention));
        }
        Optional<Set<String>> dictionary = WORD_LISTS.computeIfAbsent(wordListPath(language), TypoCheck::readWordList);
        if (dictionary.isEmpty()) {
            return Optional.empty();
        }
        Set<String> builtIn = TEMPLATE_WORDS.computeIfAbsent(language.code(), code -> {
            Set<String> words = new HashSet<>();
            language.templates().forEach(t -> addWords(words, t));
            addWords(words, language.signOff() + " " + language.askWhenUnclear() + " " + language.safetyFirst());
            return Set.copyOf(words);
        });
        List<String> out = new ArrayList<>();
        for (String raw : reply.split("\\s+")) {
            String w = trim(raw);
            if (!candidate(raw, w)) {
                continue;
            }
            String lower = w.toLowerCase(Locale.ROOT);
            // "l'équipe", "d'ici", "qu'il": the word after the elision is the one to look up.
            String word = lower.contains("'") ? lower.substring(lower.lastIndexOf('\'') + 1) : lower;
            if (word.length() < 3 || mention.has(lower) || out.contains(lower)) {
                continue;
            }
            if (!knownIn(word, dictionary.get(), builtIn, language) && !knownIn(lower, dictionary.get(), builtIn, language)) {
                out.add(lower);
            }
        }
        return Optional.of(out);
    }

    /** Where this language's word list is read from: the policy's {@code languages.<code>.wordList}, else Debian's. */
    String wordListPath(ReplyLanguage language) {
        String own = policy.languages().in(language.code()).wordList();
        return own.isBlank() ? language.wordList() : own;
    }

    private boolean knownIn(String w, Set<String> dictionary, Set<String> builtIn, ReplyLanguage language) {
        if (dictionary.contains(w) || builtIn.contains(w) || policyWords.contains(w)) {
            return true;
        }
        if (w.contains("-")) {
            return java.util.Arrays.stream(w.split("-")).filter(p -> !p.isEmpty())
                    .allMatch(p -> knownIn(p, dictionary, builtIn, language));
        }
        for (String[] e : language.endings()) {
            if (w.endsWith(e[0]) && w.length() - e[0].length() >= 2) {
                String stem = w.substring(0, w.length() - e[0].length()) + e[1];
                if (dictionary.contains(stem) || builtIn.contains(stem)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The words of a word list file, lower case; empty when the file is not there. */
    private static Optional<Set<String>> readWordList(String path) {
        java.nio.file.Path file = java.nio.file.Path.of(path);
        if (!java.nio.file.Files.isReadable(file)) {
            return Optional.empty();
        }
        try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(file, StandardCharsets.UTF_8)) {
            Set<String> words = new HashSet<>();
            lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> words.add(l.toLowerCase(Locale.ROOT).replace('\u2019', '\'')));
            return Optional.of(Set.copyOf(words));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Lower-case words of letters, at least three long, that are not part of a link, handle or code. */
    private static boolean candidate(String raw, String w) {
        if (w.length() < 3 || raw.contains("@") || raw.contains("#") || raw.contains("://") || raw.contains("/")
                || innerDot(raw) || !Character.isLowerCase(w.charAt(0))) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!Character.isLetter(c) && c != '\'' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** "acmeair.example" or "e.g": a dot between letters is a link or an abbreviation, never a typo. */
    private static boolean innerDot(String raw) {
        for (int i = 1; i + 1 < raw.length(); i++) {
            if (raw.charAt(i) == '.' && Character.isLetterOrDigit(raw.charAt(i - 1))
                    && Character.isLetterOrDigit(raw.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private boolean known(String w) {
        if (isKnown(w)) {
            return true;
        }
        if (w.contains("-")) {
            for (String part : w.split("-")) {
                if (!part.isEmpty() && !known(part)) {
                    return false;
                }
            }
            return true;
        }
        for (String[] e : ENDINGS) {
            if (w.endsWith(e[0]) && w.length() - e[0].length() >= 2) {
                String stem = w.substring(0, w.length() - e[0].length()) + e[1];
                if (isKnown(stem) || doubled(stem) && isKnown(stem.substring(0, stem.length() - 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean isKnown(String w) {
        return COMMON.contains(w) || policyWords.contains(w);
    }

    /** "stopped" → "stopp" → "stop". */
    private static boolean doubled(String stem) {
        int n = stem.length();
        return n >= 3 && stem.charAt(n - 1) == stem.charAt(n - 2);
    }

    private static String trim(String raw) {
        int from = 0;
        int to = raw.length();
        while (from < to && !Character.isLetterOrDigit(raw.charAt(from))) {
            from++;
        }
        while (to > from && !Character.isLetterOrDigit(raw.charAt(to - 1))) {
            to--;
        }
        return raw.substring(from, to).replace('\u2019', '\'');
    }

    private static void addWords(Set<String> into, String text) {
        for (String w : text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').split("[^\\p{L}'-]+")) {
            if (!w.isBlank()) {
                into.add(w.replaceAll("^['-]+|['-]+$", ""));
            }
        }
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        read("/reply/words.txt", line -> addWords(words, line));
        read("/reply/english-words.txt", words::add);
        read("/scoring/vader_lexicon.tsv", line -> words.add(line.split("\t", 2)[0]));
        read("/scoring/lexicon.tsv", line -> addWords(words, line.split("\t", 2)[0]));
        read("/scoring/cues.tsv", line -> addWords(words, line.contains("\t") ? line.split("\t")[1] : line));
        read("/scoring/modifiers.tsv", line -> addWords(words, line.contains("\t") ? line.split("\t")[1] : line));
        read("/reply/intents.tsv", line -> addWords(words, line.contains("\t") ? line.split("\t")[1] : line));
        return Set.copyOf(words);
    }

    private static void read(String resource, java.util.function.Consumer<String> line) {
        try (InputStream in = TypoCheck.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("word list " + resource + " is missing from the jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                if (!l.isBlank() && !l.startsWith("#")) {
                    line.accept(l.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
