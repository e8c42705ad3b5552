package org.earshot.connector.mastodon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.PostedReply;
import org.earshot.connector.ReplyBlock;
import org.earshot.connector.ReplyPublisher;
import org.earshot.connector.TopLevelPost;
import org.earshot.http.ConnectorResilience;
import org.earshot.http.HttpReply;

/**
 * Posts a reply block as a status threaded under the mention, once per call. The block's
 * idempotency key goes out as Mastodon's {@code Idempotency-Key}: when the outbox calls again after
 * a failure, the instance returns the status it already made (for about an hour) instead of a copy.
 */
public final class MastodonReplyPublisher implements ReplyPublisher {
    private final MastodonSettings settings;
    private final ConnectorResilience http;

    public MastodonReplyPublisher(MastodonSettings settings, ConnectorResilience http) {
        this.settings = settings;
        this.http = http;
    }

    @Override
    public PostedReply publish(ReplyBlock block) throws ConnectorException {
        if (block.idempotencyKey() == null || block.idempotencyKey().isBlank()) {
            throw ConnectorException.permanentFailure("a Mastodon reply needs an idempotency key, so that"
                    + " posting it again cannot make a copy", null);
        }
        Map<String, String> context = block.mention().replyContext();
        String acct = context.getOrDefault("acct", block.mention().author().handle());
        String text = block.index() == 0 ? addressed(block.text(), acct) : block.text();
        int length = MastodonText.countedLength(text);
        if (length > MastodonConnectorFactory.CHANNEL.maxPostLength()) {
            throw ConnectorException.permanentFailure("reply block " + (block.index() + 1) + " of " + block.count()
                    + " is " + length + " characters as Mastodon counts them; a Mastodon post allows "
                    + MastodonConnectorFactory.CHANNEL.maxPostLength(), null);
        }
        return post(body(block, text, context), block.idempotencyKey());
    }

    private PostedReply post(String json, String idempotencyKey) throws ConnectorException {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw ConnectorException.permanentFailure("a Mastodon post needs an idempotency key, so that"
                    + " posting it again cannot make a copy", null);
        }
        URI uri = URI.create(settings.baseUrl() + "/api/v1/statuses");
        HttpPost post = MastodonApi.authorized(new HttpPost(uri), settings);
        post.setHeader("Idempotency-Key", idempotencyKey);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        HttpReply reply = http.write(post);
        if (!reply.isSuccess()) {
            throw MastodonApi.refused(reply, "POST", uri, settings);
        }
        try {
            JsonNode status = MastodonApi.JSON.readTree(reply.body());
            String id = status == null ? "" : status.path("id").asText("");
            if (id.isBlank()) {
                throw new IllegalArgumentException("no status id in " + reply.bodySnippet());
            }
            return new PostedReply(id, status.path("url").asText(""));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // The post may well exist: trying again with the same key returns it rather than a copy.
            throw ConnectorException.transientFailure("Mastodon accepted POST " + uri + " but its answer cannot"
                    + " be read (" + e.getMessage() + "); the next try with the same idempotency key will tell", e);
        }
    }

    @Override
    public boolean postsTopLevel() {
        return true;
    }

    /** A public status of the account's own, under the same Idempotency-Key rule as a reply. */
    @Override
    public PostedReply postTopLevel(TopLevelPost statement) throws ConnectorException {
        int length = MastodonText.countedLength(statement.text());
        if (length > MastodonConnectorFactory.CHANNEL.maxPostLength()) {
            throw ConnectorException.permanentFailure("the statement is " + length + " characters as Mastodon counts"
                    + " them; a Mastodon post allows " + MastodonConnectorFactory.CHANNEL.maxPostLength(), null);
        }
        ObjectNode body = MastodonApi.JSON.createObjectNode();
        body.put("status", statement.text());
        body.put("visibility", settings.visibility().orElse("public"));
        return post(body.toString(), statement.idempotencyKey());
    }

    /** Starts the first block with "@acct " unless the text already mentions the person. */
    static String addressed(String text, String acct) {
        if (acct == null || acct.isBlank()) {
            return text;
        }
        String bare = acct.startsWith("@") ? acct.substring(1) : acct;
        Pattern mentioned = Pattern.compile("(?<![\\w@])@" + Pattern.quote(bare) + "(?![\\w@])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return mentioned.matcher(text).find() ? text : "@" + bare + " " + text;
    }

    private String body(ReplyBlock block, String text, Map<String, String> context) {
        ObjectNode body = MastodonApi.JSON.createObjectNode();
        body.put("status", text);
        if (block.inReplyToId() != null && !block.inReplyToId().isBlank()) {
            body.put("in_reply_to_id", block.inReplyToId());
        }
        body.put("visibility", settings.visibility().orElse(context.getOrDefault("visibility", "public")));
        return body.toString();
    }
}
