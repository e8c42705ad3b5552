package org.earshot.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.earshot.domain.QuarantinedItem;
import org.earshot.intake.Requeue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/quarantine}: what polls could not read or store. {@code GET /api/quarantine} lists what
 * waits, {@code GET /api/quarantine/{id}} shows one item with its raw source, and
 * {@code POST /api/quarantine/{id}/requeue} reads it again. Same token and error shape as the task API.
 */
final class QuarantineApi implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(QuarantineApi.class);
    private static final int LIST_LIMIT = 500;

    private final BearerToken token;
    private final Requeue requeue;

    QuarantineApi(BearerToken token, Requeue requeue) {
        this.token = token;
        this.requeue = requeue;
    }

    /** One item as the API shows it; {@code source} is its payload as text, only when one item is asked for. */
    record ItemView(long id, String connectorId, String platform, String externalId, String kind, String reason,
                    Instant heldAt, int bytes, boolean truncated, Instant requeuedAt, String requeueResult,
                    String source) {
        static ItemView of(QuarantinedItem item, boolean withSource) {
            return new ItemView(item.id(), item.connectorId(), item.platform().id(), item.externalId(),
                    item.kind().name().toLowerCase(java.util.Locale.ROOT), item.reason(), item.heldAt(),
                    item.payloadBytes(), item.truncated(), item.requeuedAt(), item.requeueResult(),
                    withSource ? new String(item.payload(), StandardCharsets.UTF_8) : null);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            try {
                if (!token.admits(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                    throw new HttpError(401, "missing or wrong API token: send 'Authorization: Bearer <token>'");
                }
                route(exchange);
            } catch (HttpError e) {
                JsonExchange.sendError(exchange, e.status(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
                JsonExchange.sendError(exchange, 500, "internal error; the server log has the details");
            }
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        List<String> parts = Arrays.stream(exchange.getRequestURI().getPath().split("/"))
                .filter(p -> !p.isEmpty()).skip(2).toList();
        if (parts.isEmpty()) {
            allow(method, "GET");
            List<ItemView> items = requeue.open(LIST_LIMIT).stream().map(i -> ItemView.of(i, false)).toList();
            JsonExchange.send(exchange, 200, Map.of("items", items));
        } else if (parts.size() == 1) {
            allow(method, "GET");
            QuarantinedItem item = requeue.find(itemId(parts.get(0))).orElseThrow(() -> notFound(parts.get(0)));
            JsonExchange.send(exchange, 200, ItemView.of(item, true));
        } else if (parts.size() == 2 && parts.get(1).equals("requeue")) {
            allow(method, "POST");
            Requeue.Outcome outcome = requeue.requeue(itemId(parts.get(0))).orElseThrow(() -> notFound(parts.get(0)));
            JsonExchange.send(exchange, 200, outcome);
        } else {
            throw new HttpError(404, "no such API path: " + exchange.getRequestURI().getPath());
        }
    }

    private static HttpError notFound(String id) {
        return new HttpError(404, "no quarantined item " + id);
    }

    private static void allow(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new HttpError(405, method + " is not allowed here; use " + allowed);
        }
    }

    private static long itemId(String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new HttpError(404, "no quarantined item '" + raw + "': ids are numbers");
        }
    }
}
