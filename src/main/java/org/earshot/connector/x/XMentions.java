package org.earshot.connector.x;

import java.util.HashSet;
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

/**
 * Turns posts into mentions, leaving out what the brand's own accounts wrote (so replies cannot
 * loop), what excluded authors wrote and, unless {@code excludeRetweets} is off, plain reposts
 * (they repeat someone else's words; a quote has its own and stays). The search already asks X to
 * leave them all out; this is the second lock, for posts X returns anyway (it does return
 * retweets despite {@code -is:retweet}).
 */
final class XMentions {
    private final Set<String> skipped = new HashSet<>();
    private final boolean dropRetweets;

    XMentions(BrandConfig brand, XSettings settings) {
        this.dropRetweets = settings.excludeRetweets();
        for (String account : XQuery.notFrom(brand, settings)) {
            skipped.add(account.toLowerCase(Locale.ROOT));
        }
        for (List<String> accounts : List.of(brand.ownAccounts(), brand.excludedAuthors())) {
            accounts.forEach(a -> skipped.add(Accounts.bare(a)));
        }
    }

    /** The mention in a post, or empty when the post is not one Earshot should answer. */
    Optional<IncomingMention> mention(XTweet tweet) {
        String handle = tweet.username().orElse(tweet.authorId().isBlank() ? "unknown-author-of:" + tweet.id()
                : "id:" + tweet.authorId());
        if (tweet.username().map(u -> skipped.contains(u.toLowerCase(Locale.ROOT))).orElse(false)) {
            return Optional.empty();
        }
        if (dropRetweets && tweet.retweetedId().isPresent()) {
            return Optional.empty();
        }
        String url = tweet.username().map(u -> "https://x.com/" + u + "/status/" + tweet.id())
                .orElse("https://x.com/i/web/status/" + tweet.id());
        Map<String, String> replyContext = new LinkedHashMap<>();
        replyContext.put("tweetId", tweet.id());
        replyContext.put("authorId", tweet.authorId());
        replyContext.put("username", tweet.username().orElse(""));
        tweet.conversationId().ifPresent(id -> replyContext.put("conversationId", id));
        tweet.inReplyToId().ifPresent(id -> replyContext.put("inReplyToId", id));
        replyContext.put("likes", String.valueOf(tweet.likes()));
        replyContext.put("reposts", String.valueOf(tweet.reposts()));
        if (tweet.replies() >= 0) {
            replyContext.put("replies", String.valueOf(tweet.replies()));
        }
        if (tweet.quotes() >= 0) {
            replyContext.put("quotes", String.valueOf(tweet.quotes()));
        }
        if (!tweet.lang().isBlank()) {
            replyContext.put("lang", tweet.lang());
        }
        replyContext.put("url", url);
        return Optional.of(new IncomingMention(Platform.X, tweet.id(),
                new Author(handle, tweet.authorName(), tweet.followers()), tweet.text(), "", tweet.createdAt(), url,
                replyContext, threadKey(tweet)));
    }

    /**
     * The conversation's root when the post answers someone, else the post it quotes or reposts; empty
     * when the post starts its own conversation. v1.1 names no root, so there it is the post answered.
     */
    static String threadKey(XTweet tweet) {
        Optional<String> root = tweet.conversationId().filter(id -> !id.equals(tweet.id()));
        return root.or(tweet::inReplyToId).or(tweet::quotedId).or(tweet::retweetedId).orElse("");
    }
}
