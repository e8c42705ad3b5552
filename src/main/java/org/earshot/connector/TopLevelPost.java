package org.earshot.connector;

import java.time.Instant;

/**
 * A post of the brand's own, not a reply to anyone: an incident's holding statement on one channel.
 *
 * @param idempotencyKey the same on every attempt to post it on this channel
 * @param anchoredAt     a time that stays the same on every attempt (when the incident opened), for platforms
 *                       whose record keys carry a time
 */
public record TopLevelPost(String brand, String text, String idempotencyKey, Instant anchoredAt) {
}
