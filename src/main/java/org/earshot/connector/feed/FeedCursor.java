package org.earshot.connector.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector's one cursor: per feed URL, the ids of the entries already read (the newest
 * {@link #WINDOW} of them) and the feed's {@code ETag} and {@code Last-Modified} for the next
 * conditional request, as one JSON object:
 * {@code {"https://news.example/rss":{"etag":"\"abc\"","lastModified":"Wed, 19 Nov 2026 09:30:00 GMT","seen":["…"]}}}.
 */
final class FeedCursor {
    /** Feeds carry tens of entries; 500 remembered ids cover any feed that is not an archive. */
    static final int WINDOW = 500;
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(FeedCursor.class);

    /** Where one feed stands; empty strings where the feed sent no validator. */
    record FeedState(String etag, String lastModified, List<String> seen) {
        static final FeedState NEW = new FeedState("", "", List.of());

        FeedState {
            seen = List.copyOf(seen);
        }

        /** This state with newly read ids first, the oldest ids beyond the window forgotten. */
        FeedState reading(String etag, String lastModified, List<String> newIds) {
            Set<String> ids = new LinkedHashSet<>(newIds);
            ids.addAll(seen);
            List<String> kept = new ArrayList<>(ids);
            return new FeedState(etag, lastModified, kept.subList(0, Math.min(WINDOW, kept.size())));
        }
    }

    private FeedCursor() {
    }

    /**
     * The state per feed URL. A cursor this connector did not write is logged and treated as none:
     * the feeds are read whole again, which the store's de-duplication absorbs.
     */
    static Map<String, FeedState> decode(String cursor, String connectorKey) {
        Map<String, FeedState> states = new LinkedHashMap<>();
        if (cursor == null || cursor.isBlank()) {
            return states;
        }
        try {
            JsonNode json = JSON.readTree(cursor);
            if (json == null || !json.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            for (Map.Entry<String, JsonNode> e : json.properties()) {
                List<String> seen = new ArrayList<>();
                e.getValue().path("seen").forEach(id -> seen.add(id.asText()));
                states.put(e.getKey(), new FeedState(e.getValue().path("etag").asText(""),
                        e.getValue().path("lastModified").asText(""), seen));
            }
            return states;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warn("{}: the saved cursor is not a feed cursor ({}); reading the feeds whole", connectorKey,
                    e.getMessage());
            return new LinkedHashMap<>();
        }
    }

    static String encode(Map<String, FeedState> states) {
        ObjectNode json = JSON.createObjectNode();
        states.forEach((url, state) -> {
            ObjectNode entry = json.putObject(url);
            if (!state.etag().isEmpty()) {
                entry.put("etag", state.etag());
            }
            if (!state.lastModified().isEmpty()) {
                entry.put("lastModified", state.lastModified());
            }
            ArrayNode seen = entry.putArray("seen");
            state.seen().forEach(seen::add);
        });
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings is always JSON", e);
        }
    }
}
