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

    /**
     * Structures read lately, by language and text: a mention's structure is read when its task opens
     * with the lexicon's scores and again, seconds later, when the model-scoring job drafts it anew;
     * tagging is most of a draft's time (62 % of a burst's CPU before this). Cleared past the limit.
     */
    static final int REMEMBERED = 20_000;

    /** Each language's models, loaded once; OpenNLP's models are thread-safe, its taggers are not. */
    private final Map<String, Models> models = new ConcurrentHashMap<>();
    /** Each thread's taggers over those models, so intake and the model-scoring job tag at the same time. */
    private final Map<String, ThreadLocal<Pipeline>> pipelines = new ConcurrentHashMap<>();
    private final Map<String, Structure> remembered = new ConcurrentHashMap<>();

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
        String key = lang + '\u0000' + text;
        Structure known = remembered.get(key);
        if (known != null) {
            return known;
        }
        Structure read = pipelines.computeIfAbsent(lang, l -> ThreadLocal.withInitial(
                () -> models.computeIfAbsent(l, Models::load).pipeline())).get().read(text);
        if (remembered.size() >= REMEMBERED) {
            remembered.clear();
        }
        remembered.put(key, read);
        return read;
    }

    /** One language's models (null where it has none), shared by every thread. */
    private record Models(String language, SentenceModel sentences, TokenizerModel tokens, POSModel tags,
                          LemmatizerModel lemmas) {
        static Models load(String language) {
            String bank = TREEBANK.get(language);
            if (bank == null) {
                return new Models(language, null, null, null, null);
            }
            try {
                InputStream s = model(bank, "sentence");
                InputStream t = model(bank, "tokens");
                InputStream pos = model(bank, "pos");
                InputStream lem = model(bank, "lemmas");
                return new Models(language, s == null ? null : new SentenceModel(s),
                        t == null ? null : new TokenizerModel(t), pos == null ? null : new POSModel(pos),
                        lem == null ? null : new LemmatizerModel(lem));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the OpenNLP models for " + language, e);
            }
        }

        private static InputStream model(String bank, String kind) {
            return StructureReader.class.getResourceAsStream("/opennlp-" + bank + "-" + kind + "-" + MODEL_VERSION + ".bin");
        }

        /** Taggers over these models for one thread. */
        Pipeline pipeline() {
            ThreadLocal<LemmatizerME> lemmatizers = lemmas == null ? null : LEMMATIZERS.computeIfAbsent(lemmas,
                    m -> ThreadLocal.withInitial(() -> new LemmatizerME(m)));
            return new Pipeline(language, sentences == null ? null : new SentenceDetectorME(sentences),
                    tokens == null ? SimpleTokenizer.INSTANCE : new TokenizerME(tokens),
                    tags == null ? null : new POSTaggerME(tags, POSTagFormat.UD),
                    lemmas == null ? null : lemmatizers::get);
        }

        /** The lemmatizer of whichever thread first reads a lemma of a sentence (the structure may be remembered and read by another). */
        private static final Map<LemmatizerModel, ThreadLocal<LemmatizerME>> LEMMATIZERS = new ConcurrentHashMap<>();
    }

    /**
     * A sentence's lemmas, worked out when the first is asked for (by the thread asking, with its own
     * lemmatizer), then kept. Without a lemmatizer a word's lemma is its lower-cased form.
     */
    private static final class SentenceLemmas {
        private final String[] words;
        private final String[] tags;
        private final java.util.function.Supplier<LemmatizerME> lemmatizer;
        private volatile String[] lemmas;

        SentenceLemmas(String[] words, String[] tags, java.util.function.Supplier<LemmatizerME> lemmatizer) {
            this.words = words;
            this.tags = tags;
            this.lemmatizer = lemmatizer;
        }

        String of(int i) {
            String[] l = lemmas;
            if (l == null) {
                synchronized (this) {
                    if (lemmas == null) {
                        String[] read = tags == null || lemmatizer == null ? null : lemmatizer.get().lemmatize(words, tags);
                        String[] out = new String[words.length];
                        for (int w = 0; w < words.length; w++) {
                            String lemma = read == null || read[w] == null || read[w].equals("O") ? words[w] : read[w];
                            out[w] = lemma.toLowerCase(Locale.ROOT);
                        }
                        lemmas = out;
                    }
                    l = lemmas;
                }
            }
            return l[i];
        }
    }

    /** One language's taggers, used by one thread (OpenNLP's are not thread-safe). */
    private record Pipeline(String language, SentenceDetectorME sentences, Tokenizer tokens, POSTaggerME tags,
                            java.util.function.Supplier<LemmatizerME> lemmatizer) {

        Structure read(String text) {
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
            // A typographic apostrophe ("can’t", "I’ve") reads as the plain one: the models learnt on plain
            // ones and tag "can’t" as punctuation otherwise. Same length, so every offset holds.
            String plain = masked.toString().replace('\u2019', '\'');
            Span[] spans = tokens.tokenizePos(plain);
            String[] words = new String[spans.length];
            String[] read = new String[spans.length];
            for (int i = 0; i < spans.length; i++) {
                words[i] = spans[i].getCoveredText(sentence).toString();
                read[i] = spans[i].getCoveredText(plain).toString();
            }
            String[] tagged = tags == null ? null : tags.tag(read);
            SentenceLemmas lemmaOf = new SentenceLemmas(read, tagged, tagged == null ? null : lemmatizer);
            List<Structure.Word> out = new ArrayList<>();
            for (int i = 0; i < words.length; i++) {
                String tag = tagged == null ? "X" : tagged[i];
                int at = i;
                out.add(new Structure.Word(words[i], tag, () -> lemmaOf.of(at), offset + spans[i].getStart()));
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
