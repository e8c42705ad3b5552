package org.earshot.connector.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.earshot.config.BrandConfig;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.MentionSource;
import org.earshot.connector.JsonItems;
import org.earshot.connector.MalformedItemException;
import org.earshot.connector.PollResult;
import org.earshot.connector.UnreadableItem;
import org.earshot.domain.IncomingMention;
import org.earshot.http.ConnectorResilience;
import org.earshot.http.HttpReply;
import org.earshot.http.RateLimitHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds posts that name the brand with Bluesky's search ({@code app.bsky.feed.searchPosts}, newest
 * first), one search per query, reported once each however many searches found them.
 *
 * <p>The first poll of a search takes its newest page only. Later polls ask for posts {@code since}
 * the newest one read and follow the result's {@code cursor} back until they reach it, up to
 * {@code maxPagesPerPoll}. Newer posts come first, so when the pages run out before that the poll
 * moves on from the newest post and logs the stretch it did not read: a gap is reported, not hidden.
 */
public final class BlueskyMentionSource implements MentionSource, org.earshot.connector.CredentialCheck {
    private static final Logger LOG = LoggerFactory.getLogger(BlueskyMentionSource.class);
    /** {@code app.bsky.actor.getProfiles} takes at most 25 actors per call. */
    private static final int PROFILES_PER_CALL = 25;

    private final BlueskySettings settings;
    private final BlueskySession session;
    private final ConnectorResilience http;
    private final BlueskyPosts posts;
    private final List<String> queries;

    BlueskyMentionSource(BlueskySettings settings, BrandConfig brand, BlueskySession session,
                         ConnectorResilience http, Clock clock) {
        this.settings = settings;
        this.session = session;
        this.http = http;
        this.posts = new BlueskyPosts(brand, clock);
        this.queries = settings.queriesFor(brand);
    }

    /** Logs in ({@code com.atproto.server.createSession}), then asks {@code getSession} whose session it is. */
    @Override
    public String whoAmI() throws ConnectorException {
        URI uri = BlueskyApi.xrpc(settings, "com.atproto.server.getSession", "");
        HttpReply reply = session.read(new HttpGet(uri));
        if (!reply.isSuccess()) {
            throw BlueskyApi.refused(reply, "GET", uri, settings);
        }
        JsonNode json = BlueskyApi.parse(reply, "GET", uri);
        String handle = json.path("handle").asText("");
        if (handle.isBlank()) {
            throw ConnectorException.transientFailure("Bluesky answered GET " + uri + " without the handle", null);
        }
        boolean active = json.path("active").asBoolean(true);
        return handle + " (" + json.path("did").asText("") + ")" + (active ? ""
                : ", but the account is not active: " + json.path("status").asText("deactivated"));
    }

    @Override
    public PollResult poll(String cursor) throws ConnectorException {
        Map<String, BlueskyCursor.Mark> previous = BlueskyCursor.decode(cursor, settings.configKey());
        Map<String, BlueskyCursor.Mark> next = new LinkedHashMap<>();
        Map<String, JsonNode> byUri = new LinkedHashMap<>();
        List<JsonNode> withoutUri = new ArrayList<>();
        String ownDid = session.did();
        long quotaLeft = RateLimitHeaders.UNKNOWN;
        boolean quotaSpent = false;
        for (String query : queries) {
            String key = BlueskyCursor.searchKey(query);
            BlueskyCursor.Mark mark = previous.get(key);
            if (quotaSpent) {
                if (mark != null) {
                    next.put(key, mark);
                }
                continue;
            }
            SearchRead read = search(query, mark, ownDid);
            if (read.mark() != null) {
                next.put(key, read.mark());
            }
            read.posts().forEach(post -> byUri.putIfAbsent(post.path("uri").asText(), post));
            withoutUri.addAll(read.withoutUri());
            if (read.quotaLeft() != RateLimitHeaders.UNKNOWN) {
                quotaLeft = read.quotaLeft();
            }
            quotaSpent = read.quotaLeft() == 0;
        }
        Map<String, Long> followers = quotaSpent ? Map.of() : followers(byUri.values());
        List<IncomingMention> oldestFirst = new ArrayList<>();
        Map<String, UnreadableItem> unreadable = new LinkedHashMap<>();
        for (JsonNode post : java.util.stream.Stream.concat(byUri.values().stream(), withoutUri.stream()).toList()) {
            long count = followers.getOrDefault(post.path("author").path("did").asText(""), 0L);
            try {
                posts.mention(post, count).ifPresent(oldestFirst::add);
            } catch (MalformedItemException | RuntimeException e) {
                UnreadableItem kept = JsonItems.unreadable("bluesky", JsonItems.idIfAny(post, "uri"), reason(e), post);
                unreadable.putIfAbsent(kept.externalId(), kept);
            }
        }
        oldestFirst.sort(Comparator.comparing(IncomingMention::createdAt));
        return new PollResult(oldestFirst, BlueskyCursor.encode(next), quotaLeft, List.copyOf(unreadable.values()));
    }

    /**
     * Reads a kept post view again with the parser of today. Its author's follower count is not asked
     * for again (it counts 0); a post by the brand's own or an excluded account gives none.
     */
    @Override
    public List<IncomingMention> reread(UnreadableItem item) throws ConnectorException {
        JsonNode post = JsonItems.parse(item);
        try {
            return posts.isSkipped(post, "") ? List.of() : posts.mention(post, 0).stream().toList();
        } catch (MalformedItemException e) {
            throw JsonItems.stillUnreadable(item, e);
        }
    }

