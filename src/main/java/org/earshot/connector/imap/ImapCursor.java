package org.earshot.connector.imap;

import java.util.Optional;

/**
 * Where a mailbox folder was read up to: the folder's UIDVALIDITY and the last UID read. UIDs only
 * grow within one UIDVALIDITY; when the server changes it, the old UIDs mean nothing any more.
 * Stored as "UIDVALIDITY:lastUID".
 */
record ImapCursor(long uidValidity, long lastUid) {

    static Optional<ImapCursor> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.strip().split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("an IMAP cursor looks like UIDVALIDITY:lastUID, but was '" + text + "'");
        }
        try {
            return Optional.of(new ImapCursor(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("an IMAP cursor looks like UIDVALIDITY:lastUID, but was '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return uidValidity + ":" + lastUid;
    }
}
