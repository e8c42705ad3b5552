package org.earshot.reading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.tokenize.Tokenizer;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Reads the {@link Structure} of a text with Apache OpenNLP's Universal Dependencies models, which ship
 * as jars on the class path: English and German (sentences, tokens, tags, lemmas), French (sentences
 * and tags; tokens by character class). Other languages get sentences split at end punctuation and
 * tokens by character class, untagged. @handles, #tags and links are kept whole and tagged {@code X},
 * out of the tagger's way. Models load on first use of their language; thread-safe.
 */
public final class StructureReader {
    private static final Pattern MARKUP = Pattern.compile("(?:https?://|www\\.)\\S+|[@#][\\p{L}\\p{N}_]+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+|\\n+");
    private static final Map<String, String> TREEBANK = Map.of("en", "en-ud-ewt", "de", "de-ud-gsd", "fr", "fr-ud-gsd");
    private static final String MODEL_VERSION = "1.3-2.5.4";

    private final Map<String, Pipeline> pipelines = new ConcurrentHashMap<>();

    /** The languages whose words get part-of-speech tags. */
    public static List<String> taggedLanguages() {
        return List.of("en", "de", "fr");
    }

    /** The structure of {@code text} read as {@code language} (an ISO 639-1 code; unknown codes read untagged). */
    public Structure read(String text, String language) {
        String lang = language == null ? "" : language.toLowerCase(Locale.ROOT);
        if (text == null || text.isBlank()) {
            return Structure.empty(lang);
        }
        Pipeline p = pipelines.computeIfAbsent(lang, Pipeline::load);
        return p.read(text);
    }

    /** One language's models, each used by one thread at a time (OpenNLP's are not thread-safe). */
    private record Pipeline(String language, SentenceDetectorME sentences, Tokenizer tokens, POSTaggerME tags,
                            LemmatizerME lemmas) {
        static Pipeline load(String language) {
            String bank = TREEBANK.get(language);
            if (bank == null) {
                return new Pipeline(language, null, SimpleTokenizer.INSTANCE, null, null);
            }
            try {
                InputStream s = model(bank, "sentence");
                InputStream t = model(bank, "tokens");
                InputStream pos = model(bank, "pos");
                InputStream lem = model(bank, "lemmas");
                return new Pipeline(language,
                        s == null ? null : new SentenceDetectorME(new SentenceModel(s)),
                        t == null ? SimpleTokenizer.INSTANCE : new TokenizerME(new TokenizerModel(t)),
                        pos == null ? null : new POSTaggerME(new POSModel(pos), POSTagFormat.UD),
                        lem == null ? null : new LemmatizerME(new LemmatizerModel(lem)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the OpenNLP models for " + language, e);
            }
        }

        private static InputStream model(String bank, String kind) {
            return StructureReader.class.getResourceAsStream("/opennlp-" + bank + "-" + kind + "-" + MODEL_VERSION + ".bin");
        }

        synchronized Structure read(String text) {
            List<Structure.Sentence> out = new ArrayList<>();
            for (Span span : sentenceSpans(text)) {
                String sentence = span.getCoveredText(text).toString();
                if (!sentence.isBlank()) {
                    out.add(sentence(sentence, span.getStart()));
                }
            }
            return new Structure(language, out, tags != null);
        }

        private Span[] sentenceSpans(String text) {
            List<Span> spans = new ArrayList<>();
            // Line breaks always end a sentence: posts and mails break lines where a thought ends.
            Matcher lines = Pattern.compile("[^\\n]+").matcher(text);
            while (lines.find()) {
                String line = lines.group();
                if (sentences != null) {
                    for (Span s : sentences.sentPosDetect(line)) {
                        spans.add(new Span(s.getStart() + lines.start(), s.getEnd() + lines.start()));
                    }
                } else {
                    int from = 0;
                    Matcher end = SENTENCE_END.matcher(line);
                    while (end.find()) {
                        spans.add(new Span(lines.start() + from, lines.start() + end.start()));
                        from = end.end();
                    }
                    spans.add(new Span(lines.start() + from, lines.end()));
                }
            }
            return spans.toArray(Span[]::new);
        }

        private Structure.Sentence sentence(String sentence, int offset) {
            List<int[]> markup = new ArrayList<>();
            StringBuilder masked = new StringBuilder(sentence);
            Matcher m = MARKUP.matcher(sentence);
            while (m.find()) {
                markup.add(new int[] {m.start(), m.end()});
                for (int i = m.start(); i < m.end(); i++) {
                    masked.setCharAt(i, ' ');
                }
            }
            Span[] spans = tokens.tokenizePos(masked.toString());
            String[] words = new String[spans.length];
            for (int i = 0; i < spans.length; i++) {
                words[i] = spans[i].getCoveredText(sentence).toString();
            }
            String[] tagged = tags == null ? null : tags.tag(words);
            String[] lemmaOf = tagged == null || lemmas == null ? null : lemmas.lemmatize(words, tagged);
            List<Structure.Word> out = new ArrayList<>();
            for (int i = 0; i < words.length; i++) {
                String tag = tagged == null ? "X" : tagged[i];
                String lemma = lemmaOf == null || lemmaOf[i] == null || lemmaOf[i].equals("O") ? words[i] : lemmaOf[i];
                out.add(new Structure.Word(words[i], tag, lemma.toLowerCase(Locale.ROOT), offset + spans[i].getStart()));
            }
            for (int[] mk : markup) {
                out.add(new Structure.Word(sentence.substring(mk[0], mk[1]), "X",
                        sentence.substring(mk[0], mk[1]).toLowerCase(Locale.ROOT), offset + mk[0]));
            }
            out.sort(Comparator.comparingInt(Structure.Word::start));
            return new Structure.Sentence(sentence, offset, out);
        }
    }
}
