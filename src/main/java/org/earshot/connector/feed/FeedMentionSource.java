package org.earshot.connector.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.HttpHeaders;
import org.earshot.config.BrandConfig;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.MentionSource;
import org.earshot.connector.PollResult;
import org.earshot.connector.UnreadableItem;
import org.earshot.domain.IncomingMention;
import org.earshot.http.ConnectorResilience;
import org.earshot.http.HttpReply;
import org.earshot.http.RateLimitHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads RSS and Atom feeds: news, blogs, review sites, search alerts. Each poll asks each feed with
 * a conditional GET ({@code If-None-Match}, {@code If-Modified-Since}); a 304 means nothing new.
 * Entries whose ids the cursor remembers are skipped.
 *
 * <p>A feed that fails is logged and keeps its place; the other feeds' entries still arrive. Only
 * when every feed fails does the poll fail. At most {@code maxEntriesPerPoll} new entries are
 * returned, oldest first; the feeds whose newer entries had to wait are asked again in full next time.
 */
public final class FeedMentionSource implements MentionSource {
    private static final Logger LOG = LoggerFactory.getLogger(FeedMentionSource.class);
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9,"
            + " text/xml;q=0.8, */*;q=0.1";

    private final FeedSettings settings;
    private final ConnectorResilience http;
    private final FeedEntries entries;

    FeedMentionSource(FeedSettings settings, BrandConfig brand, ConnectorResilience http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.entries = new FeedEntries(brand, clock);
    }

    @Override
    public PollResult poll(String cursor) throws ConnectorException {
        Map<String, FeedCursor.FeedState> previous = FeedCursor.decode(cursor, settings.configKey());
        Map<String, FeedRead> reads = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        boolean allPermanent = true;
        for (FeedSettings.Feed feed : settings.feeds()) {
            String key = feed.url().toString();
            FeedCursor.FeedState state = previous.getOrDefault(key, FeedCursor.FeedState.NEW);
            try {
                reads.put(key, read(feed, state));
            } catch (ConnectorException e) {
                LOG.warn("{}: {}; the other feeds are read, this one is tried again next poll",
                        settings.configKey(), e.getMessage());
                failures.add(e.getMessage());
                allPermanent &= e.isPermanent();
                reads.put(key, FeedRead.unchanged(state));
            }
        }
        if (failures.size() == settings.feeds().size()) {
            throw new ConnectorException("all " + failures.size() + " feeds failed: " + String.join("; ", failures),
                    allPermanent, null);
        }
        List<Found> kept = keepOldest(reads);
        Set<String> returned = new HashSet<>();
        kept.forEach(found -> returned.add(found.mention().externalId()));
        Map<String, FeedCursor.FeedState> next = new LinkedHashMap<>();
        reads.forEach((url, read) -> next.put(url, read.nextState(returned)));
        List<UnreadableItem> unreadable = new ArrayList<>();
        reads.values().forEach(read -> unreadable.addAll(read.unreadable()));
        return new PollResult(kept.stream().map(Found::mention).toList(), FeedCursor.encode(next),
                RateLimitHeaders.UNKNOWN, unreadable);
    }

