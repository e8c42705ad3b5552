package org.earshot.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;

/** Runs a filter command through picocli with in-memory stdin, stdout and stderr. */
record FilterRun(int exitCode, List<String> out, List<String> err) {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    record Streams(ByteArrayInputStream in, ByteArrayOutputStream out, PrintStream err, Clock clock) {
    }

    static FilterRun of(Function<Streams, Callable<Integer>> command, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        Callable<Integer> c = command.apply(new Streams(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, errStream, CLOCK));
        int code = new CommandLine(c).execute(args);
        return new FilterRun(code, lines(out), lines(err));
    }

    private static List<String> lines(ByteArrayOutputStream bytes) {
        String s = bytes.toString(StandardCharsets.UTF_8);
        return s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }
}
