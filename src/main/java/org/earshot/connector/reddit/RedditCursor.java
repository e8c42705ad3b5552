package org.earshot.connector.reddit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector's one cursor: per search, the newest thing read, by fullname and creation time
 * ({@code {"posts":{"name":"t3_1pq2f9z","created":1795077297}}}). Reddit has no "since" parameter,
 * so a poll reads newest first until it meets a thing at or older than this mark.
 */
final class RedditCursor {
    static final String POSTS = "posts";
    static final String COMMENTS = "comments";
    private static final Logger LOG = LoggerFactory.getLogger(RedditCursor.class);

    private RedditCursor() {
    }

    /** The newest thing a search has read. */
    record Mark(String name, long created) {

        /** The mark of a listing child ({@code {"kind":"t3","data":{"name":…,"created_utc":…}}}), if it has a name. */
        static Optional<Mark> of(JsonNode child) {
            JsonNode data = child.path("data");
            String name = data.path("name").isTextual() ? data.path("name").asText("") : "";
            return name.isBlank() || name.length() > 100 ? Optional.empty()
                    : Optional.of(new Mark(name, (long) Math.floor(data.path("created_utc").asDouble(0))));
        }

        /**
         * Whether this thing is the marked one or older. Reddit's ids are base-36 numbers given out
         * in order, so two things of the same kind compare by id; otherwise by creation time.
         */
        boolean isAtOrOlderThan(Mark other) {
            if (name.equals(other.name)) {
                return true;
            }
            Optional<Long> mine = number(name);
            Optional<Long> theirs = number(other.name);
            if (mine.isPresent() && theirs.isPresent() && kind(name).equals(kind(other.name))) {
                return mine.get() <= theirs.get();
            }
            return created <= other.created;
        }

        /** The newer of the two. */
        Mark newer(Mark other) {
            return other == null || other.isAtOrOlderThan(this) ? this : other;
        }

        private static String kind(String fullname) {
            int underscore = fullname.indexOf('_');
            return underscore < 0 ? "" : fullname.substring(0, underscore);
        }

        private static Optional<Long> number(String fullname) {
            try {
                return Optional.of(Long.parseLong(fullname.substring(fullname.indexOf('_') + 1), 36));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
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
            JsonNode json = RedditApi.JSON.readTree(cursor);
            if (json == null || !json.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            for (Map.Entry<String, JsonNode> e : json.properties()) {
                String name = e.getValue().path("name").asText("");
                if (!name.isBlank()) {
                    marks.put(e.getKey(), new Mark(name, e.getValue().path("created").asLong(0)));
                }
            }
            return marks;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warn("{}: the saved cursor '{}' is not a Reddit cursor ({}); reading from the newest page",
                    connectorKey, cursor, e.getMessage());
            return new LinkedHashMap<>();
        }
    }

    static String encode(Map<String, Mark> marks) {
        ObjectNode json = RedditApi.JSON.createObjectNode();
        marks.forEach((search, mark) -> json.putObject(search).put("name", mark.name()).put("created", mark.created()));
        try {
            return RedditApi.JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers is always JSON", e);
        }
    }
}
