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
        boolean allGood = true;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        try {
            long lineNo = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String problem = null;
                try {
                    MentionLine mention = MentionLine.parse(JSON.readTree(line), now);
                    ObjectNode result = answer.apply(mention);
                    writer.write(JSON.writeValueAsString(result));
                    writer.write('\n');
                } catch (JsonProcessingException e) {
                    problem = "not JSON: " + firstLine(e.getOriginalMessage());
                } catch (MentionLine.BadLine e) {
                    problem = e.getMessage();
                } catch (RuntimeException e) {
                    problem = "could not be processed: " + e;
                }
                if (problem != null) {
                    allGood = false;
                    err.println("line " + lineNo + ": " + problem);
                }
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return allGood ? 0 : 1;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
