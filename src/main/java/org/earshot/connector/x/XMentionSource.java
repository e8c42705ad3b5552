package org.earshot.connector.x;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.earshot.config.BrandConfig;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.MentionSource;
import org.earshot.connector.JsonItems;
import org.earshot.connector.PollResult;
import org.earshot.connector.UnreadableItem;
import org.earshot.domain.IncomingMention;
import org.earshot.http.RateLimitHeaders;

/**
 * Reads posts that name the brand from X's search, forward from the cursor with {@code since_id}.
 *
 * <p>The cursor is the newest post id read. The very first poll takes the newest page only. Later
 * polls follow the pages back towards the cursor until X has no more, up to {@code maxPagesPerPoll}
 * or until no request is left; the next cursor is the newest id of the first page either way. When a
 * poll stops before reaching the cursor, or X no longer searches back to it, the posts in between are
 * not read: that gap is reported (logged) with its bounds instead of being hidden.
 */
public final class XMentionSource implements MentionSource, org.earshot.connector.CredentialCheck {
    private final XSettings settings;
    private final XSearch search;
    private final XMentions mentions;
    private final Consumer<String> gaps;
    private final XV2Tweets rereader;
    private final org.earshot.connector.CredentialCheck credentials;

    XMentionSource(XSettings settings, BrandConfig brand, XSearch search, Consumer<String> gaps, Clock clock,
                   org.earshot.connector.CredentialCheck credentials) {
        this.settings = settings;
        this.search = search;
        this.mentions = new XMentions(brand, settings);
        this.gaps = gaps;
        this.rereader = new XV2Tweets(clock);
        this.credentials = credentials;
    }

    @Override
    public String whoAmI() throws ConnectorException {
        return credentials.whoAmI();
    }

    @Override
    public PollResult poll(String cursor) throws ConnectorException {
        Optional<String> since = XCursor.decode(cursor, settings.configKey());
        Read read;
        try {
            read = read(since, since.isPresent());
        } catch (XSearch.SinceIdTooOld e) {
            gaps.accept(settings.configKey() + ": X no longer searches back to the cursor " + since.orElse("")
                    + " (" + e.getMessage() + "); posts between it and the oldest post X still returns are"
                    + " lost. Reading what X has, up to " + settings.maxPagesPerPoll() + " pages");
            try {
                read = read(Optional.empty(), true);
            } catch (XSearch.SinceIdTooOld impossible) {
                throw new IllegalStateException("a search without since_id was refused for its since_id", impossible);
            }
        }
        Map<String, IncomingMention> byId = new LinkedHashMap<>();
        for (XTweet tweet : read.tweets()) {
            mentions.mention(tweet).ifPresent(m -> byId.putIfAbsent(m.externalId(), m));
        }
        Map<String, UnreadableItem> unreadable = new LinkedHashMap<>();
        read.unreadable().forEach(u -> unreadable.putIfAbsent(u.externalId(), u));
        List<IncomingMention> oldestFirst = new ArrayList<>(byId.values());
        oldestFirst.sort(Comparator.comparing(IncomingMention::createdAt)
                .thenComparing(IncomingMention::externalId, XCursor.BY_ID));
        String next = read.newestId().or(() -> since).orElse(null);
        return new PollResult(oldestFirst, next, read.quotaLeft(), List.copyOf(unreadable.values()));
    }

    /**
     * Reads a kept post again. Through v1.1 it was kept as X's status object, which Twitter4J reads
     * again as it reads a page's. Through v2 it was kept as a one-post v2 answer ({@code {"data":[…],"includes":…}}),
     * which is read as a page is. A post that is not one Earshot answers (a repost, an own post) gives none.
     */
    @Override
    public List<IncomingMention> reread(UnreadableItem item) throws ConnectorException {
        com.fasterxml.jackson.databind.JsonNode raw = JsonItems.parse(item);
        if (search instanceof XV1Search v1 && !raw.has("data")) {
            try {
                return mentions.mention(v1.read(raw)).stream().toList();
            } catch (org.earshot.connector.MalformedItemException e) {
                throw JsonItems.stillUnreadable(item, e);
            }
        }
        XV2Tweets.Read read = rereader.read(raw);
        if (!read.unreadable().isEmpty()) {
            throw new ConnectorException("still cannot read " + item.externalId() + ": "
                    + read.unreadable().get(0).reason(), true, null);
        }
        if (read.tweets().isEmpty()) {
            throw new ConnectorException("still cannot read " + item.externalId() + ": it holds no X post", true, null);
        }
        return read.tweets().stream().flatMap(t -> mentions.mention(t).stream()).toList();
    }

    /**
     * Reads from the newest page back; all pages up to the limit when {@code follow}, else only the
     * newest (a first poll does not fetch the past).
     */
    private Read read(Optional<String> since, boolean follow) throws ConnectorException, XSearch.SinceIdTooOld {
        List<XTweet> tweets = new ArrayList<>();
        List<UnreadableItem> unreadable = new ArrayList<>();
        XPage page = search.page(since, Optional.empty());
        // Without X's newest_id, the newest id on the page; a post that could not be read still counts.
        Optional<String> newest = page.newestId().or(() -> java.util.stream.Stream.concat(
                        page.tweets().stream().map(XTweet::id),
                        page.unreadable().stream().map(UnreadableItem::externalId).filter(XCursor::isId))
                .max(XCursor.BY_ID));
        tweets.addAll(page.tweets());
        unreadable.addAll(page.unreadable());
        long quotaLeft = page.quotaLeft();
        int pages = 1;
        XPage last = page;
        while (follow && last.nextPage().isPresent() && pages < settings.maxPagesPerPoll() && quotaLeft != 0) {
            last = search.page(since, last.nextPage());
            tweets.addAll(last.tweets());
            unreadable.addAll(last.unreadable());
            pages++;
            if (last.quotaLeft() != RateLimitHeaders.UNKNOWN) {
                quotaLeft = last.quotaLeft();
            }
        }
        if (follow && last.nextPage().isPresent()) {
            String why = quotaLeft == 0 ? "no request was left in X's rate-limit window"
                    : "it read maxPagesPerPoll (" + settings.maxPagesPerPoll() + ") pages";
            String oldest = tweets.stream().map(XTweet::id).min(XCursor.BY_ID).orElse("?");
            gaps.accept(settings.configKey() + ": the poll stopped because " + why + " while X had more;"
                    + " posts newer than " + since.orElse("what X still has") + " and older than " + oldest
                    + " are skipped. Poll more often or raise maxPagesPerPoll");
        }
        return new Read(tweets, unreadable, newest, quotaLeft);
    }

    private record Read(List<XTweet> tweets, List<UnreadableItem> unreadable, Optional<String> newestId,
                        long quotaLeft) {
    }
}
