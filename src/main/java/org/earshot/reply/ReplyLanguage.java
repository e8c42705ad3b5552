package org.earshot.reply;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phrasebook of one language drafts are written in (en, es, fr, de, pt): its built-in templates,
 * mail greeting and sign-off, the honest question for an unclear complaint, how it says a time, and the
 * rules that read a reply in it (greetings, stock phrases, bare yes/no answers, a forward-looking
 * ending, a promise to come back, the word list of the typo check). Read from
 * {@code reply/languages/<code>.properties}; English keeps its templates in {@link ReplyTemplates} and
 * its rules in {@link ReplyGuardrails}. Immutable, shared.
 */
final class ReplyLanguage {
    /** The languages drafts are written in. */
    static final List<String> DRAFTED = List.of("en", "es", "fr", "de", "pt");
    private static final Map<String, ReplyLanguage> LOADED = new ConcurrentHashMap<>();
    private static final Pattern NOTHING = Pattern.compile("(?!)");

    private final String code;
    private final Properties texts;
    private final Pattern greeting;
    private final Pattern forward;
    private final Pattern followUp;
    private final Pattern within;
    private final List<String> stock;
    private final Set<String> bareAnswers;
    private final Map<String, String> possessives;
    private final Pattern complaintCue;
    private final Pattern praiseCue;

    private ReplyLanguage(String code, Properties texts) {
        this.code = code;
        this.texts = texts;
        this.greeting = pattern(texts.getProperty("greeting"), "^");
        this.forward = pattern(texts.getProperty("forward"), "");
        this.followUp = pattern(texts.getProperty("followUp"), "");
        this.within = pattern(texts.getProperty("within"), "");
        this.stock = list(texts.getProperty("stock"));
        this.bareAnswers = Set.copyOf(list(texts.getProperty("bareAnswers")));
        Map<String, String> turns = new java.util.LinkedHashMap<>();
        for (String pair : list(texts.getProperty("possessive"))) {
            String[] p = pair.split(">", 2);
            turns.put(p[0], p[1]);
        }
        this.possessives = Map.copyOf(turns);
        this.complaintCue = pattern(texts.getProperty("cue.complaint"), "");
        this.praiseCue = pattern(texts.getProperty("cue.praise"), "");
    }

    /** Whether a mention in this language tells of trouble ("toujours pas arrivée", "immer noch nicht"). */
    boolean complains(String mention) {
        return complaintCue.matcher(mention).find();
    }

    /** Whether a mention in this language thanks or praises ("merci", "perfekt"). */
    boolean praises(String mention) {
        return praiseCue.matcher(mention).find();
    }

    /** Whether drafts can be written in this language (ISO 639-1). */
    static boolean drafted(String code) {
        return code != null && DRAFTED.contains(code);
    }

    /** The phrasebook of a drafted language. */
    static ReplyLanguage of(String code) {
        if (!drafted(code)) {
            throw new IllegalArgumentException("drafts are not written in '" + code + "'; they are in " + DRAFTED);
        }
        return LOADED.computeIfAbsent(code, ReplyLanguage::load);
    }

    static ReplyLanguage english() {
        return of("en");
    }

    String code() {
        return code;
    }

    boolean isEnglish() {
        return code.equals("en");
    }

    /** "Spanish" for es: for the notices people read. */
    String name() {
        return org.earshot.reading.Languages.name(code);
    }

    /** The built-in template of this name in this language; empty for English (its own live in ReplyTemplates). */
    Optional<String> template(String key) {
        return Optional.ofNullable(texts.getProperty("template." + key));
    }

    /** Every built-in template's text, for the typo check's known words. */
    List<String> templates() {
        List<String> out = new ArrayList<>();
        texts.stringPropertyNames().stream().filter(k -> k.startsWith("template.")).sorted()
                .forEach(k -> out.add(texts.getProperty(k)));
        return out;
    }

    String signOff() {
        return texts.getProperty("signOff");
    }

    String askWhenUnclear() {
        return texts.getProperty("askWhenUnclear");
    }

    /** What a reply promises once the service level has run out, in place of "within 24 hours": "as soon as I can today". */
    String lateHearBack() {
        return texts.getProperty("hearBack.late", "as soon as I can today");
    }

    /** "If anyone is hurt or in danger, ..." in this language. */
    String safetyFirst() {
        return texts.getProperty("safety");
    }

