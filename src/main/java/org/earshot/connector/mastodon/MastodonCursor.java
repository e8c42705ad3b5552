package org.earshot.connector.mastodon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector's one cursor: the newest id read per stream, as a small JSON object
 * ({@code {"notifications":"4820028","tag:acmeair":"113510000000000400"}}). Ids stay strings:
 * Mastodon's ids are opaque and compared by the server only.
 */
final class MastodonCursor {
    static final String NOTIFICATIONS = "notifications";
    private static final Logger LOG = LoggerFactory.getLogger(MastodonCursor.class);

    private MastodonCursor() {
    }

    static String tagStream(String tag) {
        return "tag:" + tag.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The ids per stream. A cursor this connector did not write cannot be trusted to point anywhere,
     * so its streams start again from the newest page rather than stopping the connector for good.
     */
    static Map<String, String> decode(String cursor, String connectorKey) {
        Map<String, String> streams = new LinkedHashMap<>();
        if (cursor == null || cursor.isBlank()) {
            return streams;
        }
        try {
            JsonNode json = MastodonApi.JSON.readTree(cursor);
            if (json == null || !json.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            for (Map.Entry<String, JsonNode> e : json.properties()) {
                if (e.getValue().isValueNode() && !e.getValue().asText().isBlank()) {
                    streams.put(e.getKey(), e.getValue().asText());
                }
            }
            return streams;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warn("{}: the saved cursor '{}' is not a Mastodon cursor ({}); reading from the newest page",
                    connectorKey, cursor, e.getMessage());
            return new LinkedHashMap<>();
        }
    }

    static String encode(Map<String, String> streams) {
        try {
            return MastodonApi.JSON.writeValueAsString(streams);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }
}
