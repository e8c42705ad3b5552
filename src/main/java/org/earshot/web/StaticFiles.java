package org.earshot.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The queue page's files, read once from the classpath ({@code /web/}) so they work from the jar.
 * Only the listed files are served: no path from a request ever reaches the classpath lookup.
 */
final class StaticFiles implements HttpHandler {
    /** The page runs only its own script and style; a mention that slipped through as HTML could run nothing. */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self';"
                    + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final java.util.regex.Pattern TASK_LINK = java.util.regex.Pattern.compile("/tasks/[0-9]{1,18}");

    private record File(byte[] body, String contentType) {
    }

    private final Map<String, File> files;

    StaticFiles() {
        File index = load("index.html", "text/html; charset=utf-8");
        this.files = Map.ofEntries(
                Map.entry("/inbox.html", load("inbox.html", "text/html; charset=utf-8")),
                Map.entry("/inbox.js", load("inbox.js", "text/javascript; charset=utf-8")),
                Map.entry("/inbox.css", load("inbox.css", "text/css; charset=utf-8")),
                Map.entry("/reports.html", load("reports.html", "text/html; charset=utf-8")),
                Map.entry("/reports.js", load("reports.js", "text/javascript; charset=utf-8")),
                // ECharts as its webjar ships it, from the jar: the reports page needs no CDN.
                Map.entry("/vendor/echarts.min.js", loadPath("/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js",
                        "text/javascript; charset=utf-8")),
                Map.entry("/", index),
                Map.entry("/index.html", index),
                Map.entry("/queue.js", load("queue.js", "text/javascript; charset=utf-8")),
                Map.entry("/blocked.js", load("blocked.js", "text/javascript; charset=utf-8")),
                Map.entry("/quarantine.js", load("quarantine.js", "text/javascript; charset=utf-8")),
                Map.entry("/queue.css", load("queue.css", "text/css; charset=utf-8")),
                Map.entry("/login", load("login.html", "text/html; charset=utf-8")),
                Map.entry("/login.js", load("login.js", "text/javascript; charset=utf-8")),
                Map.entry("/audit.js", load("audit.js", "text/javascript; charset=utf-8")));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            // A deep link (a Slack alert's "open task") is the queue page, which opens that task.
            File file = TASK_LINK.matcher(path).matches() ? files.get("/") : files.get(path);
            if (file == null) {
                JsonExchange.sendError(exchange, 404, "not found: " + exchange.getRequestURI().getPath());
                return;
            }
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                JsonExchange.sendError(exchange, 405, method + " is not allowed here; use GET");
                return;
            }
            var headers = exchange.getResponseHeaders();
            headers.set("Content-Type", file.contentType());
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Cache-Control", "no-cache");
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, file.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(file.body());
            }
        } finally {
            exchange.close();
        }
    }

    private static File load(String name, String contentType) {
        return loadPath("/web/" + name, contentType);
    }

    private static File loadPath(String path, String contentType) {
        try (InputStream in = StaticFiles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the queue page's file " + path.substring(1) + " is missing from the classpath");
            }
            return new File(in.readAllBytes(), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
