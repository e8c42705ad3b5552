package org.earshot.connector.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.earshot.config.BrandConfig;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.MentionSource;
import org.earshot.connector.JsonItems;
import org.earshot.connector.MalformedItemException;
import org.earshot.connector.PollResult;
import org.earshot.connector.UnreadableItem;
import org.earshot.connector.reddit.RedditCursor.Mark;
import org.earshot.domain.IncomingMention;
import org.earshot.http.HttpReply;
import org.earshot.http.RateLimitHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Searches Reddit for the brand, newest first ({@code sort=new}): posts, and comments too when
 * {@code includeComments} is set.
 *
 * <p>Reddit has no "since" parameter, so each poll reads pages back with {@code after} until it meets
 * the thing the cursor marks or an older one, up to {@code maxPagesPerPoll}. The next cursor is the
 * newest thing of the first page. When the pages end, the page budget is spent or no request is left
 * before the mark is met, whatever lies between is not read: the poll logs that gap as a warning
 * instead of hiding it. The very first poll reads the newest page only.
 */
public final class RedditMentionSource implements MentionSource, org.earshot.connector.CredentialCheck {
    private static final Logger LOG = LoggerFactory.getLogger(RedditMentionSource.class);

    private final RedditApi api;
    private final RedditSettings settings;
    private final RedditThings things;
    private final String query;

    RedditMentionSource(RedditApi api, BrandConfig brand, String query, Clock clock) {
        this.api = api;
        this.settings = api.settings();
        this.things = new RedditThings(brand, settings.username(), clock);
        this.query = query;
    }

    /** A token from the password grant, then {@code GET /api/v1/me}: the account the token is for. */
    @Override
    public String whoAmI() throws ConnectorException {
        java.net.URI uri = java.net.URI.create(settings.baseUrl() + "/api/v1/me?raw_json=1");
        HttpReply reply = api.get(uri);
        if (!reply.isSuccess()) {
            throw api.refused(reply, "GET", uri);
        }
        String name = api.parse(reply, "GET", uri).path("name").asText("");
        if (name.isBlank()) {
            throw ConnectorException.transientFailure("Reddit answered GET " + uri + " without the account's name", null);
        }
        if (!name.equalsIgnoreCase(settings.username())) {
            throw ConnectorException.permanentFailure("the token is for u/" + name + ", but " + settings.key("username")
                    + " is u/" + settings.username(), null);
        }
        return "u/" + name;
    }

    @Override
    public PollResult poll(String cursor) throws ConnectorException {
        Map<String, Mark> previous = RedditCursor.decode(cursor, settings.configKey());
        Map<String, Mark> next = new LinkedHashMap<>();
        Map<String, IncomingMention> byName = new LinkedHashMap<>();
        Map<String, UnreadableItem> unreadable = new LinkedHashMap<>();
        long quotaLeft = RateLimitHeaders.UNKNOWN;
        boolean quotaSpent = false;
        for (Search search : searches()) {
            Mark since = previous.get(search.key());
            if (quotaSpent) {
                if (since != null) {
                    next.put(search.key(), since);
                }
                continue;
            }
            SearchRead read = read(search, since);
            Mark newest = read.newest() == null ? since : read.newest().newer(since);
            if (newest != null) {
                next.put(search.key(), newest);
            }
            for (JsonNode child : read.children()) {
                try {
                    things.mention(child).ifPresent(m -> byName.putIfAbsent(m.externalId(), m));
                } catch (MalformedItemException | RuntimeException e) {
                    UnreadableItem kept = JsonItems.unreadable("reddit", JsonItems.idIfAny(child.path("data"), "name"),
                            reason(e), child);
                    unreadable.putIfAbsent(kept.externalId(), kept);
                }
            }
            if (read.quotaLeft() != RateLimitHeaders.UNKNOWN) {
                quotaLeft = read.quotaLeft();
            }
            quotaSpent = read.quotaLeft() == 0;
        }
        List<IncomingMention> oldestFirst = new ArrayList<>(byName.values());
        oldestFirst.sort(Comparator.comparing(IncomingMention::createdAt));
        return new PollResult(oldestFirst, RedditCursor.encode(next), quotaLeft, List.copyOf(unreadable.values()));
    }

