package org.earshot.connector.mastodon;

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
import org.earshot.connector.JsonItems;
import org.earshot.connector.MalformedItemException;
import org.earshot.connector.UnreadableItem;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.earshot.config.BrandConfig;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.MentionSource;
import org.earshot.connector.PollResult;
import org.earshot.domain.IncomingMention;
import org.earshot.http.ConnectorResilience;
import org.earshot.http.HttpReply;
import org.earshot.http.LinkHeader;
import org.earshot.http.RateLimitHeaders;

/**
 * Reads a Mastodon account's mentions (its notifications of type mention) and the hashtag timelines
 * it watches, forward from the cursor with {@code min_id}.
 *
 * <p>The first poll takes the newest page of each stream only. Later polls follow the
 * {@code Link rel="prev"} pages while they are full, up to {@code maxPagesPerPoll}; the rest waits
 * for the next poll, since every page is older than the one after it. When the instance says no
 * request is left, the poll stops and returns what it has, with the cursor of exactly that.
 */
public final class MastodonMentionSource implements MentionSource, org.earshot.connector.CredentialCheck {
    private final MastodonSettings settings;
    private final ConnectorResilience http;
    private final MastodonStatuses statuses;

    public MastodonMentionSource(MastodonSettings settings, BrandConfig brand, ConnectorResilience http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.statuses = new MastodonStatuses(brand, settings.baseUrl().getHost(), clock);
    }

    @Override
    public PollResult poll(String cursor) throws ConnectorException {
        Map<String, String> previous = MastodonCursor.decode(cursor, settings.configKey());
        Map<String, String> next = new LinkedHashMap<>();
        Map<String, IncomingMention> byStatusId = new LinkedHashMap<>();
        Map<String, UnreadableItem> unreadable = new LinkedHashMap<>();
        long quotaLeft = RateLimitHeaders.UNKNOWN;
        boolean quotaSpent = false;
        for (Stream stream : streams()) {
            String since = previous.get(stream.key());
            if (quotaSpent) {
                if (since != null) {
                    next.put(stream.key(), since);
                }
                continue;
            }
            StreamRead read = read(stream, since);
            read.newestId().ifPresent(id -> next.put(stream.key(), id));
            for (JsonNode item : read.items()) {
                try {
                    statuses.mentionIn(item, stream.notifications())
                            .ifPresent(m -> byStatusId.putIfAbsent(m.externalId(), m));
                } catch (MalformedItemException | RuntimeException e) {
                    UnreadableItem kept = JsonItems.unreadable("mastodon",
                            MastodonStatuses.idOf(item, stream.notifications()), reason(e), item);
                    unreadable.putIfAbsent(kept.externalId(), kept);
                }
            }
            if (read.quotaLeft() != RateLimitHeaders.UNKNOWN) {
                quotaLeft = read.quotaLeft();
            }
            quotaSpent = read.quotaLeft() == 0;
        }
        List<IncomingMention> oldestFirst = new ArrayList<>(byStatusId.values());
        oldestFirst.sort(Comparator.comparing(IncomingMention::createdAt));
        return new PollResult(oldestFirst, MastodonCursor.encode(next), quotaLeft, List.copyOf(unreadable.values()));
    }

    /** {@code GET /api/v1/accounts/verify_credentials}: the account the access token belongs to. */
    @Override
    public String whoAmI() throws ConnectorException {
        URI uri = URI.create(settings.baseUrl() + "/api/v1/accounts/verify_credentials");
        HttpReply reply = http.read(MastodonApi.authorized(new HttpGet(uri), settings));
        if (!reply.isSuccess()) {
            throw MastodonApi.refused(reply, "GET", uri, settings);
        }
        JsonNode account = MastodonApi.parse(reply, "GET", uri);
        String acct = account.path("acct").asText("");
        if (acct.isBlank()) {
            throw ConnectorException.transientFailure("Mastodon answered GET " + uri + " without the account's acct",
                    null);
        }
        return "@" + (acct.contains("@") ? acct : acct + "@" + settings.baseUrl().getHost());
    }

    /** Reads a kept item again, notification or status, with the parser of today. */
    @Override
    public List<IncomingMention> reread(UnreadableItem item) throws ConnectorException {
        JsonNode json = JsonItems.parse(item);
        try {
            return statuses.mentionIn(json, MastodonStatuses.isNotification(json)).stream().toList();
        } catch (MalformedItemException e) {
            throw JsonItems.stillUnreadable(item, e);
        }
    }

    private static String reason(Exception e) {
        return e instanceof MalformedItemException ? e.getMessage()
                : "reading it failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private List<Stream> streams() {
        List<Stream> streams = new ArrayList<>();
        if (settings.notifications()) {
            streams.add(new Stream(MastodonCursor.NOTIFICATIONS, "/api/v1/notifications", "types[]=mention&", true));
        }
        for (String tag : settings.hashtags()) {
            streams.add(new Stream(MastodonCursor.tagStream(tag),
                    "/api/v1/timelines/tag/" + URLEncoder.encode(tag, StandardCharsets.UTF_8), "", false));
        }
        return streams;
    }

    private StreamRead read(Stream stream, String since) throws ConnectorException {
        List<JsonNode> found = new ArrayList<>();
        String newest = since;
        long quotaLeft = RateLimitHeaders.UNKNOWN;
        for (int page = 1; page <= settings.maxPagesPerPoll(); page++) {
            URI uri = stream.uri(settings, newest);
            HttpReply reply = http.read(MastodonApi.authorized(new HttpGet(uri), settings));
            if (!reply.isSuccess()) {
                throw MastodonApi.refused(reply, "GET", uri, settings);
            }
            JsonNode items = MastodonApi.parse(reply, "GET", uri);
            if (!items.isArray()) {
                throw ConnectorException.transientFailure("Mastodon answered GET " + uri
                        + " with a JSON " + items.getNodeType().name().toLowerCase() + " instead of a list", null);
            }
            items.forEach(found::add);
            String pageNewest = LinkHeader.parse(reply.header("Link")).queryParameter("prev", "min_id")
                    .filter(id -> !id.isBlank())
                    .orElse(newestIdOn(items));
            quotaLeft = http.rateLimit(reply).remaining();
            boolean moved = pageNewest != null && !pageNewest.equals(newest);
            boolean firstPoll = since == null;
            if (pageNewest != null) {
                newest = pageNewest;
            }
            if (firstPoll || items.size() < settings.pageLimit() || !moved || quotaLeft == 0) {
                break;
            }
        }
        return new StreamRead(found, Optional.ofNullable(newest), quotaLeft);
    }

    /** Without a Link header: the id of the newest item that has a usable one (a broken item does not hold the cursor). */
    private static String newestIdOn(JsonNode items) {
        for (JsonNode item : items) {
            String id = JsonItems.idIfAny(item, "id");
            if (id != null && id.length() <= 64) {
                return id;
            }
        }
        return null;
    }

    /** One timeline the connector reads; its cursor key names it inside the connector's cursor. */
    private record Stream(String key, String path, String fixedQuery, boolean notifications) {
        URI uri(MastodonSettings settings, String minId) {
            String query = fixedQuery + "limit=" + settings.pageLimit()
                    + (minId == null ? "" : "&min_id=" + URLEncoder.encode(minId, StandardCharsets.UTF_8));
            return URI.create(settings.baseUrl() + path + "?" + query.replace("[]", "%5B%5D"));
        }

    }

    private record StreamRead(List<JsonNode> items, Optional<String> newestId, long quotaLeft) {
    }
}