    private static String reason(Exception e) {
        return e instanceof MalformedItemException ? e.getMessage()
                : "reading it failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private SearchRead search(String query, BlueskyCursor.Mark mark, String ownDid) throws ConnectorException {
        List<JsonNode> found = new ArrayList<>();
        List<JsonNode> withoutUri = new ArrayList<>();
        Instant newest = mark == null ? null : mark.since();
        Set<String> atNewest = mark == null ? new HashSet<>() : new HashSet<>(mark.uris());
        Instant oldestRead = null;
        String pageCursor = "";
        long quotaLeft = RateLimitHeaders.UNKNOWN;
        for (int page = 1; ; page++) {
            URI uri = searchUri(query, mark, pageCursor);
            HttpReply reply = session.read(new HttpGet(uri));
            if (!reply.isSuccess()) {
                throw BlueskyApi.refused(reply, "GET", uri, settings);
            }
            JsonNode json = BlueskyApi.parse(reply, "GET", uri);
            JsonNode items = json.path("posts");
            if (!items.isArray()) {
                throw ConnectorException.transientFailure("Bluesky answered GET " + uri
                        + " without a list of posts: " + reply.bodySnippet(), null);
            }
            boolean reached = false;
            for (JsonNode post : items) {
                String postUri = JsonItems.idIfAny(post, "uri");
                if (postUri == null) {
                    // It cannot be placed against the cursor or told apart: it is kept aside as unreadable.
                    withoutUri.add(post);
                    continue;
                }
                Instant at = posts.sortAt(post);
                if (mark != null && mark.alreadyRead(at, postUri)) {
                    reached = true;
                    continue;
                }
                if (newest == null || at.isAfter(newest)) {
                    newest = at;
                    atNewest = new HashSet<>();
                }
                if (at.equals(newest)) {
                    atNewest.add(postUri);
                }
                oldestRead = oldestRead == null || at.isBefore(oldestRead) ? at : oldestRead;
                if (!posts.isSkipped(post, ownDid)) {
                    found.add(post);
                }
            }
            quotaLeft = http.rateLimit(reply).remaining();
            pageCursor = json.path("cursor").asText("");
            if (mark == null || reached || pageCursor.isBlank() || items.isEmpty()) {
                break;
            }
            if (page >= settings.maxPagesPerPoll() || quotaLeft == 0) {
                LOG.warn("{}: the search '{}' has more new posts than {}; posts from {} to {} were not read"
                                + " and will not be. Raise {} or poll more often", settings.configKey(), query,
                        quotaLeft == 0 ? "the requests left in Bluesky's rate limit allow" : page + " pages",
                        mark.since(), oldestRead, settings.key("maxPagesPerPoll"));
                break;
            }
        }
        return new SearchRead(found, withoutUri, newest == null ? null : new BlueskyCursor.Mark(newest, atNewest),
                quotaLeft);
    }

    private URI searchUri(String query, BlueskyCursor.Mark mark, String pageCursor) {
        StringBuilder q = new StringBuilder("q=").append(BlueskyApi.encode(query))
                .append("&sort=latest&limit=").append(settings.pageLimit());
        if (mark != null) {
            q.append("&since=").append(BlueskyApi.encode(mark.since().toString()));
        }
        settings.language().ifPresent(lang -> q.append("&lang=").append(BlueskyApi.encode(lang)));
        if (!pageCursor.isBlank()) {
            q.append("&cursor=").append(BlueskyApi.encode(pageCursor));
        }
        return BlueskyApi.xrpc(settings, "app.bsky.feed.searchPosts", q.toString());
    }

    /**
     * The authors' follower counts, which search results do not carry, in one call per 25 authors.
     * Without them a mention still counts, with 0 followers, so a failure here is only logged.
     */
    private Map<String, Long> followers(Iterable<JsonNode> found) {
        Set<String> dids = new LinkedHashSet<>();
        found.forEach(post -> {
            String did = post.path("author").path("did").asText("");
            if (!did.isBlank()) {
                dids.add(did);
            }
        });
        List<String> all = new ArrayList<>(dids);
        Map<String, Long> followers = new HashMap<>();
        for (int from = 0; from < all.size(); from += PROFILES_PER_CALL) {
            StringBuilder q = new StringBuilder();
            for (String did : all.subList(from, Math.min(all.size(), from + PROFILES_PER_CALL))) {
                q.append(q.length() == 0 ? "" : "&").append("actors=").append(BlueskyApi.encode(did));
            }
            URI uri = BlueskyApi.xrpc(settings, "app.bsky.actor.getProfiles", q.toString());
            try {
                HttpReply reply = session.read(new HttpGet(uri));
                if (!reply.isSuccess()) {
                    throw BlueskyApi.refused(reply, "GET", uri, settings);
                }
                for (JsonNode profile : BlueskyApi.parse(reply, "GET", uri).path("profiles")) {
                    followers.put(profile.path("did").asText(""), profile.path("followersCount").asLong(0));
                }
            } catch (ConnectorException e) {
                LOG.warn("{}: follower counts unknown, counted as 0: {}", settings.configKey(), e.getMessage());
                break;
            }
        }
        return followers;
    }

    private record SearchRead(List<JsonNode> posts, List<JsonNode> withoutUri, BlueskyCursor.Mark mark,
                              long quotaLeft) {
    }
}
