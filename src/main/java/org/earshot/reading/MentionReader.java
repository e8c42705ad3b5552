package org.earshot.reading;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.earshot.scoring.AnalysedText;
import org.earshot.scoring.MentionAnalyzer;
import org.earshot.scoring.MentionScorer;
import org.earshot.scoring.NegativityModel;
import org.earshot.scoring.SeenProblem;

/**
 * Reads each mention once ({@link MentionReading}): its language, the lexicon's analysis, and its
 * embedding from the learned model, worked out when first needed or read ahead for a whole poll by
 * {@link #readAhead} (the model spreads a list over the cores, off the poll's transaction). Thread-safe.
 */
public final class MentionReader {
    private static final int READ_AHEAD_LIMIT = 20_000;
    private static final java.util.regex.Pattern HANDLES_AND_LINKS =
            java.util.regex.Pattern.compile("(?U)(?<![\\w.])@[\\w.]+|https?://\\S+|www\\.\\S+");

    private final LanguageDetector languages;
    private final MentionAnalyzer analyzer = MentionAnalyzer.standard();
    private final NegativityModel model;
    private final IntentExamples intents;
    private final ProblemExamples problems;
    private final ConcurrentHashMap<String, float[]> readAhead = new ConcurrentHashMap<>();
    private final int maxChars;

    /**
     * @param model   the learned model whose embeddings the reading keeps, or null (the lexicon alone)
     * @param intents the intent examples a mention is compared with, or null (the drafter's rules alone)
     */
    public MentionReader(LanguageDetector languages, NegativityModel model, IntentExamples intents) {
        this(languages, model, intents, AnalysedText.DEFAULT_MAX_CHARS);
    }

    /** @param maxChars how much of a text is read: a longer one is read on its start ({@link AnalysedText}) */
    public MentionReader(LanguageDetector languages, NegativityModel model, IntentExamples intents, int maxChars) {
        this.languages = languages;
        this.model = model;
        this.intents = model == null ? null : intents;
        this.problems = model == null ? null : ProblemExamples.load(model);
        this.maxChars = maxChars;
    }

    /** The shipped intent examples. */
    public MentionReader(LanguageDetector languages, NegativityModel model) {
        this(languages, model, model == null ? null : IntentExamples.load(model, null));
    }

    /** The default languages, and the scorer's model (null: the lexicon alone). */
    public static MentionReader standard(NegativityModel model) {
        return new MentionReader(LanguageDetector.load(Languages.DEFAULT), model);
    }

    /** The same, reading at most {@code maxChars} of each text. */
    public static MentionReader standard(NegativityModel model, int maxChars) {
        return new MentionReader(LanguageDetector.load(Languages.DEFAULT), model,
                model == null ? null : IntentExamples.load(model, null), maxChars);
    }

    /** The learned model's negativity for the reading, NaN when there is no model or it could not read. */
    public double learnedNegativity(MentionReading reading) {
        if (model == null) {
            return Double.NaN;
        }
        return reading.embedding().vector().map(model::negativity).orElse(Double.NaN);
    }

    public NegativityModel model() {
        return model;
    }

    public Languages configured() {
        return languages.configured();
    }

    public MentionReading read(String subject, String text) {
        return read(subject, text, true);
    }

    /**
     * The reading without the learned model (no embedding, no intent from examples): what a poll stores a
     * mention with at once, before the model-scoring job reads it with {@link #read}.
     */
    public MentionReading readWithoutModel(String subject, String text) {
        return read(subject, text, false);
    }

    private MentionReading read(String subject, String text, boolean withModel) {
        String analysed = AnalysedText.of(MentionScorer.textOf(subject, text), maxChars).text();
        String language = languages.detect(analysed);
        Embedding embedding = Embedding.NONE;
        if (model != null && withModel) {
            // Only the model reads the embedded text: without one, making it is wasted work.
            String embedded = embedded(analysed);
            float[] ahead = readAhead.remove(embedded);
            embedding = ahead != null ? Embedding.of(ahead) : Embedding.lazy(() -> model.embedding(embedded));
        }
        java.util.Optional<IntentGuess> intent = intents == null ? java.util.Optional.empty()
                : embedding.vector().flatMap(intents::guess);
        java.util.Optional<SeenProblem> problem = problems == null ? java.util.Optional.empty()
                : embedding.vector().flatMap(v -> problems.guess(v, analysed));
        return new MentionReading(language, languages.configured().contains(language), analysed, embedding,
                analyzer.analyze(analysed), intent, problem);
    }

    /**
     * The text the model reads: without @handles and links, which say nothing of what the person
     * wants and, in a short reply ("@SpotifyCares brazil"), would outweigh what they said.
     */
    static String embedded(String analysed) {
        String t = HANDLES_AND_LINKS.matcher(analysed).replaceAll(" ").replaceAll("\\s+", " ").strip();
        return t.isEmpty() ? analysed : t;
    }

    /**
     * The embeddings of texts (as {@link MentionScorer#textOf(String, String)} makes them) exactly as
     * {@link #read} would embed them, in order; null where the model could not read, and all null
     * without a model. What a brand's head is refitted from, so it reads the vectors triage reads.
     */
    public List<float[]> embeddings(List<String> texts) {
        if (model == null) {
            return java.util.Collections.nCopies(texts.size(), null);
        }
        return model.embeddings(texts.stream().map(t -> embedded(AnalysedText.of(t, maxChars).text())).toList());
    }

    /**
     * Embeds texts about to be read (as {@link MentionScorer#textOf(String, String)} makes them), as one
     * batch, so that {@link #read} finds them done. Nothing happens without a model.
     */
    public void readAhead(List<String> texts) {
        if (model == null || texts.isEmpty()) {
            return;
        }
        if (readAhead.size() > READ_AHEAD_LIMIT) {
            // Texts read ahead but never read (duplicates, other brands' mentions) must not pile up.
            readAhead.clear();
        }
        List<String> distinct = texts.stream().map(t -> embedded(AnalysedText.of(t, maxChars).text())).distinct().filter(t -> !readAhead.containsKey(t)).toList();
        List<float[]> vectors = model.embeddings(distinct);
        for (int i = 0; i < vectors.size(); i++) {
            if (vectors.get(i) != null) {
                readAhead.put(distinct.get(i), vectors.get(i));
            }
        }
    }
}
