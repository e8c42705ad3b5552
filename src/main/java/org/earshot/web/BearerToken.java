package org.earshot.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The API's shared secret. Both sides are hashed before the constant-time comparison, so neither
 * the time taken nor an early length mismatch tells a caller how close a guess was.
 */
final class BearerToken {
    private static final String PREFIX = "Bearer ";

    private final byte[] expected;

    BearerToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the web API needs a token (web.apiToken), but none was given");
        }
        this.expected = sha256(token);
    }

    /** Whether an {@code Authorization} header value carries the token. */
    boolean admits(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        String presented = authorizationHeader.substring(PREFIX.length()).strip();
        return MessageDigest.isEqual(expected, sha256(presented));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
