package org.earshot.connector.imap;

import org.earshot.connector.UnreadableItem;
import org.earshot.domain.IncomingMention;

/** What became of one mail a poll read: exactly one of taken, skipped (with why) or unreadable. */
record ReadMail(long uid, IncomingMention mention, String skipReason, UnreadableItem unreadable) {

    static ReadMail taken(long uid, IncomingMention mention) {
        return new ReadMail(uid, mention, null, null);
    }

    static ReadMail skipped(long uid, String reason) {
        return new ReadMail(uid, null, reason, null);
    }

    static ReadMail unreadable(long uid, UnreadableItem item) {
        return new ReadMail(uid, null, null, item);
    }
}
