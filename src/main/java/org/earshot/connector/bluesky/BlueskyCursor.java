package org.earshot.connector.bluesky;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector's one cursor: per search, the newest post time read and the posts read at exactly
 * that time, as a small JSON object
 * ({@code {"acme air":{"since":"2026-11-19T09:47:55.120Z","uris":["at://did:plc:…/app.bsky.feed.post/3m…"]}}}).
 * Bluesky's {@code since} includes its own instant, so the posts at that instant are skipped by uri.
 */
final class BlueskyCursor {
    private static final Logger LOG = LoggerFactory.getLogger(BlueskyCursor.class);

    /** Where one search stopped: its newest post time, and the posts at that time. */
    record Mark(Instant since, Set<String> uris) {
        Mark {
            uris = Set.copyOf(uris);
        }

        boolean alreadyRead(Instant at, String uri) {
            return at.isBefore(since) || (at.equals(since) && uris.contains(uri));
        }
    }

    private BlueskyCursor() {
    }

    static String searchKey(String query) {
        return query.toLowerCase(Locale.ROOT);
    }

    /**
     * The marks per search. A cursor this connector did not write cannot be trusted to point anywhere,
     * so its searches start again from the newest page rather than stopping the connector for good.
     */
    static Map<String, Mark> decode(String cursor, String connectorKey) {
        Map<String, Mark> marks = new LinkedHashMap<>();
        if (cursor == null || cursor.isBlank()) {
            return marks;
        }
        try {
            JsonNode json = BlueskyApi.JSON.readTree(cursor);
            if (json == null || !json.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            for (Map.Entry<String, JsonNode> e : json.properties()) {
                Instant since = Instant.parse(e.getValue().path("since").asText(""));
                Set<String> uris = new LinkedHashSet<>();
                e.getValue().path("uris").forEach(uri -> uris.add(uri.asText()));
                marks.put(e.getKey(), new Mark(since, uris));
            }
            return marks;
        } catch (JsonProcessingException | IllegalArgumentException | DateTimeParseException e) {
            LOG.warn("{}: the saved cursor '{}' is not a Bluesky cursor ({}); reading from the newest page",
                    connectorKey, cursor, e.getMessage());
            return new LinkedHashMap<>();
        }
    }

    static String encode(Map<String, Mark> marks) {
        ObjectNode json = BlueskyApi.JSON.createObjectNode();
        marks.forEach((key, mark) -> {
            ObjectNode entry = json.putObject(key);
            entry.put("since", mark.since().toString());
            ArrayNode uris = entry.putArray("uris");
            mark.uris().stream().sorted().forEach(uris::add);
        });
        try {
            return BlueskyApi.JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings is always JSON", e);
        }
    }
}