    /** Reads a kept listing child ({@code {"kind":…,"data":…}}) again with the parser of today. */
    @Override
    public List<IncomingMention> reread(UnreadableItem item) throws ConnectorException {
        try {
            return things.mention(JsonItems.parse(item)).stream().toList();
        } catch (MalformedItemException e) {
            throw JsonItems.stillUnreadable(item, e);
        }
    }

    private static String reason(Exception e) {
        return e instanceof MalformedItemException ? e.getMessage()
                : "reading it failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private List<Search> searches() {
        List<Search> searches = new ArrayList<>();
        searches.add(new Search(RedditCursor.POSTS, "link"));
        if (settings.includeComments()) {
            searches.add(new Search(RedditCursor.COMMENTS, "comment"));
        }
        return searches;
    }

    private SearchRead read(Search search, Mark since) throws ConnectorException {
        List<JsonNode> found = new ArrayList<>();
        Mark newest = null;
        Mark oldestRead = null;
        long quotaLeft = RateLimitHeaders.UNKNOWN;
        String after = null;
        for (int page = 1; page <= settings.maxPagesPerPoll(); page++) {
            URI uri = search.uri(settings, query, after);
            HttpReply reply = api.get(uri);
            if (!reply.isSuccess()) {
                throw api.refused(reply, "GET", uri);
            }
            JsonNode data = listing(api.parse(reply, "GET", uri), uri);
            quotaLeft = api.rateLimit(reply).remaining();
            boolean reached = false;
            for (JsonNode child : data.path("children")) {
                Optional<Mark> mark = Mark.of(child);
                if (mark.isEmpty()) {
                    // Without a name it cannot be placed against the cursor: it is read (and kept aside as unreadable).
                    found.add(child);
                    continue;
                }
                if (since != null && mark.get().isAtOrOlderThan(since)) {
                    reached = true;
                    break;
                }
                newest = mark.get().newer(newest);
                oldestRead = mark.get();
                found.add(child);
            }
            after = data.path("after").asText("");
            if (since == null || reached) {
                break;
            }
            if (after.isBlank()) {
                gap(search, since, oldestRead, page, "the search results ended");
                break;
            }
            if (quotaLeft == 0) {
                gap(search, since, oldestRead, page, "no request is left in Reddit's rate-limit window");
                break;
            }
            if (page == settings.maxPagesPerPoll()) {
                gap(search, since, oldestRead, page, settings.key("maxPagesPerPoll") + " is " + settings.maxPagesPerPoll());
            }
        }
        return new SearchRead(found, newest, quotaLeft);
    }

    /** The {@code data} of a Listing, or a transient failure naming what came instead. */
    private static JsonNode listing(JsonNode json, URI uri) throws ConnectorException {
        JsonNode data = json.path("data");
        if (!"Listing".equals(json.path("kind").asText()) || !data.path("children").isArray()) {
            throw ConnectorException.transientFailure("Reddit answered GET " + uri
                    + " with JSON that is not a Listing of things: " + abbreviated(json.toString()), null);
        }
        return data;
    }

    private void gap(Search search, Mark since, Mark oldestRead, int pages, String why) {
        LOG.warn("{}: gap in the Reddit {} search: read {} page(s) back to {} without reaching the cursor {}"
                        + " (created {}), because {}; {} older than that and newer than the cursor were not read",
                settings.configKey(), search.key(), pages, oldestRead == null ? "nothing" : oldestRead.name()
                        + " (created " + oldestRead.created() + ")",
                since.name(), since.created(), why, search.key());
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    /** One search the connector runs; its key names it inside the connector's cursor. */
    private record Search(String key, String type) {
        URI uri(RedditSettings settings, String query, String after) {
            String path = settings.subreddits().isEmpty() ? "/search"
                    : "/r/" + String.join("+", settings.subreddits()) + "/search";
            String q = "q=" + encode(query) + "&sort=new&limit=" + settings.pageLimit() + "&type=" + type
                    + (settings.subreddits().isEmpty() ? "" : "&restrict_sr=on")
                    // Without raw_json Reddit escapes &, < and > in every text as HTML entities.
                    + "&raw_json=1"
                    + (after == null || after.isBlank() ? "" : "&after=" + encode(after));
            return URI.create(settings.baseUrl() + path + "?" + q);
        }

        private static String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    private record SearchRead(List<JsonNode> children, Mark newest, long quotaLeft) {
    }
}