    /** The new mentions of all feeds, each once, oldest first, as many as one poll may return. */
    private List<Found> keepOldest(Map<String, FeedRead> reads) {
        Map<String, Found> byId = new LinkedHashMap<>();
        reads.values().forEach(read -> read.found().forEach(f -> byId.putIfAbsent(f.mention().externalId(), f)));
        List<Found> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparing(f -> f.mention().createdAt()));
        if (all.size() > settings.maxEntriesPerPoll()) {
            LOG.info("{}: {} new entries, returning the oldest {}; the rest come with the next poll",
                    settings.configKey(), all.size(), settings.maxEntriesPerPoll());
            return all.subList(0, settings.maxEntriesPerPoll());
        }
        return all;
    }

    private FeedRead read(FeedSettings.Feed feed, FeedCursor.FeedState state) throws ConnectorException {
        URI url = feed.url();
        HttpGet get = new HttpGet(url);
        get.setHeader(HttpHeaders.ACCEPT, ACCEPT);
        if (!state.etag().isEmpty()) {
            get.setHeader(HttpHeaders.IF_NONE_MATCH, state.etag());
        }
        if (!state.lastModified().isEmpty()) {
            get.setHeader(HttpHeaders.IF_MODIFIED_SINCE, state.lastModified());
        }
        HttpReply reply = http.read(get, FeedXml::readKeepingBytes);
        if (reply.status() == 304) {
            return FeedRead.unchanged(state);
        }
        if (!reply.isSuccess()) {
            throw refused(reply, feed);
        }
        SyndFeed document = FeedXml.parse(reply, url);
        List<String> newIds = new ArrayList<>();
        List<Found> found = new ArrayList<>();
        List<UnreadableItem> unreadable = new ArrayList<>();
        Set<String> seen = new HashSet<>(state.seen());
        List<SyndEntry> all = document.getEntries();
        for (int i = 0; i < all.size(); i++) {
            SyndEntry entry = all.get(i);
            int index = i;
            Optional<String> id = FeedEntries.id(entry, url);
            Optional<byte[]> xml = id.isPresent() ? Optional.empty()
                    : FeedEntryXml.oneEntryFeed(FeedXml.bytes(reply), i, all.size(), url);
            // An entry without guid, id or link is known by what it holds, so it is kept once, not every poll.
            String known = id.orElseGet(() -> url + "#unreadable-" + sha256(xml.orElse(new byte[0]), index));
            if (seen.contains(known) || newIds.contains(known)) {
                continue;
            }
            newIds.add(known);
            if (id.isEmpty()) {
                unreadable.add(new UnreadableItem(known, "the entry has no guid, id or link to know it by",
                        xml.orElse(new byte[0]), false));
                continue;
            }
            try {
                entries.mention(document, entry, known, feed).ifPresent(m -> found.add(new Found(m)));
            } catch (RuntimeException e) {
                unreadable.add(new UnreadableItem(known, "making it a mention failed: " + e,
                        FeedEntryXml.oneEntryFeed(FeedXml.bytes(reply), i, all.size(), url).orElse(new byte[0]), false));
            }
        }
        return new FeedRead(state, reply.header(HttpHeaders.ETAG).orElse(""),
                reply.header(HttpHeaders.LAST_MODIFIED).orElse(""), newIds, found, unreadable);
    }

    /**
     * Reads a kept entry again: it was kept as a one-entry feed with its feed's URL in front, and is
     * read as a polled feed is, with that feed's settings (brand match, press) when it is still configured.
     */
    @Override
    public List<IncomingMention> reread(UnreadableItem item) throws ConnectorException {
        byte[] raw = item.raw();
        URI url = FeedEntryXml.feedOf(raw).orElseThrow(() -> new ConnectorException("still cannot read "
                + item.externalId() + ": it is not a kept feed entry", true, null));
        FeedSettings.Feed feed = settings.feeds().stream().filter(f -> f.url().equals(url)).findFirst()
                .orElse(new FeedSettings.Feed(url, true, settings.configKey() + ".feeds"));
        SyndFeed document = FeedXml.parse(raw, null, url);
        if (document.getEntries().size() != 1) {
            throw new ConnectorException("still cannot read " + item.externalId() + ": it holds "
                    + document.getEntries().size() + " entries, not one", true, null);
        }
        SyndEntry entry = document.getEntries().get(0);
        Optional<String> id = FeedEntries.id(entry, url);
        if (id.isEmpty()) {
            throw new ConnectorException("still cannot read " + item.externalId()
                    + ": the entry has no guid, id or link to know it by", true, null);
        }
        try {
            return entries.mention(document, entry, id.get(), feed).stream().toList();
        } catch (RuntimeException e) {
            throw new ConnectorException("still cannot read " + item.externalId() + ": " + e, true, e);
        }
    }

    private static String sha256(byte[] xml, int index) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(xml.length > 0 ? xml : ("entry " + index).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static ConnectorException refused(HttpReply reply, FeedSettings.Feed feed) {
        String snippet = reply.bodySnippet().isEmpty() ? "" : ": " + reply.bodySnippet();
        String why = switch (reply.status()) {
            case 401, 403 -> "refuses access (" + reply.status() + "): a feed that needs a login is not supported";
            case 404, 410 -> "is not there (" + reply.status() + "): check " + feed.key();
            default -> "answered HTTP " + reply.status() + snippet;
        };
        return ConnectorException.permanentFailure("feed " + feed.url() + " " + why, null);
    }

    private record Found(IncomingMention mention) {
    }

    /**
     * What one poll read from a feed. The next state remembers every new id that was returned or
     * left out on purpose; ids of entries held back for the next poll are not remembered, and the
     * feed's validators then stay as they were, so that the next request gets the whole feed again.
     */
    private record FeedRead(FeedCursor.FeedState before, String etag, String lastModified, List<String> newIds,
                            List<Found> found, List<UnreadableItem> unreadable) {
        static FeedRead unchanged(FeedCursor.FeedState state) {
            return new FeedRead(state, state.etag(), state.lastModified(), List.of(), List.of(), List.of());
        }

        FeedCursor.FeedState nextState(Set<String> returned) {
            Set<String> heldBack = new HashSet<>();
            found.forEach(f -> {
                if (!returned.contains(f.mention().externalId())) {
                    heldBack.add(f.mention().externalId());
                }
            });
            List<String> remembered = newIds.stream().filter(id -> !heldBack.contains(id)).toList();
            return heldBack.isEmpty() ? before.reading(etag, lastModified, remembered)
                    : before.reading(before.etag(), before.lastModified(), remembered);
        }
    }
}