    /** The greeting line of a letter: "Bonjour Marie," or, without a name, "Bonjour,". */
    String mailGreeting(String name) {
        return name == null || name.isBlank() ? texts.getProperty("mailGreetingNoName")
                : texts.getProperty("mailGreeting").replace("{name}", name);
    }

    /** Whether the text starts with a greeting of this language ("Bonjour", "Guten Tag", "Olá"). */
    boolean greets(String text) {
        return greeting.matcher(text.strip()).lookingAt();
    }

    /** Where the greeting ends, with the name and the mark after it ("Hola, María. ", "Bonjour Marie, "), or 0. */
    int greetingEnd(String text, String name) {
        String named = name == null || name.isBlank() ? "" : "(?:,?\\s+" + Pattern.quote(name) + ")?";
        Matcher m = Pattern.compile(greeting.pattern() + named + "\\s*[,:!.]?\\s*", greeting.flags()).matcher(text);
        return m.lookingAt() ? m.end() : 0;
    }

    /** The stock phrases of this language, lower case ("votre appel est important pour nous"). */
    List<String> stockPhrases() {
        return stock;
    }

    /** "sí", "oui", "ja", "sim": a reply of four words or fewer that starts with one is a bare answer. */
    Set<String> bareAnswers() {
        return bareAnswers;
    }

    /** Whether this sentence ends a reply on a positive or forward-looking note, in this language. */
    boolean forwardLooking(String sentence) {
        return forward.matcher(sentence.toLowerCase(Locale.ROOT)).find();
    }

    /** Whether the text says the team will come back in this language ("vous aurez de mes nouvelles"). */
    boolean promisesToComeBack(String text) {
        return followUp.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    /** The time a sentence that promises to come back names ("sous 24 heures"), in this language. */
    Optional<Duration> promisedTime(String sentence) {
        Matcher m = within.matcher(sentence.toLowerCase(Locale.ROOT));
        if (!m.find()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2);
        for (String[] u : new String[][] {{"minute", "m"}, {"hour", "h"}, {"day", "d"}, {"week", "w"}}) {
            for (String form : list(texts.getProperty("unit." + u[0]))) {
                if (form.toLowerCase(Locale.ROOT).equals(unit)) {
                    return Optional.of(switch (u[1]) {
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        case "d" -> Duration.ofDays(n);
                        default -> Duration.ofDays(7 * n);
                    });
                }
            }
        }
        return Optional.empty();
    }

    /** "24 horas", "2 jours", "30 Minuten", "1 hora": a duration as a person says it in this language. */
    String spoken(Duration d) {
        long minutes = d.toMinutes();
        if (minutes % (24 * 60) == 0 && minutes >= 48 * 60) {
            return count(minutes / (24 * 60), "day");
        }
        if (minutes % 60 == 0 && minutes > 0) {
            return count(minutes / 60, "hour");
        }
        return count(Math.max(1, minutes), "minute");
    }

    private String count(long n, String unit) {
        List<String> forms = list(texts.getProperty("unit." + unit));
        return n + " " + (n == 1 ? forms.get(0) : forms.get(1));
    }

    /** "mi" → "su", "mon" → "votre": the person's possessive as the reply says it; empty when it cannot be turned. */
    Optional<String> turnedPossessive(String word) {
        return Optional.ofNullable(possessives.get(word.toLowerCase(Locale.ROOT)));
    }

    /** Where this language's word list is read from at run time (a Debian package's), or null (English ships its own). */
    String wordList() {
        return texts.getProperty("wordList");
    }

    /** The Debian package that installs the word list ("wfrench"). */
    String wordListPackage() {
        return texts.getProperty("wordListPackage", "");
    }

    /** Endings a known word may carry, each with what replaces it ("amos>ar": "lamentamos" is "lamentar"). */
    List<String[]> endings() {
        List<String[]> out = new ArrayList<>();
        for (String pair : list(texts.getProperty("endings"))) {
            String[] p = pair.split(">", -1);
            out.add(new String[] {p[0], p.length > 1 ? p[1] : ""});
        }
        return out;
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Pattern pattern(String regex, String anchor) {
        return regex == null || regex.isBlank() ? NOTHING
                : Pattern.compile(anchor + "(?:" + regex + ")", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static ReplyLanguage load(String code) {
        String resource = "/reply/languages/" + code + ".properties";
        try (InputStream in = ReplyLanguage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the phrasebook " + resource + " is missing from the jar");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new ReplyLanguage(code, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
