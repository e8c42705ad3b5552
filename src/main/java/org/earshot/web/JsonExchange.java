package org.earshot.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** Reading JSON requests with a size limit and writing JSON answers, errors included. */
final class JsonExchange {
    /** Larger bodies are refused with 413 before they are parsed. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    /**
     * How much of a refused body is still read and thrown away: closing a connection with unread
     * data resets it, and the client would never see the 413. Larger bodies just get the reset.
     */
    private static final long MAX_DISCARDED_BYTES = 8L * 1024 * 1024;

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private JsonExchange() {
    }

    /**
     * Answers a request that failed: a bad argument with 400 and its message, anything else with 500,
     * logged with the request it failed, and no detail for the client.
     */
    static void sendFailure(HttpExchange exchange, RuntimeException e, org.slf4j.Logger log) throws IOException {
        if (e instanceof IllegalArgumentException) {
            sendError(exchange, 400, e.getMessage());
            return;
        }
        log.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
        sendError(exchange, 500, "internal error; the server log has the details");
    }

    /** The body as the given type; null when the body is empty or the JSON literal {@code null}. */
    static <T> T readBody(HttpExchange exchange, Class<T> type) {
        byte[] body = readLimited(exchange);
        if (body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        try {
            return MAPPER.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw new HttpError(400, "unknown field '" + e.getPropertyName() + "' in the request body; expected "
                    + e.getKnownPropertyIds());
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new HttpError(400, "the request body is not the JSON expected" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new HttpError(400, "the request body could not be read: " + e.getMessage());
        }
    }

    private static byte[] readLimited(HttpExchange exchange) {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                discard(in);
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw new HttpError(400, "the request body could not be read: " + e.getMessage());
        }
    }

    /**
     * Reads and drops what is left of the request body (as much as {@link #discard} takes). An answer sent
     * before the body was read (a wrong token, a path that takes none) would otherwise be lost: the JDK's
     * server closes a connection with more than 64 KB unread, TCP resets it, and the client never sees the answer.
     */
    static void discardUnread(HttpExchange exchange) {
        try (InputStream in = exchange.getRequestBody()) {
            discard(in);
        } catch (IOException e) {
            // The client went away; there is nobody left to answer.
        }
    }

    private static void discard(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = MAX_DISCARDED_BYTES;
        int n;
        while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            left -= n;
        }
    }

    private static HttpError tooLarge() {
        return new HttpError(413, "the request body is larger than " + MAX_BODY_BYTES + " bytes");
    }

    static void send(HttpExchange exchange, int status, Object value) throws IOException {
        // Before the answer: the JDK's server resets a connection closed with more than 64 KB unread.
        discardUnread(exchange);
        byte[] json = MAPPER.writeValueAsBytes(value);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }

    static void sendError(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, Map.of("error", message));
    }
}
