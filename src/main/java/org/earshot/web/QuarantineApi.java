package org.earshot.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.earshot.domain.QuarantinedItem;
import org.earshot.intake.Requeue;

/**
 * {@code /api/quarantine}: what polls could not read or store. {@code GET /api/quarantine} lists what
 * waits, {@code GET /api/quarantine/{id}} shows one item with its raw source, and
 * {@code POST /api/quarantine/{id}/requeue} reads it again. {@link TaskApi} routes here, so the token and
 * the errors are the task API's.
 */
final class QuarantineApi {
    private static final int LIST_LIMIT = 500;

    private final Requeue requeue;

    QuarantineApi(Requeue requeue) {
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

    /** @param parts the path after {@code /api/quarantine} */
    void route(HttpExchange exchange, String method, List<String> parts) throws IOException {
        if (parts.isEmpty()) {
            TaskApi.allow(method, "GET");
            List<ItemView> items = requeue.open(LIST_LIMIT).stream().map(i -> ItemView.of(i, false)).toList();
            JsonExchange.send(exchange, 200, Map.of("items", items));
        } else if (parts.size() == 1) {
            TaskApi.allow(method, "GET");
            QuarantinedItem item = requeue.find(itemId(parts.get(0))).orElseThrow(() -> notFound(parts.get(0)));
            JsonExchange.send(exchange, 200, ItemView.of(item, true));
        } else if (parts.size() == 2 && parts.get(1).equals("requeue")) {
            TaskApi.allow(method, "POST");
            Requeue.Outcome outcome = requeue.requeue(itemId(parts.get(0))).orElseThrow(() -> notFound(parts.get(0)));
            JsonExchange.send(exchange, 200, outcome);
        } else {
            throw new HttpError(404, "no such API path: " + exchange.getRequestURI().getPath());
        }
    }

    private static HttpError notFound(String id) {
        return new HttpError(404, "no quarantined item " + id);
    }

    private static long itemId(String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new HttpError(404, "no quarantined item '" + raw + "': ids are numbers");
        }
    }
}
