package org.earshot.connector.x;

import java.util.Comparator;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector's cursor: the id of the newest post read, as X writes it (a string of digits). The
 * same id works with both APIs, so switching {@code api} keeps the place.
 */
final class XCursor {
    /** Orders X's ids, which are decimal numbers of up to 19 digits kept as strings: shorter is older. */
    static final Comparator<String> BY_ID = Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());
    private static final Logger LOG = LoggerFactory.getLogger(XCursor.class);

    private XCursor() {
    }

    /**
     * The post id to read after. A cursor this connector did not write cannot be trusted to point
     * anywhere, so reading starts again from the newest page rather than stopping the connector.
     */
    static Optional<String> decode(String cursor, String connectorKey) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        String id = cursor.strip();
        if (isId(id)) {
            return Optional.of(id);
        }
        LOG.warn("{}: the saved cursor '{}' is not an X post id; reading from the newest page", connectorKey, cursor);
        return Optional.empty();
    }

    static boolean isId(String id) {
        return id != null && !id.isEmpty() && id.length() <= 19 && id.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
