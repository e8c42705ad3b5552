package org.earshot.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.earshot.store.AuditLog;

/**
 * The audit log as the API shows it: {@code GET /api/tasks/{id}/audit} as JSON, {@code GET /api/audit.csv}
 * (all of it, or {@code ?task=ID}) as CSV for a spreadsheet. A cell that a spreadsheet would run as a
 * formula (it starts with =, +, - or @, and customers' words do) is written with a leading apostrophe.
 */
final class AuditExport {
    /** The CSV of the whole log stops at the newest this many entries. */
    static final int MAX_ROWS = 100_000;
    private static final String HEADER = "at,task_id,actor,action,detail\r\n";

    private AuditExport() {
    }

    static void sendJson(HttpExchange exchange, List<AuditLog.Entry> entries) throws IOException {
        JsonExchange.send(exchange, 200, Map.of("audit", entries));
    }

    static void sendCsv(HttpExchange exchange, List<AuditLog.Entry> entries) throws IOException {
        byte[] body = csv(entries).getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "text/csv; charset=utf-8");
        headers.set("Content-Disposition", "attachment; filename=\"earshot-audit.csv\"");
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static String csv(List<AuditLog.Entry> entries) {
        StringBuilder b = new StringBuilder(HEADER);
        for (AuditLog.Entry e : entries) {
            b.append(e.at()).append(',')
                    .append(e.taskId() == null ? "" : e.taskId()).append(',')
                    .append(cell(e.actor())).append(',')
                    .append(cell(e.action())).append(',')
                    .append(cell(e.detail())).append("\r\n");
        }
        return b.toString();
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break, quotes doubled; formulas defused. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
