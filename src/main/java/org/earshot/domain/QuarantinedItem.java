package org.earshot.domain;

import java.time.Instant;

/**
 * Something a poll found but could not read or store, kept with its raw form and the reason so that
 * nothing is lost: shown in the queue's "could not read" list and read again by {@code earshot requeue}.
 *
 * @param externalId    the platform's id or position (for mail "uid:UIDVALIDITY:UID@folder")
 * @param payloadBytes  how large the kept payload is; lists leave the payload itself out
 * @param payload       the item as the platform sent it (RAW), or the mention as read (MENTION, JSON);
 *                      empty in lists
 * @param requeuedAt    when it was last read again, or null
 * @param requeueResult what that reading gave ("stored as mention 12", or why it still fails)
 */
public record QuarantinedItem(long id, String connectorId, Platform platform, String externalId, PayloadKind kind,
                              int payloadBytes, byte[] payload, boolean truncated, String reason, Instant heldAt,
                              Instant requeuedAt, String requeueResult) {

    /** What the payload holds. */
    public enum PayloadKind {
        /** The bytes the platform sent, which the connector could not read (a mail, a post's JSON). */
        RAW,
        /** A mention the connector read but the store refused (a platform id too long, say), as JSON. */
        MENTION
    }

    public QuarantinedItem {
        payload = payload == null ? new byte[0] : payload;
    }

    /** How a successful requeue's result starts. */
    public static final String STORED = "stored";
}
