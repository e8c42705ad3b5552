package org.earshot.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import org.earshot.store.MentionStore;

/**
 * Reading one JSON item of a platform's page on its own: the fields a mention cannot do without are
 * checked (present, of the right type, not blank), and an item that fails is turned into an
 * {@link UnreadableItem} with the item's own JSON, so that a later version can read it again.
 */
public final class JsonItems {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonItems() {
    }

    /** A text field that must be there: present, a string (or a number, for ids), not blank. */
    public static String required(JsonNode node, String field, String what) throws MalformedItemException {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw new MalformedItemException("it has no " + what + " ('" + field + "')");
        }
        if (!value.isTextual() && !value.isIntegralNumber()) {
            throw new MalformedItemException("its " + what + " ('" + field + "') is a JSON "
                    + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not a string");
        }
        if (value.asText().isBlank()) {
            throw new MalformedItemException("its " + what + " ('" + field + "') is blank");
        }
        return value.asText();
    }

    /**
     * A text field the item may leave out or set to null (then ""), but not fill with an object or a list.
     */
    public static String text(JsonNode node, String field) throws MalformedItemException {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (!value.isValueNode()) {
            throw new MalformedItemException("its '" + field + "' is a JSON "
                    + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not a string");
        }
        return value.asText();
    }

    /** A platform id that must be there and must fit the mention table. */
    public static String requiredId(JsonNode node, String field, String what) throws MalformedItemException {
        return fits(required(node, field, what), what);
    }

    /** The id, unless it is too long to be stored. */
    public static String fits(String id, String what) throws MalformedItemException {
        if (id.length() > MentionStore.MAX_EXTERNAL_ID) {
            throw new MalformedItemException("its " + what + " is " + id.length() + " characters long; at most "
                    + MentionStore.MAX_EXTERNAL_ID + " can be stored");
        }
        return id;
    }

    /** An object field that must be there. */
    public static JsonNode object(JsonNode node, String field, String what) throws MalformedItemException {
        JsonNode value = node.path(field);
        if (!value.isObject()) {
            throw new MalformedItemException(value.isMissingNode() || value.isNull()
                    ? "it has no " + what + " ('" + field + "')"
                    : "its " + what + " ('" + field + "') is a JSON "
                    + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not an object");
        }
        return value;
    }

    /**
     * A time the item may leave out (then empty) but must not garble: a present value that is not an
     * ISO-8601 time with an offset makes the item unreadable.
     */
    public static Optional<Instant> optionalTime(JsonNode node, String field) throws MalformedItemException {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new MalformedItemException("its time ('" + field + "') is a JSON "
                    + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not a string");
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.asText().strip()).toInstant());
        } catch (DateTimeParseException e) {
            throw new MalformedItemException("its time ('" + field + "') is not a time: '" + abbreviated(value.asText())
                    + "'");
        }
    }

    /** An item as the platform sent it, for quarantine. */
    public static byte[] raw(JsonNode item) {
        try {
            return JSON.writeValueAsBytes(item);
        } catch (JsonProcessingException e) {
            return String.valueOf(item).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The item kept whole in quarantine, under its platform id or, when it has none, its content's hash. */
    public static UnreadableItem unreadable(String platform, String knownId, String reason, JsonNode item) {
        byte[] raw = raw(item);
        String id = knownId == null || knownId.isBlank() ? platform + ":no-id:sha256:" + sha256(raw) : knownId;
        return new UnreadableItem(id, reason, raw, false);
    }

    /** A kept item's raw bytes read as the JSON they were; a connector's {@code reread} starts here. */
    public static JsonNode parse(UnreadableItem item) throws ConnectorException {
        if (item.truncated()) {
            throw new ConnectorException("still cannot read " + item.externalId()
                    + ": only the first " + UnreadableItem.MAX_RAW_BYTES + " bytes were kept", true, null);
        }
        try {
            JsonNode json = JSON.readTree(item.raw());
            if (json == null || json.isMissingNode()) {
                throw new IOException("no JSON in it");
            }
            return json;
        } catch (IOException e) {
            throw new ConnectorException("still cannot read " + item.externalId() + ": its kept payload is not JSON ("
                    + abbreviated(String.valueOf(e.getMessage())) + ")", true, null);
        }
    }

    /** The answer to a reread that still fails. */
    public static ConnectorException stillUnreadable(UnreadableItem item, MalformedItemException why) {
        return new ConnectorException("still cannot read " + item.externalId() + ": " + why.getMessage(), true, null);
    }

    /** The id an item names, if it names one (for the quarantine's key and the log), else null. */
    public static String idIfAny(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String abbreviated(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
