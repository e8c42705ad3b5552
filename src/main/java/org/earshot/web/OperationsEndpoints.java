package org.earshot.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a service manager and Prometheus ask, without a token (they carry none; bind the web queue to a
 * private address): {@code /health/live} answers 200 while the process serves at all;
 * {@code /health/ready} (and {@code /health}) answers 200 when no check is DOWN, 503 otherwise, with
 * every check in JSON; {@code /metrics} is Prometheus's text format.
 */
final class OperationsEndpoints {
    private final Supplier<List<ReadinessCheck>> readiness;
    private final Supplier<String> metrics;

    OperationsEndpoints(Supplier<List<ReadinessCheck>> readiness, Supplier<String> metrics) {
        this.readiness = readiness;
        this.metrics = metrics;
    }

    HttpHandler health() {
        return exchange -> {
            try (exchange) {
                if (!exchange.getRequestMethod().equals("GET")) {
                    JsonExchange.send(exchange, 405, Map.of("error", "only GET"));
                    return;
                }
                String path = exchange.getRequestURI().getPath();
                switch (path) {
                    case "/health/live" -> JsonExchange.send(exchange, 200, Map.of("status", "UP"));
                    case "/health", "/health/", "/health/ready" -> ready(exchange);
                    default -> JsonExchange.send(exchange, 404, Map.of("error", "no such health check: " + path));
                }
            }
        };
    }

    private void ready(HttpExchange exchange) throws IOException {
        List<ReadinessCheck> checks = readiness.get();
        boolean down = checks.stream().anyMatch(c -> c.status() == ReadinessCheck.Status.DOWN);
        boolean degraded = checks.stream().anyMatch(c -> c.status() == ReadinessCheck.Status.DEGRADED);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", down ? "DOWN" : degraded ? "DEGRADED" : "UP");
        body.put("checks", checks);
        JsonExchange.send(exchange, down ? 503 : 200, body);
    }

    HttpHandler metrics() {
        return exchange -> {
            try (exchange) {
                byte[] page = metrics.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
            }
        };
    }
}
