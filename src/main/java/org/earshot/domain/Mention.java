package org.earshot.domain;

import java.time.Instant;
import java.util.Map;

/** A stored mention: what was heard, by which connector, for which brand. */
public record Mention(
        long id,
        String connectorId,
        String brand,
        Platform platform,
        String externalId,
        Author author,
        String text,
        String subject,
        Instant createdAt,
        String url,
        Map<String, String> replyContext,
        Instant receivedAt) {

    /** The same mention under the id the store gave it. */
    public Mention withId(long newId) {
        return new Mention(newId, connectorId, brand, platform, externalId, author, text, subject, createdAt, url,
                replyContext, receivedAt);
    }
}
