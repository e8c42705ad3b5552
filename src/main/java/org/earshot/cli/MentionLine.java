package org.earshot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.earshot.Wiring;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Engagement;
import org.earshot.domain.Platform;

/**
 * One input line of the {@code score} and {@code draft} filters:
 * {@code {"id", "platform", "text", "subject"?, "author": {"handle", "name", "followers"}, "createdAt",
 * "history"?: {"previousMentions", "previousComplaints", "previousReplies"},
 * "engagement"?: {"likes", "reposts", "replies"}}}.
 * Only "text" is required. Defaults: platform "x" (the strictest length limit, so a draft fits
 * anywhere), no author, createdAt = now (no time waited), no history, no engagement; "id" is echoed as
 * given, or null.
 */
record MentionLine(JsonNode id, Platform platform, String text, String subject, Author author, Instant createdAt,
                   CustomerHistory history, Engagement engagement) {

    static final Platform DEFAULT_PLATFORM = Platform.X;

    /** What was wrong with a line, said so that the person can fix it. */
    static final class BadLine extends Exception {
        BadLine(String message) {
            super(message);
        }
    }

    static MentionLine parse(JsonNode node, Instant now) throws BadLine {
        if (!node.isObject()) {
            throw new BadLine("must be a JSON object, but was " + type(node));
        }
        String text = requiredString(node, "text");
        Platform platform = DEFAULT_PLATFORM;
        String platformId = optionalString(node, "platform");
        if (platformId != null) {
            try {
                platform = Wiring.CHANNELS.platform(platformId);
            } catch (IllegalArgumentException e) {
                throw new BadLine("\"platform\": " + e.getMessage());
            }
        }
        return new MentionLine(node.has("id") ? node.get("id") : NullNode.getInstance(), platform, text,
                optionalString(node, "subject"), author(node), createdAt(node, now), history(node), engagement(node));
    }

    private static Author author(JsonNode node) throws BadLine {
        JsonNode a = node.get("author");
        if (a == null || a.isNull()) {
            return new Author("", "", 0);
        }
        if (!a.isObject()) {
            throw new BadLine("\"author\" must be an object like {\"handle\": \"...\", \"name\": \"...\", "
                    + "\"followers\": 120}, but was " + type(a));
        }
        return new Author(optionalString(a, "handle", "author.handle"), optionalString(a, "name", "author.name"),
                wholeNumber(a, "followers", "author.followers"));
    }

    private static CustomerHistory history(JsonNode node) throws BadLine {
        JsonNode h = node.get("history");
        if (h == null || h.isNull()) {
            return CustomerHistory.NONE;
        }
        if (!h.isObject()) {
            throw new BadLine("\"history\" must be an object, but was " + type(h));
        }
        return new CustomerHistory((int) wholeNumber(h, "previousMentions", "history.previousMentions"),
                (int) wholeNumber(h, "previousComplaints", "history.previousComplaints"),
                (int) wholeNumber(h, "previousReplies", "history.previousReplies"));
    }

    private static Engagement engagement(JsonNode node) throws BadLine {
        JsonNode e = node.get("engagement");
        if (e == null || e.isNull()) {
            return Engagement.NONE;
        }
        if (!e.isObject()) {
            throw new BadLine("\"engagement\" must be an object like {\"likes\": 40, \"reposts\": 12, \"replies\": 3}, "
                    + "but was " + type(e));
        }
        return new Engagement(wholeNumber(e, "likes", "engagement.likes"), wholeNumber(e, "reposts", "engagement.reposts"),
                wholeNumber(e, "replies", "engagement.replies"));
    }

    private static Instant createdAt(JsonNode node, Instant now) throws BadLine {
        String raw = optionalString(node, "createdAt");
        if (raw == null) {
            return now;
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadLine("\"createdAt\" must be a time like 2026-03-01T12:00:00Z, but was \"" + raw + "\"");
        }
    }

    private static String requiredString(JsonNode node, String field) throws BadLine {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new BadLine("\"" + field + "\" is required");
        }
        if (!v.isTextual()) {
            throw new BadLine("\"" + field + "\" must be a string, but was " + type(v));
        }
        return v.textValue();
    }

    private static String optionalString(JsonNode node, String field) throws BadLine {
        return optionalString(node, field, field);
    }

    private static String optionalString(JsonNode node, String field, String path) throws BadLine {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new BadLine("\"" + path + "\" must be a string, but was " + type(v));
        }
        return v.textValue();
    }

    private static long wholeNumber(JsonNode node, String field, String path) throws BadLine {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.longValue() < 0) {
            throw new BadLine("\"" + path + "\" must be a whole number of at least 0, but was "
                    + (v.isNumber() ? v.asText() : type(v) + (v.isTextual() ? " \"" + v.textValue() + "\"" : "")));
        }
        return v.longValue();
    }

    private static String type(JsonNode v) {
        return switch (v.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
