package org.earshot.connector;

import java.util.Arrays;

/**
 * Something a poll found but could not make into a mention (a mail no parser can read, a post whose
 * payload is broken). It is handed over instead of failing the poll, so the cursor moves past it and
 * nothing after it is held up; with its raw bytes it can be kept and read again by a later version.
 *
 * @param externalId where the platform keeps it, in the source's own terms (for mail
 *                   "uid:UIDVALIDITY:UID@folder"); never blank
 * @param reason     why it could not be read, for a person
 * @param raw        the item as the platform sent it, at most {@link #MAX_RAW_BYTES}
 * @param truncated  whether {@code raw} was cut at {@link #MAX_RAW_BYTES}
 */
public record UnreadableItem(String externalId, String reason, byte[] raw, boolean truncated) {
    /** Enough to see what went wrong and usually all of it; bounds what a hostile item can take. */
    public static final int MAX_RAW_BYTES = 1024 * 1024;

    public UnreadableItem {
        if (externalId == null || externalId.isBlank()) {
            throw new IllegalArgumentException("an unreadable item needs the platform's id or position");
        }
        reason = reason == null || reason.isBlank() ? "unknown" : reason;
        raw = raw == null ? new byte[0] : raw;
        if (raw.length > MAX_RAW_BYTES) {
            raw = Arrays.copyOf(raw, MAX_RAW_BYTES);
            truncated = true;
        } else {
            raw = raw.clone();
        }
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnreadableItem u && externalId.equals(u.externalId) && reason.equals(u.reason)
                && Arrays.equals(raw, u.raw) && truncated == u.truncated;
    }

    @Override
    public int hashCode() {
        return 31 * externalId.hashCode() + Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "UnreadableItem[" + externalId + ": " + reason + ", " + raw.length + " bytes"
                + (truncated ? ", truncated" : "") + "]";
    }
}
