package org.earshot.connector.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.earshot.config.BrandConfig;
import org.earshot.connector.JsonItems;
import org.earshot.connector.MalformedItemException;
import org.earshot.domain.Author;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Platform;
import org.earshot.matching.Accounts;

/**
 * Turns Bluesky post views ({@code app.bsky.feed.defs#postView}) into mentions, leaving out what the
 * brand's own accounts wrote (so replies cannot loop) and what excluded authors wrote. Accounts are
 * compared by handle (with or without '@', in any case) or by DID.
 */
final class BlueskyPosts {
    private final Set<String> ownAccounts;
    private final Set<String> excludedAuthors;
    private final Clock clock;

    BlueskyPosts(BrandConfig brand, Clock clock) {
        this.ownAccounts = Accounts.bare(brand.ownAccounts());
        this.excludedAuthors = Accounts.bare(brand.excludedAuthors());
        this.clock = clock;
    }

    /**
     * The time Bluesky sorts and filters a post by ({@code sortAt}): the earlier of when it says it was
     * written and when the network indexed it, so a post dated in the future cannot stay on top.
     */
    Instant sortAt(JsonNode post) {
        Optional<Instant> created = time(post.path("record").path("createdAt"));
        Optional<Instant> indexed = time(post.path("indexedAt"));
        if (created.isPresent() && indexed.isPresent()) {
            return created.get().isBefore(indexed.get()) ? created.get() : indexed.get();
        }
        return created.or(() -> indexed).orElseGet(clock::instant);
    }

    /** True when the post was written by the brand, by the logged-in account or by an excluded author. */
    boolean isSkipped(JsonNode post, String ownDid) {
        String handle = Accounts.bare(post.path("author").path("handle").asText(""));
        String did = post.path("author").path("did").asText("");
        return did.equals(ownDid) || ownAccounts.contains(handle) || ownAccounts.contains(Accounts.bare(did))
                || excludedAuthors.contains(handle) || excludedAuthors.contains(Accounts.bare(did));
    }

    /**
     * The mention in a post view.
     *
     * @throws MalformedItemException when the post lacks the ids a reply needs (uri, cid, the author's
     *                                handle) or garbles a field
     */
    Optional<IncomingMention> mention(JsonNode post, long followers) throws MalformedItemException {
        if (!post.isObject()) {
            throw new MalformedItemException("the post is a JSON " + post.getNodeType().name()
                    .toLowerCase(java.util.Locale.ROOT) + ", not an object");
        }
        String uri = JsonItems.requiredId(post, "uri", "post uri");
        if (!uri.startsWith("at://")) {
            throw new MalformedItemException("its uri '" + uri + "' is not an at:// uri");
        }
        String cid = JsonItems.required(post, "cid", "content id (cid)");
        JsonNode author = JsonItems.object(post, "author", "author");
        String handle = JsonItems.required(author, "handle", "author's handle");
        JsonNode record = JsonItems.object(post, "record", "record");
        JsonNode root = record.path("reply").path("root");
        boolean isReply = !root.path("uri").asText("").isBlank() && !root.path("cid").asText("").isBlank();
        // Bluesky shows "handle.invalid" for an account whose handle no longer resolves; its DID still links.
        String profile = handle.equals("handle.invalid") ? author.path("did").asText(handle) : handle;
        String url = "https://bsky.app/profile/" + profile + "/post/" + recordKey(uri);
        Map<String, String> replyContext = new LinkedHashMap<>();
        replyContext.put("uri", uri);
        replyContext.put("cid", cid);
        replyContext.put("rootUri", isReply ? root.path("uri").asText() : uri);
        replyContext.put("rootCid", isReply ? root.path("cid").asText() : cid);
        replyContext.put("handle", handle);
        replyContext.put("did", author.path("did").asText(""));
        replyContext.put("likes", count(post, "likeCount"));
        replyContext.put("reposts", count(post, "repostCount"));
        replyContext.put("replies", count(post, "replyCount"));
        replyContext.put("quotes", count(post, "quoteCount"));
        replyContext.put("url", url);
        String threadKey = isReply ? root.path("uri").asText() : quotedUri(record).orElse("");
        Instant createdAt = JsonItems.optionalTime(record, "createdAt").orElseGet(() -> sortAt(post));
        return Optional.of(new IncomingMention(Platform.BLUESKY, uri,
                new Author(handle, JsonItems.text(author, "displayName"), followers),
                JsonItems.text(record, "text"), "", createdAt, url, replyContext, threadKey));
    }

    /** The last part of an at:// uri: the record key, which is also the post's id in its web address. */
    static String recordKey(String atUri) {
        return atUri.substring(atUri.lastIndexOf('/') + 1);
    }

    /** The post a quote post quotes, with or without media beside it. */
    private static Optional<String> quotedUri(JsonNode record) {
        JsonNode embed = record.path("embed");
        String type = embed.path("$type").asText("");
        String uri = switch (type) {
            case "app.bsky.embed.record" -> embed.path("record").path("uri").asText("");
            case "app.bsky.embed.recordWithMedia" -> embed.path("record").path("record").path("uri").asText("");
            default -> "";
        };
        return uri.isBlank() ? Optional.empty() : Optional.of(uri);
    }

    private static String count(JsonNode post, String field) {
        return String.valueOf(Math.max(0, post.path(field).asLong(0)));
    }

    private static Optional<Instant> time(JsonNode value) {
        try {
            return value.isTextual() ? Optional.of(OffsetDateTime.parse(value.asText()).toInstant()) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
