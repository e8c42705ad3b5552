package org.earshot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.earshot.Wiring;
import org.earshot.store.Export;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export", description = {"Writes every task (with its mention) or the whole audit log to stdout,"
        + " oldest first, as CSV (a header row, RFC 4180 quoting) or JSON Lines. Works beside a running daemon."})
public final class ExportCommand implements Callable<Integer> {
    public enum What { tasks, audit }

    public enum Format { csv, jsonl }

    @Mixin
    ConfigOption config;

    @Parameters(index = "0", paramLabel = "tasks|audit", description = "What to export: ${COMPLETION-CANDIDATES}.")
    What what;

    @Option(names = "--format", defaultValue = "csv", description = "csv or jsonl (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> columns = what == What.tasks ? Export.TASK_COLUMNS : Export.AUDIT_COLUMNS;
        if (format == Format.csv) {
            out.println(String.join(",", columns));
        }
        Consumer<Map<String, Object>> write = format == Format.csv
                ? row -> out.println(String.join(",", row.values().stream().map(ExportCommand::csv).toList()))
                : row -> {
                    try {
                        out.println(JSON.writeValueAsString(row));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new UncheckedIOException(e);
                    }
                };
        try (Wiring office = Wiring.office(config.load(), Clock.systemUTC())) {
            Export export = office.export();
            if (what == What.tasks) {
                export.tasks(write);
            } else {
                export.audit(write);
            }
        }
        out.flush();
        return 0;
    }

    static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        return s.matches("(?s).*[\",\\r\\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
