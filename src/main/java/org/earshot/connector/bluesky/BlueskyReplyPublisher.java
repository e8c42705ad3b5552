package org.earshot.connector.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.PostedReply;
import org.earshot.connector.ReplyBlock;
import org.earshot.connector.ReplyPublisher;
import org.earshot.connector.TopLevelPost;
import org.earshot.domain.Mention;
import org.earshot.http.HttpReply;

/**
 * Posts a reply block as a post threaded under the mention ({@code com.atproto.repo.createRecord}
 * with {@code reply.root} and {@code reply.parent}), once per block.
 *
 * <p>Each block goes out under a record key made from its idempotency key
 * ({@link BlueskyRecordKey}), so every try of a block names the same record. Before posting, the
 * publisher asks for that record ({@code com.atproto.repo.getRecord}): when an earlier try was posted
 * but its answer was lost, the record is there and is returned as posted. Should a create still
 * meet the record (two tries at once), Bluesky refuses it as already existing, and the publisher
 * returns the existing record too. Either way the reply appears once.
 *
 * <p>A block's external id is its post's at:// uri. Threading the next block under it also needs its
 * cid: the publisher remembers the cids of the posts it made and asks Bluesky
 * ({@code com.atproto.repo.getRecord}) for any it does not remember, e.g. after a restart.
 */
public final class BlueskyReplyPublisher implements ReplyPublisher {
    private static final Set<String> ALREADY_EXISTS = Set.of("InvalidSwap", "RecordAlreadyExists", "AlreadyExists");
    private static final int REMEMBERED_POSTS = 1000;

