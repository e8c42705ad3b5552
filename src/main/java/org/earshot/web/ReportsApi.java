package org.earshot.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.earshot.task.Reports;

/**
 * {@code GET /api/reports?brand=acme&from=2026-11-01&to=2026-11-30} (days in UTC, both included; the last
 * 30 days by default, every brand when none is named) answers all four reports as JSON;
 * {@code GET /api/reports/{mentions-per-day|mood-per-day|service-levels|top-problems}.csv} one as CSV.
 * {@link TaskApi} routes here, so the token and the errors are the task API's.
 */
final class ReportsApi {
    private static final int MAX_DAYS = 366;
    private final Reports reports;

    ReportsApi(Reports reports) {
        this.reports = reports;
    }

    /** @param parts the path after {@code /api/reports} */
    void route(HttpExchange exchange, String method, List<String> parts, Map<String, String> params) throws IOException {
        TaskApi.allow(method, "GET");
        Reports.Period period = period(params);
        if (parts.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("brand", period.brand());
            body.put("from", period.from());
            body.put("to", period.to());
            body.put("mentionsPerDay", reports.mentionsPerDay(period));
            body.put("moodPerDay", reports.moodPerDay(period));
            body.put("serviceLevels", reports.serviceLevels(period));
            body.put("topProblems", reports.topProblems(period));
            JsonExchange.send(exchange, 200, body);
            return;
        }
        String csv = switch (parts.size() == 1 ? parts.get(0) : "") {
            case "mentions-per-day.csv" -> csv(List.of("day", "channel", "mentions"), reports.mentionsPerDay(period),
                    r -> List.of(r.day(), r.channel(), r.mentions()));
            case "mood-per-day.csv" -> csv(List.of("day", "tasks", "negative_share", "mean_urgency", "high", "critical"),
                    reports.moodPerDay(period), r -> List.of(r.day(), r.tasks(), round(r.negativeShare()),
                            round(r.meanUrgency()), r.high(), r.critical()));
            case "service-levels.csv" -> csv(List.of("channel", "tasks", "answered", "first_response_median_min",
                            "first_response_p90_min", "first_response_target_min", "first_response_within_target",
                            "resolved", "resolution_median_min", "resolution_target_min", "resolution_within_target"),
                    reports.serviceLevels(period), r -> List.of(r.channel(), r.tasks(), r.answered(),
                            blank(r.firstResponseMedianMinutes()), blank(r.firstResponseP90Minutes()),
                            r.firstResponseTargetMinutes(), blank(r.firstResponseWithinTarget()), r.resolved(),
                            blank(r.resolutionMedianMinutes()), r.resolutionTargetMinutes(),
                            blank(r.resolutionWithinTarget())));
            case "top-problems.csv" -> csv(List.of("phrase", "mentions", "example_task"), reports.topProblems(period),
                    r -> List.of(r.phrase(), r.mentions(), r.exampleTaskId()));
            default -> throw new HttpError(404, "no such report: " + exchange.getRequestURI().getPath()
                    + "; there are mentions-per-day.csv, mood-per-day.csv, service-levels.csv and top-problems.csv");
        };
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/csv; charset=utf-8");
        exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + parts.get(0) + "\"");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static Reports.Period period(Map<String, String> params) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate to = date(params.get("to"), "to", today);
        LocalDate from = date(params.get("from"), "from", to.minusDays(29));
        if (from.isAfter(to)) {
            throw new HttpError(400, "from (" + from + ") is after to (" + to + ")");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new HttpError(400, "a report covers at most " + MAX_DAYS + " days");
        }
        String brand = params.get("brand");
        return new Reports.Period(brand == null || brand.isBlank() ? null : brand.strip(),
                from.atStartOfDay(ZoneOffset.UTC).toInstant(), to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static LocalDate date(String raw, String param, LocalDate absent) {
        if (raw == null || raw.isBlank()) {
            return absent;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new HttpError(400, param + " must be a day like 2026-11-30, but was '" + raw + "'");
        }
    }

    private static Object blank(Object value) {
        return value == null ? "" : value instanceof Double d ? round(d) : value;
    }

    private static String round(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }

    private static <T> String csv(List<String> header, List<T> rows, Function<T, List<Object>> fields) {
        StringBuilder out = new StringBuilder(String.join(",", header)).append("\r\n");
        for (T row : rows) {
            out.append(fields.apply(row).stream().map(f -> field(String.valueOf(f))).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return out.toString();
    }

    /**
     * One CSV field, quoted when it must be; text that a spreadsheet would run as a formula (a phrase taken
     * from a mention that starts with "=", "+", "-" or "@") gets a leading apostrophe.
     */
    static String field(String value) {
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.]+")
                ? "'" + value : value;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
