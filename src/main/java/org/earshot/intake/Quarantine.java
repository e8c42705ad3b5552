package org.earshot.intake;

import java.time.Instant;
import org.earshot.connector.Connector;
import org.earshot.connector.UnreadableItem;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.QuarantinedItem.PayloadKind;
import org.earshot.store.QuarantineStore;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what a poll could not read or store, so that the poll goes on past it and nothing is lost;
 * each item is logged once, naming it, when it is first held.
 */
final class Quarantine {
    private static final Logger LOG = LoggerFactory.getLogger(Quarantine.class);

    private final QuarantineStore store;

    Quarantine(QuarantineStore store) {
        this.store = store;
    }

    /** An item the connector could not read, with the bytes the platform sent. */
    void holdUnreadable(Handle h, Connector connector, UnreadableItem item, Instant now) {
        boolean held = store.hold(h, connector.id(), connector.platform(), item.externalId(), PayloadKind.RAW,
                item.raw(), item.truncated(), item.reason(), now);
        if (held) {
            LOG.warn("connector {}: could not read {}: {}; kept in quarantine, the poll goes on past it",
                    connector.id(), shortId(item.externalId()), item.reason());
        }
    }

    /** A mention the connector read but that could not be triaged or stored, kept whole as JSON. */
    void holdMention(Handle h, Connector connector, IncomingMention mention, String reason, Instant now) {
        boolean held = store.hold(h, connector.id(), connector.platform(), mention.externalId(), PayloadKind.MENTION,
                MentionJson.encode(mention), false, reason, now);
        if (held) {
            LOG.warn("connector {}: could not store mention {}: {}; kept in quarantine, the poll goes on past it",
                    connector.id(), shortId(mention.externalId()), reason);
        }
    }

    private static String shortId(String id) {
        return id.length() <= 120 ? id : id.substring(0, 120) + "… (" + id.length() + " characters)";
    }
}
