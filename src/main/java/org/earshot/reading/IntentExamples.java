package org.earshot.reading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.earshot.scoring.NegativityModel;

/**
 * Intent from examples, not keyword lists: a mention takes the intent its {@value #NEIGHBOURS}
 * nearest examples (in the learned model's embedding space) vote for, each vote weighed by how near.
 * The examples ship in {@code reading/intent-examples.tsv}; a team adds its own from a file of the
 * same form ({@code intentExamples:} in the config). The examples are embedded once, on first use.
 * Without a model (or when it cannot read) there is no guess, and the drafter's rules decide.
 * Thread-safe.
 */
public final class IntentExamples {
    public static final Set<String> INTENTS = Set.of("complaint", "question", "purchase_intent", "feature_request",
            "praise", "spam", "abuse", "crisis", "press", "other");
    static final String SHIPPED = "/reading/intent-examples.tsv";
    static final int NEIGHBOURS = 5;
    /** Below this similarity the nearest example is too far to say anything. */
    static final double TOO_FAR = 0.78;

    private final NearestExamples<String> examples;

    private IntentExamples(List<NearestExamples.Example<String>> examples, NegativityModel model) {
        this.examples = new NearestExamples<>(examples, model);
    }

    /** The shipped examples, and the team's from {@code teamFile} (null: none). */
    public static IntentExamples load(NegativityModel model, Path teamFile) {
        List<NearestExamples.Example<String>> all = new ArrayList<>();
        try (InputStream in = IntentExamples.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + " is not in the jar");
            }
            all.addAll(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), SHIPPED));
            if (teamFile != null) {
                all.addAll(parse(Files.readString(teamFile), teamFile.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the intent examples", e);
        }
        return new IntentExamples(all, model);
    }

    static List<NearestExamples.Example<String>> parse(String text, String source) {
        return NearestExamples.parse(text, source, "intent", intent -> {
            if (!INTENTS.contains(intent)) {
                throw new IllegalArgumentException("'" + intent + "' is not an intent; use one of "
                        + new java.util.TreeSet<>(INTENTS));
            }
            return intent;
        });
    }

    public int size() {
        return examples.size();
    }

    /** The intent the nearest examples share, or empty without a model or when none is near. */
    public Optional<IntentGuess> guess(float[] embedding) {
        return examples.vote(embedding, TOO_FAR, NEIGHBOURS)
                .map(v -> new IntentGuess(v.label(), v.nearest(), v.similarity(), v.share()));
    }
}
