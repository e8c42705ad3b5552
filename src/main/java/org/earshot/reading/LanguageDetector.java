package org.earshot.reading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * The language of a mention, as an ISO 639-1 code ("en", "es"), by Apache OpenNLP's language detector
 * (its 103-language model, {@code opennlp-models-langdetect}, Apache 2.0).
 *
 * <p>Mentions are short, and on a tweet a detector that may answer any of 103 languages often picks a
 * rare one ("my flight is late" as Tagalog). So the configured languages are preferred: the answer is
 * the likeliest of them, unless the text is long enough to be sure and another language is far
 * likelier. Handles, links, hashtags' signs and digits are not read. A text with too few letters to
 * tell is in the first configured language. Thread-safe; load one per process (about half a second).
 */
public final class LanguageDetector {
    private static final String MODEL = "/langdetect-183.bin";
    private static final Pattern NOT_WORDS = Pattern.compile("(?U)https?://\\S+|www\\.\\S+|[@#][\\w.]+|[^\\p{L}\\s']+");
    /** Fewer letters than this say nothing about a language. */
    private static final int TOO_FEW_LETTERS = 8;
    /** From this many letters on, another language far likelier than the configured ones is believed. */
    private static final int SURE_LETTERS = 40;
    private static final double FAR_LIKELIER = 3;
    private static final Map<String, String> TWO_LETTER = twoLetterCodes();

    /** Texts whose model answer is kept: retweets and repeated complaints are read by the model once. */
    static final int REMEMBERED = 8_192;

    private final LanguageDetectorModel model;
    private final Languages configured;
    private final java.util.concurrent.ConcurrentHashMap<String, String> answered =
            new java.util.concurrent.ConcurrentHashMap<>();

    private LanguageDetector(LanguageDetectorModel model, Languages configured) {
        this.model = model;
        this.configured = configured;
    }

    /** Reads the languages given; the model is read once per process, on the first call. */
    public static LanguageDetector load(Languages configured) {
        return new LanguageDetector(Model.SHARED, configured);
    }

    /** The model, read when first needed. */
    private static final class Model {
        static final LanguageDetectorModel SHARED = read();
    }

    private static LanguageDetectorModel read() {
        try (InputStream in = LanguageDetector.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP's language model " + MODEL + " is not on the class path");
            }
            return new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read OpenNLP's language model", e);
        }
    }

    public Languages configured() {
        return configured;
    }

    /** The text's language, two letters (or the model's three where ISO 639-1 has none). */
    public String detect(String text) {
        String words = NOT_WORDS.matcher(text == null ? "" : text).replaceAll(" ").strip();
        long letters = words.codePoints().filter(Character::isLetter).count();
        if (letters < TOO_FEW_LETTERS) {
            return configured.first();
        }
        String lower = words.toLowerCase(Locale.ROOT);
        if (configured.contains("en") && PlainEnglish.isPlainlyEnglish(lower)) {
            return "en";
        }
        String known = answered.get(lower);
        if (known != null) {
            return known;
        }
        String language = byModel(lower, letters);
        if (answered.size() >= REMEMBERED) {
            // Bounded: a long stream of distinct texts starts over rather than growing the map.
            answered.clear();
        }
        answered.put(lower, language);
        return language;
    }

    /** The model's answer, without the plain-English shortcut: for the test that checks the shortcut agrees. */
    String detectByModel(String text) {
        String words = NOT_WORDS.matcher(text == null ? "" : text).replaceAll(" ").strip();
        long letters = words.codePoints().filter(Character::isLetter).count();
        if (letters < TOO_FEW_LETTERS) {
            return configured.first();
        }
        return byModel(words.toLowerCase(Locale.ROOT), letters);
    }

    private String byModel(String lower, long letters) {
        // LanguageDetectorME keeps no state between calls but is cheap to make: one per call stays thread-safe.
        Language[] ranked = new LanguageDetectorME(model).predictLanguages(lower);
        Language bestConfigured = null;
        for (Language l : ranked) {
            if (configured.contains(code(l))) {
                bestConfigured = l;
                break;
            }
        }
        Language best = ranked[0];
        if (bestConfigured == null) {
            return code(best);
        }
        if (best != bestConfigured && letters >= SURE_LETTERS
                && best.getConfidence() > FAR_LIKELIER * bestConfigured.getConfidence()) {
            return code(best);
        }
        return code(bestConfigured);
    }

    private static String code(Language l) {
        return TWO_LETTER.getOrDefault(l.getLang(), l.getLang());
    }

    private static Map<String, String> twoLetterCodes() {
        Map<String, String> out = new HashMap<>();
        for (String two : Locale.getISOLanguages()) {
            try {
                out.put(Locale.forLanguageTag(two).getISO3Language(), two);
            } catch (java.util.MissingResourceException e) {
                // a code without a three-letter form: never an answer of the model
            }
        }
        // The model's own codes where they differ from Java's: Chinese and Persian variants.
        for (String[] pair : List.of(new String[] {"cmn", "zh"}, new String[] {"pes", "fa"})) {
            out.put(pair[0], pair[1]);
        }
        return out;
    }
}
