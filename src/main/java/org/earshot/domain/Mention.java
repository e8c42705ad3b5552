package org.earshot.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A stored mention: what was heard ({@link IncomingMention}, as the connector handed it over), by which
 * connector, for which brand, and when it arrived.
 */
public record Mention(long id, String connectorId, String brand, IncomingMention heard, Instant receivedAt) {

    /** A stored mention from its parts, as the store reads them. */
    public Mention(long id, String connectorId, String brand, Platform platform, String externalId, Author author,
                   String text, String subject, Instant createdAt, String url, Map<String, String> replyContext,
                   Instant receivedAt) {
        this(id, connectorId, brand,
                new IncomingMention(platform, externalId, author, text, subject, createdAt, url, replyContext),
                receivedAt);
    }

    /** The same mention under the id the store gave it. */
    public Mention withId(long newId) {
        return new Mention(newId, connectorId, brand, heard, receivedAt);
    }

    public Platform platform() {
        return heard.platform();
    }

    /** The platform's own id, unique per platform. */
    public String externalId() {
        return heard.externalId();
    }

    public Author author() {
        return heard.author();
    }

    public String text() {
        return heard.text();
    }

    public String subject() {
        return heard.subject();
    }

    public Instant createdAt() {
        return heard.createdAt();
    }

    public String url() {
        return heard.url();
    }

    /** What the platform's publisher needs to answer in the same thread; opaque to the core. */
    public Map<String, String> replyContext() {
        return heard.replyContext();
    }
}