    private final BlueskySettings settings;
    private final BlueskySession session;
    private final Clock clock;
    private final Map<String, String> cidByUri = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_POSTS;
        }
    });

    BlueskyReplyPublisher(BlueskySettings settings, BlueskySession session, Clock clock) {
        this.settings = settings;
        this.session = session;
        this.clock = clock;
    }

    @Override
    public PostedReply publish(ReplyBlock block) throws ConnectorException {
        if (block.idempotencyKey() == null || block.idempotencyKey().isBlank()) {
            throw ConnectorException.permanentFailure("a Bluesky reply needs an idempotency key, so that"
                    + " posting it again cannot make a copy", null);
        }
        String text = block.text();
        int length = BlueskyText.graphemes(text);
        if (length > BlueskyConnectorFactory.CHANNEL.maxPostLength()) {
            throw ConnectorException.permanentFailure("reply block " + (block.index() + 1) + " of " + block.count()
                    + " is " + length + " characters; a Bluesky post allows "
                    + BlueskyConnectorFactory.CHANNEL.maxPostLength(), null);
        }
        if (BlueskyText.bytes(text) > BlueskyText.MAX_BYTES) {
            throw ConnectorException.permanentFailure("reply block " + (block.index() + 1) + " of " + block.count()
                    + " is " + BlueskyText.bytes(text) + " bytes in UTF-8; a Bluesky post allows "
                    + BlueskyText.MAX_BYTES, null);
        }
        Map<String, String> context = block.mention().replyContext();
        StrongRef mention = new StrongRef(context.getOrDefault("uri", ""), context.getOrDefault("cid", ""));
        StrongRef root = new StrongRef(context.getOrDefault("rootUri", mention.uri()),
                context.getOrDefault("rootCid", mention.cid()));
        if (mention.isIncomplete() || root.isIncomplete()) {
            throw ConnectorException.permanentFailure("mention " + block.mention().externalId()
                    + " has no Bluesky uri and cid to answer under", null);
        }
        String inReplyTo = block.inReplyToId() == null ? "" : block.inReplyToId();
        StrongRef parent = inReplyTo.isBlank() || inReplyTo.equals(mention.uri()) ? mention
                : new StrongRef(inReplyTo, cidOf(inReplyTo));
        String did = session.did();
        String rkey = BlueskyRecordKey.of(block.idempotencyKey(), anchor(block.mention()));
        Optional<StrongRef> earlier = record(did, rkey);
        StrongRef posted = earlier.isPresent() ? earlier.get() : create(did, rkey, text, root, parent);
        return posted(posted);
    }

    @Override
    public boolean postsTopLevel() {
        return true;
    }

    /** A post of the account's own (no reply), under a record key made from the idempotency key, as a reply is. */
    @Override
    public PostedReply postTopLevel(TopLevelPost statement) throws ConnectorException {
        String text = statement.text();
        if (BlueskyText.graphemes(text) > BlueskyConnectorFactory.CHANNEL.maxPostLength()
                || BlueskyText.bytes(text) > BlueskyText.MAX_BYTES) {
            throw ConnectorException.permanentFailure("the statement is " + BlueskyText.graphemes(text)
                    + " characters; a Bluesky post allows " + BlueskyConnectorFactory.CHANNEL.maxPostLength(), null);
        }
        String did = session.did();
        String rkey = BlueskyRecordKey.of(statement.idempotencyKey(), statement.anchoredAt());
        Optional<StrongRef> earlier = record(did, rkey);
        StrongRef posted = earlier.isPresent() ? earlier.get() : create(did, rkey, text, null, null);
        return posted(posted);
    }

    private PostedReply posted(StrongRef posted) throws ConnectorException {
        cidByUri.put(posted.uri(), posted.cid());
        return new PostedReply(posted.uri(), "https://bsky.app/profile/" + session.handle() + "/post/"
                + BlueskyPosts.recordKey(posted.uri()));
    }

    private StrongRef create(String did, String rkey, String text, StrongRef root, StrongRef parent)
            throws ConnectorException {
        URI uri = BlueskyApi.xrpc(settings, "com.atproto.repo.createRecord", "");
        HttpPost post = new HttpPost(uri);
        post.setEntity(new StringEntity(body(did, rkey, text, root, parent), ContentType.APPLICATION_JSON));
        HttpReply reply = session.write(post);
        if (reply.isSuccess()) {
            return readRef(reply, "POST", uri);
        }
        if (alreadyExists(reply)) {
            Optional<StrongRef> existing = record(did, rkey);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        throw BlueskyApi.refused(reply, "POST", uri, settings);
    }

    private String body(String did, String rkey, String text, StrongRef root, StrongRef parent) {
        ObjectNode body = BlueskyApi.JSON.createObjectNode();
        body.put("repo", did);
        body.put("collection", BlueskyApi.POST_COLLECTION);
        body.put("rkey", rkey);
        ObjectNode record = body.putObject("record");
        record.put("$type", BlueskyApi.POST_COLLECTION);
        record.put("text", text);
        record.put("createdAt", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        if (root != null) {
            ObjectNode reply = record.putObject("reply");
            root.into(reply.putObject("root"));
            parent.into(reply.putObject("parent"));
        }
        settings.language().ifPresent(lang -> record.putArray("langs").add(lang));
        ArrayNode facets = BlueskyText.linkFacets(text);
        if (!facets.isEmpty()) {
            record.set("facets", facets);
        }
        return body.toString();
    }

    /** The time the record key is anchored at: when the mention arrived, which stays the same on every try. */
    private static Instant anchor(Mention mention) {
        if (mention.receivedAt() != null) {
            return mention.receivedAt();
        }
        return mention.createdAt() != null ? mention.createdAt() : Instant.EPOCH;
    }

    private static boolean alreadyExists(HttpReply reply) {
        if (reply.status() != 400 && reply.status() != 409) {
            return false;
        }
        return ALREADY_EXISTS.contains(BlueskyApi.errorName(reply))
                || reply.body().toLowerCase(Locale.ROOT).contains("already exists");
    }

    private String cidOf(String atUri) throws ConnectorException {
        String cid = cidByUri.get(atUri);
        if (cid != null) {
            return cid;
        }
        String[] parts = atUri.startsWith("at://") ? atUri.substring(5).split("/") : new String[0];
        if (parts.length != 3 || !parts[1].equals(BlueskyApi.POST_COLLECTION)) {
            throw ConnectorException.permanentFailure("the previous reply block's id '" + atUri
                    + "' is not the at:// uri of a Bluesky post", null);
        }
        return record(parts[0], parts[2]).orElseThrow(() -> ConnectorException.permanentFailure(
                "the previous reply block " + atUri + " is not on Bluesky any more, so the next block"
                        + " cannot be threaded under it", null)).cid();
    }

    /** The post under a record key, or empty when there is none. */
    private Optional<StrongRef> record(String repo, String rkey) throws ConnectorException {
        URI uri = getRecordUri(repo, rkey);
        HttpReply reply = session.read(new HttpGet(uri));
        if (reply.status() == 400 && "RecordNotFound".equals(BlueskyApi.errorName(reply))) {
            return Optional.empty();
        }
        return Optional.of(readRef(reply, "GET", uri));
    }

    private URI getRecordUri(String repo, String rkey) {
        return BlueskyApi.xrpc(settings, "com.atproto.repo.getRecord", "repo=" + BlueskyApi.encode(repo)
                + "&collection=" + BlueskyApi.POST_COLLECTION + "&rkey=" + BlueskyApi.encode(rkey));
    }

    private StrongRef readRef(HttpReply reply, String method, URI uri) throws ConnectorException {
        if (!reply.isSuccess()) {
            throw BlueskyApi.refused(reply, method, uri, settings);
        }
        JsonNode json;
        try {
            json = BlueskyApi.parse(reply, method, uri);
        } catch (ConnectorException e) {
            // The post may well exist: trying again with the same record key finds it rather than a copy.
            throw ConnectorException.transientFailure(e.getMessage()
                    + "; the next try with the same record key will tell whether the post exists", e);
        }
        StrongRef ref = new StrongRef(json.path("uri").asText(""), json.path("cid").asText(""));
        if (ref.isIncomplete()) {
            throw ConnectorException.transientFailure("Bluesky answered " + method + " " + uri + " without the post's uri and cid: "
                    + reply.bodySnippet() + "; the next try with the same record key will tell", null);
        }
        return ref;
    }

    /** A {@code com.atproto.repo.strongRef}: a post's uri and the cid of the version answered. */
    private record StrongRef(String uri, String cid) {
        boolean isIncomplete() {
            return uri == null || uri.isBlank() || cid == null || cid.isBlank();
        }

        void into(ObjectNode node) {
            node.put("uri", uri);
            node.put("cid", cid);
        }
    }
}
