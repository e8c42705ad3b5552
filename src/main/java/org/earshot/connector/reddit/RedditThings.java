package org.earshot.connector.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.earshot.config.BrandConfig;
import org.earshot.connector.JsonItems;
import org.earshot.connector.MalformedItemException;
import org.earshot.domain.Author;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Platform;

/**
 * Turns Reddit's listing children (posts, kind t3; comments, kind t1) into mentions, leaving out
 * what the brand's own accounts wrote (so replies cannot loop), what excluded authors wrote, and
 * things deleted before they were read.
 */
final class RedditThings {
    static final String WEB = "https://www.reddit.com";
    private static final String DELETED = "[deleted]";

    private final Set<String> ownAccounts;
    private final Set<String> excludedAuthors;
    private final Clock clock;

    RedditThings(BrandConfig brand, String brandAccount, Clock clock) {
        this.clock = clock;
        this.ownAccounts = normalized(brand.ownAccounts());
        this.ownAccounts.add(bare(brandAccount));
        this.excludedAuthors = normalized(brand.excludedAuthors());
    }

    /**
     * The mention in a listing child, or empty when it is not one Earshot should answer: another kind
     * of thing, something deleted before it was read, the brand's own or an excluded author's.
     *
     * @throws MalformedItemException when the child lacks what a mention needs (its name, its author) or garbles it
     */
    Optional<IncomingMention> mention(JsonNode child) throws MalformedItemException {
        if (!child.isObject()) {
            throw new MalformedItemException("the listing child is a JSON " + child.getNodeType().name()
                    .toLowerCase(Locale.ROOT) + ", not an object");
        }
        String kind = JsonItems.required(child, "kind", "kind");
        if (!child.get("kind").isTextual()) {
            throw new MalformedItemException("its kind is a number, not a string such as t3");
        }
        if (!(kind.equals("t3") || kind.equals("t1"))) {
            return Optional.empty();
        }
        JsonNode data = JsonItems.object(child, "data", "data");
        String name = JsonItems.requiredId(data, "name", "fullname");
        String author = JsonItems.required(data, "author", "author");
        if (author.equals(DELETED) || ownAccounts.contains(bare(author)) || excludedAuthors.contains(bare(author))) {
            return Optional.empty();
        }
        String subreddit = JsonItems.text(data, "subreddit");
        String permalink = JsonItems.text(data, "permalink");
        String url = permalink.isBlank() ? "" : WEB + permalink;
        Map<String, String> replyContext = new LinkedHashMap<>();
        replyContext.put("fullname", name);
        replyContext.put("author", author);
        replyContext.put("subreddit", subreddit);
        replyContext.put("score", String.valueOf(data.path("score").asLong(0)));
        replyContext.put("likes", String.valueOf(Math.max(0, data.path("score").asLong(0))));
        replyContext.put("url", url);
        Author person = new Author(author, "", 0);
        String where = subreddit.isBlank() ? "" : "r/" + subreddit;
        if (kind.equals("t3")) {
            replyContext.put("numComments", String.valueOf(data.path("num_comments").asLong(0)));
            replyContext.put("replies", String.valueOf(data.path("num_comments").asLong(0)));
            String title = JsonItems.text(data, "title").strip();
            String selftext = JsonItems.text(data, "selftext").strip();
            String text = selftext.isEmpty() ? title : title + "\n\n" + selftext;
            return Optional.of(new IncomingMention(Platform.REDDIT, name, person, text, where, createdAt(data), url,
                    replyContext, ""));
        }
        String linkId = JsonItems.text(data, "link_id");
        replyContext.put("linkId", linkId);
        String linkTitle = JsonItems.text(data, "link_title").strip();
        String subject = linkTitle.isEmpty() ? where : where.isEmpty() ? linkTitle : where + ": " + linkTitle;
        return Optional.of(new IncomingMention(Platform.REDDIT, name, person, JsonItems.text(data, "body").strip(),
                subject, createdAt(data), url, replyContext, linkId));
    }

    /** When the thing was written; one that does not say counts as written now, one that garbles it is refused. */
    private Instant createdAt(JsonNode data) throws MalformedItemException {
        JsonNode created = data.path("created_utc");
        if (created.isMissingNode() || created.isNull()) {
            return clock.instant();
        }
        if (!created.isNumber() || created.asDouble() <= 0 || created.asDouble() > 32503680000d) {
            throw new MalformedItemException("its time ('created_utc') is not seconds since 1970: "
                    + abbreviated(created.toString()));
        }
        return Instant.ofEpochMilli(Math.round(created.asDouble() * 1000));
    }

    private static String abbreviated(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }

    private static Set<String> normalized(List<String> accounts) {
        Set<String> out = new HashSet<>();
        for (String a : accounts == null ? List.<String>of() : accounts) {
            out.add(bare(a));
        }
        return out;
    }

    /** An account name as Reddit writes it in {@code author}: no "@", "u/" or "/u/", any case. */
    static String bare(String account) {
        String s = account.strip().toLowerCase(Locale.ROOT);
        s = s.startsWith("@") ? s.substring(1) : s;
        s = s.startsWith("/") ? s.substring(1) : s;
        return s.startsWith("u/") ? s.substring(2) : s;
    }
}
