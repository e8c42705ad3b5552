package org.earshot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads JSON Lines, one mention a line, and writes one JSON line per good input line, streaming in
 * constant memory. A bad line gets one message on stderr ("line 3: not JSON: ...") and no output; the
 * rest goes on. Blank lines are skipped. Returns exit code 0 if every line was good, 1 if any was bad.
 */
final class JsonLinesFilter {
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final InputStream in;
    private final OutputStream out;
    private final PrintStream err;

    JsonLinesFilter(InputStream in, OutputStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    int run(Instant now, Function<MentionLine, ObjectNode> answer) {
        return run(now, answer, 1);
    }

    /**
     * The same, with {@code workers} threads answering batches of lines side by side; the output and the
     * messages come in the input's order, byte for byte as with one thread, and at most a few batches are
     * held at once (constant memory). {@code answer} must be thread-safe when {@code workers} &gt; 1.
     */
    int run(Instant now, Function<MentionLine, ObjectNode> answer, int workers) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        boolean allGood = true;
        java.util.concurrent.ExecutorService pool = workers > 1
                ? java.util.concurrent.Executors.newFixedThreadPool(workers, r -> {
                    Thread t = new Thread(r, "score-filter");
                    t.setDaemon(true);
                    return t;
                })
                : null;
        java.util.ArrayDeque<java.util.concurrent.Future<Batch>> pending = new java.util.ArrayDeque<>();
        try {
            long lineNo = 0;
            List<String> lines = new ArrayList<>(BATCH);
            long first = 1;
            for (String line = reader.readLine(); ; line = reader.readLine()) {
                if (line != null) {
                    lines.add(line);
                    lineNo++;
                }
                if (lines.size() == BATCH || (line == null && !lines.isEmpty())) {
                    List<String> batch = lines;
                    long from = first;
                    if (pool == null) {
                        allGood &= answer(batch, from, now, answer).writeTo(writer, err);
                    } else {
                        pending.add(pool.submit(() -> answer(batch, from, now, answer)));
                        if (pending.size() > 2 * workers) {
                            allGood &= pending.remove().get().writeTo(writer, err);
                        }
                    }
                    lines = new ArrayList<>(BATCH);
                    first = lineNo + 1;
                }
                if (line == null) {
                    break;
                }
            }
            while (!pending.isEmpty()) {
                allGood &= pending.remove().get().writeTo(writer, err);
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return allGood ? 0 : 1;
    }

    private static final int BATCH = 256;

    /** One batch's answers: the output text, and the messages for its bad lines, in order. */
    private record Batch(String output, List<String> problems) {
        boolean writeTo(BufferedWriter writer, PrintStream err) throws IOException {
            writer.write(output);
            problems.forEach(err::println);
            return problems.isEmpty();
        }
    }

    private static Batch answer(List<String> lines, long firstLineNo, Instant now,
                                Function<MentionLine, ObjectNode> answer) {
        StringBuilder output = new StringBuilder(lines.size() * 256);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String problem = null;
            try {
                MentionLine mention = MentionLine.parse(JSON.readTree(line), now);
                ObjectNode result = answer.apply(mention);
                output.append(JSON.writeValueAsString(result)).append('\n');
            } catch (JsonProcessingException e) {
                problem = "not JSON: " + firstLine(e.getOriginalMessage());
            } catch (MentionLine.BadLine e) {
                problem = e.getMessage();
            } catch (RuntimeException e) {
                problem = "could not be processed: " + e;
            }
            if (problem != null) {
                problems.add("line " + (firstLineNo + i) + ": " + problem);
            }
        }
        return new Batch(output.toString(), problems);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
