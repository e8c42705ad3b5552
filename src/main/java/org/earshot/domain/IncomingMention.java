package org.earshot.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A mention as a connector hands it over, before it is stored.
 *
 * @param externalId   the platform's own id, unique per platform (status id, Message-ID, tweet id)
 * @param replyContext what the platform's publisher needs later to answer in the same thread
 *                     (for mail: Message-ID, References, reply address); opaque to the core
 * @param threadKey    the conversation this mention belongs to, in the platform's own ids (the
 *                     thread's root post, the reposted or quoted original, the mail thread's first
 *                     Message-ID); mentions with the same key fold into one open task. Empty when
 *                     the mention starts its own conversation.
 * @param language     the language the platform says the text is in (ISO 639-1, "en"), or empty
 */
public record IncomingMention(
        Platform platform,
        String externalId,
        Author author,
        String text,
        String subject,
        Instant createdAt,
        String url,
        Map<String, String> replyContext,
        String threadKey,
        String language) {

    public IncomingMention {
        if (externalId == null || externalId.isBlank()) {
            throw new IllegalArgumentException("a mention needs the platform's id");
        }
        text = text == null ? "" : text;
        subject = subject == null ? "" : subject;
        url = url == null ? "" : url;
        replyContext = replyContext == null ? Map.of() : Map.copyOf(replyContext);
        threadKey = threadKey == null ? "" : threadKey;
        language = language == null ? "" : language.toLowerCase(java.util.Locale.ROOT);
    }

    public IncomingMention(Platform platform, String externalId, Author author, String text, String subject,
                           Instant createdAt, String url, Map<String, String> replyContext, String threadKey) {
        this(platform, externalId, author, text, subject, createdAt, url, replyContext, threadKey, "");
    }

    /** A mention that starts its own conversation. */
    public IncomingMention(Platform platform, String externalId, Author author, String text, String subject,
                           Instant createdAt, String url, Map<String, String> replyContext) {
        this(platform, externalId, author, text, subject, createdAt, url, replyContext, "", "");
    }
}
