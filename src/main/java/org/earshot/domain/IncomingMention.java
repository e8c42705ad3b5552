package org.earshot.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A mention as a connector hands it over, before it is stored.
 *
 * @param externalId   the platform's own id, unique per platform (status id, Message-ID, tweet id)
 * @param replyContext what the platform's publisher needs later to answer in the same thread
 *                     (for mail: Message-ID, References, reply address); opaque to the core
 */
public record IncomingMention(
        Platform platform,
        String externalId,
        Author author,
        String text,
        String subject,
        Instant createdAt,
        String url,
        Map<String, String> replyContext) {

    public IncomingMention {
        if (externalId == null || externalId.isBlank()) {
            throw new IllegalArgumentException("a mention needs the platform's id");
        }
        text = text == null ? "" : text;
        subject = subject == null ? "" : subject;
        url = url == null ? "" : url;
        replyContext = replyContext == null ? Map.of() : Map.copyOf(replyContext);
    }
}
