package org.earshot.connector.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.earshot.config.BrandConfig;
import org.earshot.domain.Author;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Platform;
import org.earshot.matching.Accounts;
import org.earshot.matching.BrandMatcher;

/**
 * Turns feed entries into mentions: title and summary as plain text, the entry's author (or the
 * feed's title), its link. Leaves out entries by the brand's own accounts or excluded authors, and,
 * for feeds that must name the brand, entries whose title and summary do not.
 */
final class FeedEntries {
    private final BrandMatcher brand;
    private final Set<String> ownAccounts;
    private final Set<String> excludedAuthors;
    private final Clock clock;

    FeedEntries(BrandConfig brand, Clock clock) {
        this.brand = new BrandMatcher(brand);
        this.ownAccounts = Accounts.bare(brand.ownAccounts());
        this.excludedAuthors = Accounts.bare(brand.excludedAuthors());
        this.clock = clock;
    }

    /**
     * The id an entry is known by: its guid (RSS) or id (Atom), else its link. An id that is not an
     * absolute URI ("8812") is only unique within its feed, so the feed's URL goes in front of it.
     */
    static Optional<String> id(SyndEntry entry, URI feed) {
        String id = blankToEmpty(entry.getUri());
        if (id.isEmpty()) {
            id = blankToEmpty(entry.getLink());
        }
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(hasScheme(id) ? id : feed + "#" + id);
    }

    /** The mention in an entry, or empty when the entry is not one to answer. */
    Optional<IncomingMention> mention(SyndFeed feed, SyndEntry entry, String id, FeedSettings.Feed source) {
        String title = text(entry.getTitleEx(), entry.getTitle());
        String summary = summary(entry);
        String author = blankToEmpty(entry.getAuthor());
        String feedTitle = FeedText.fromPlain(blankToEmpty(feed.getTitle()));
        String by = author.isEmpty() ? (feedTitle.isEmpty() ? source.url().getHost() : feedTitle) : author;
        if (isAny(by, ownAccounts) || isAny(by, excludedAuthors)) {
            return Optional.empty();
        }
        String text = title.isEmpty() ? summary : summary.isEmpty() ? title : title + "\n\n" + summary;
        if (text.isBlank() || (source.matchBrand() && !brand.namesBrand(text))) {
            return Optional.empty();
        }
        String url = link(entry, id, source.url());
        Map<String, String> replyContext = new LinkedHashMap<>();
        replyContext.put("url", url);
        replyContext.put("feed", source.url().toString());
        replyContext.put("feedTitle", feedTitle);
        if (source.press()) {
            // Read by the drafter: a journalist is answered by the press office, not with a customer apology.
            replyContext.put("press", "true");
        }
        return Optional.of(new IncomingMention(Platform.RSS, id, new Author(by, by, 0), text, "",
                createdAt(entry), url, replyContext));
    }

    private static String summary(SyndEntry entry) {
        String summary = text(entry.getDescription(), "");
        if (summary.isEmpty()) {
            List<SyndContent> contents = entry.getContents();
            if (contents != null && !contents.isEmpty()) {
                summary = text(contents.get(0), "");
            }
        }
        return summary;
    }

    /** Plain text from a content of type text, HTML from any other; HTML is stripped. */
    private static String text(SyndContent content, String fallback) {
        if (content == null || content.getValue() == null) {
            return FeedText.fromHtml(fallback);
        }
        String type = blankToEmpty(content.getType()).toLowerCase(Locale.ROOT);
        return type.equals("text") || type.equals("text/plain") ? FeedText.fromPlain(content.getValue())
                : FeedText.fromHtml(content.getValue());
    }

    private static String link(SyndEntry entry, String id, URI feed) {
        String link = blankToEmpty(entry.getLink());
        if (link.isEmpty()) {
            return id.startsWith("http://") || id.startsWith("https://") ? id : "";
        }
        try {
            return feed.resolve(link.strip()).toString();
        } catch (IllegalArgumentException e) {
            return link;
        }
    }

    /** When the entry was published, else last updated, else now: feeds that date nothing still count. */
    private Instant createdAt(SyndEntry entry) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return date != null ? date.toInstant() : clock.instant();
    }

    private static boolean hasScheme(String id) {
        try {
            return URI.create(id).getScheme() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isAny(String author, Set<String> accounts) {
        return accounts.contains(Accounts.bare(author));
    }

    private static String blankToEmpty(String s) {
        return s == null || s.isBlank() ? "" : s.strip();
    }
}
