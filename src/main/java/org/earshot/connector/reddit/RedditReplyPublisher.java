package org.earshot.connector.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.PostedReply;
import org.earshot.connector.ReplyBlock;
import org.earshot.connector.ReplyPublisher;
import org.earshot.http.HttpReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a reply block as a comment under the post or comment it answers ({@code POST /api/comment}),
 * once per call.
 *
 * <p>Reddit has no idempotency key. So that the outbox's next try after a lost answer cannot post a
 * copy, every block first looks through the brand account's most recent comments for one under the
 * same parent with the same text, and returns that one when it is there.
 */
public final class RedditReplyPublisher implements ReplyPublisher {
    /** How many of the brand account's newest comments are searched for a reply already posted. */
    static final int RECENT_COMMENTS = 25;
    private static final Logger LOG = LoggerFactory.getLogger(RedditReplyPublisher.class);
    private static final Pattern FULLNAME = Pattern.compile("t[13]_[a-z0-9]+");

    private final RedditApi api;
    private final RedditSettings settings;

    RedditReplyPublisher(RedditApi api) {
        this.api = api;
        this.settings = api.settings();
    }

    @Override
    public PostedReply publish(ReplyBlock block) throws ConnectorException {
        String parent = parent(block);
        String text = block.text() == null ? "" : block.text();
        if (text.isBlank()) {
            throw ConnectorException.permanentFailure("reply block " + (block.index() + 1) + " of " + block.count()
                    + " is empty; Reddit does not post empty comments", null);
        }
        int length = text.codePointCount(0, text.length());
        if (length > RedditConnectorFactory.CHANNEL.maxPostLength()) {
            throw ConnectorException.permanentFailure("reply block " + (block.index() + 1) + " of " + block.count()
                    + " is " + length + " characters; a Reddit comment allows " + RedditConnectorFactory.CHANNEL.maxPostLength(),
                    null);
        }
        Optional<PostedReply> existing = alreadyPosted(parent, text);
        if (existing.isPresent()) {
            LOG.info("{}: reply block {} of {} to {} is already on Reddit as {}; not posting it again",
                    settings.configKey(), block.index() + 1, block.count(), parent, existing.get().externalId());
            return existing.get();
        }
        URI uri = URI.create(settings.baseUrl() + "/api/comment");
        HttpReply reply = api.post(uri, List.of(new BasicNameValuePair("api_type", "json"),
                new BasicNameValuePair("raw_json", "1"),
                new BasicNameValuePair("thing_id", parent),
                new BasicNameValuePair("text", text)));
        if (!reply.isSuccess()) {
            throw api.refused(reply, "POST", uri);
        }
        JsonNode json;
        try {
            json = api.parse(reply, "POST", uri);
        } catch (ConnectorException e) {
            throw unreadable(uri, e.getMessage());
        }
        JsonNode errors = json.path("json").path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            throw refusedInside(errors, parent);
        }
        JsonNode comment = json.path("json").path("data").path("things").path(0).path("data");
        String name = comment.path("name").asText("");
        if (name.isBlank()) {
            throw unreadable(uri, "no comment name in " + reply.bodySnippet());
        }
        return new PostedReply(name, url(comment));
    }

    /** The fullname to answer: the previous block, else the mention itself. */
    private static String parent(ReplyBlock block) throws ConnectorException {
        String parent = block.inReplyToId() == null || block.inReplyToId().isBlank()
                ? block.mention().externalId() : block.inReplyToId().strip();
        if (!FULLNAME.matcher(parent).matches()) {
            throw ConnectorException.permanentFailure("cannot reply on Reddit to '" + parent + "': a reply needs"
                    + " the fullname of a post (t3_…) or a comment (t1_…)", null);
        }
        return parent;
    }

    /** The brand's comment under {@code parent} with this text, among its {@value #RECENT_COMMENTS} newest. */
    private Optional<PostedReply> alreadyPosted(String parent, String text) throws ConnectorException {
        URI uri = URI.create(settings.baseUrl() + "/user/" + URLEncoder.encode(settings.username(),
                StandardCharsets.UTF_8) + "/comments?limit=" + RECENT_COMMENTS + "&sort=new&raw_json=1");
        HttpReply reply = api.get(uri);
        if (!reply.isSuccess()) {
            throw api.refused(reply, "GET", uri);
        }
        JsonNode children = api.parse(reply, "GET", uri).path("data").path("children");
        String wanted = comparable(text);
        for (JsonNode child : children) {
            JsonNode comment = child.path("data");
            if (parent.equals(comment.path("parent_id").asText(""))
                    && wanted.equals(comparable(comment.path("body").asText("")))
                    && !comment.path("name").asText("").isBlank()) {
                return Optional.of(new PostedReply(comment.path("name").asText(), url(comment)));
            }
        }
        return Optional.empty();
    }

    /** Reddit's errors inside an HTTP 200: only its rate limit passes with time. */
    private static ConnectorException refusedInside(JsonNode errors, String parent) {
        List<String> codes = new ArrayList<>();
        List<String> said = new ArrayList<>();
        for (JsonNode error : errors) {
            codes.add(error.path(0).asText("?"));
            said.add(error.path(1).asText(""));
        }
        String what = String.join(", ", codes) + ": " + String.join("; ", said);
        if (codes.stream().allMatch("RATELIMIT"::equals)) {
            return ConnectorException.transientFailure("Reddit did not take the reply to " + parent + " yet ("
                    + what + "); the outbox will try again later", null);
        }
        return ConnectorException.permanentFailure("Reddit refused the reply to " + parent + " (" + what + ")",
                null);
    }

    private ConnectorException unreadable(URI uri, String why) {
        // The comment may well exist: the next try finds it among the account's comments.
        return ConnectorException.transientFailure("Reddit took POST " + uri + " but its answer cannot be read ("
                + why + "); the next try looks for the reply among u/" + settings.username()
                + "'s recent comments before posting", null);
    }

    private static String url(JsonNode comment) {
        String permalink = comment.path("permalink").asText("");
        return permalink.isBlank() ? "" : RedditThings.WEB + permalink;
    }

    /** Text as Reddit may give it back: line endings unified, spaces at the ends of lines dropped. */
    private static String comparable(String text) {
        return text.replace("\r\n", "\n").replaceAll("[ \\t]+\n", "\n").strip();
    }
}
