package org.earshot.connector.x;

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
import org.earshot.connector.PollResult;
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
public final class XMentionSource implements MentionSource {
    private final XSettings settings;
    private final XSearch search;
    private final XMentions mentions;
    private final Consumer<String> gaps;

    XMentionSource(XSettings settings, BrandConfig brand, XSearch search, Consumer<String> gaps) {
        this.settings = settings;
        this.search = search;
        this.mentions = new XMentions(brand, settings);
        this.gaps = gaps;
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
        List<IncomingMention> oldestFirst = new ArrayList<>(byId.values());
        oldestFirst.sort(Comparator.comparing(IncomingMention::createdAt)
                .thenComparing(IncomingMention::externalId, XCursor.BY_ID));
        String next = read.newestId().or(() -> since).orElse(null);
        return new PollResult(oldestFirst, next, read.quotaLeft());
    }

    /**
     * Reads from the newest page back; all pages up to the limit when {@code follow}, else only the
     * newest (a first poll does not fetch the past).
     */
    private Read read(Optional<String> since, boolean follow) throws ConnectorException, XSearch.SinceIdTooOld {
        List<XTweet> tweets = new ArrayList<>();
        XPage page = search.page(since, Optional.empty());
        Optional<String> newest = page.newestId().or(() -> page.tweets().stream().map(XTweet::id).max(XCursor.BY_ID));
        tweets.addAll(page.tweets());
        long quotaLeft = page.quotaLeft();
        int pages = 1;
        XPage last = page;
        while (follow && last.nextPage().isPresent() && pages < settings.maxPagesPerPoll() && quotaLeft != 0) {
            last = search.page(since, last.nextPage());
            tweets.addAll(last.tweets());
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
        return new Read(tweets, newest, quotaLeft);
    }

    private record Read(List<XTweet> tweets, Optional<String> newestId, long quotaLeft) {
    }
}
