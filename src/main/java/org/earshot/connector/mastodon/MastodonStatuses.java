package org.earshot.connector.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
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
 * Turns Mastodon status objects into mentions, leaving out what the brand's own accounts wrote
 * (so replies cannot loop) and what excluded authors wrote.
 */
final class MastodonStatuses {
    private final String instanceHost;
    private final Set<String> ownAccounts;
    private final Set<String> excludedAuthors;
    private final Clock clock;

    MastodonStatuses(BrandConfig brand, String instanceHost, Clock clock) {
        this.clock = clock;
        this.instanceHost = instanceHost.toLowerCase(Locale.ROOT);
        this.ownAccounts = Accounts.bare(brand.ownAccounts());
        this.excludedAuthors = Accounts.bare(brand.excludedAuthors());
    }

    /** The mention in a status, or empty when the status is not one Earshot should answer. */
    Optional<IncomingMention> mention(JsonNode status) {
        String id = status.path("id").asText("");
        JsonNode account = status.path("account");
        String acct = account.path("acct").asText("");
        if (id.isBlank() || acct.isBlank() || isAny(acct, ownAccounts) || isAny(acct, excludedAuthors)) {
            return Optional.empty();
        }
        String url = text(status, "url").or(() -> text(status, "uri")).orElse("");
        String visibility = text(status, "visibility").orElse("public");
        Map<String, String> replyContext = new LinkedHashMap<>();
        replyContext.put("statusId", id);
        replyContext.put("acct", acct);
        replyContext.put("visibility", visibility);
        replyContext.put("url", url);
        replyContext.put("likes", String.valueOf(status.path("favourites_count").asLong(0)));
        replyContext.put("reposts", String.valueOf(status.path("reblogs_count").asLong(0)));
        replyContext.put("replies", String.valueOf(status.path("replies_count").asLong(0)));
        Author author = new Author(acct, account.path("display_name").asText(""),
                account.path("followers_count").asLong(0));
        // A reply joins the conversation of the status it answers; a quote joins the quoted status.
        String threadKey = text(status, "in_reply_to_id")
                .or(() -> text(status.path("quote"), "id"))
                .orElse("");
        return Optional.of(new IncomingMention(Platform.MASTODON, id, author,
                MastodonHtml.toText(status.path("content").asText("")),
                status.path("spoiler_text").asText(""), createdAt(status), url, replyContext, threadKey,
                text(status, "language").orElse("")));
    }

    /**
     * Whether an account is one of the listed ones. A local account's acct has no domain
     * ("acmeair"), so it also counts as the same name on the instance's host.
     */
    private boolean isAny(String acct, Set<String> accounts) {
        String name = Accounts.bare(acct);
        return accounts.contains(name) || (!name.contains("@") && accounts.contains(name + "@" + instanceHost));
    }

    /** When the status was written; a status without a readable time counts as written now. */
    private Instant createdAt(JsonNode status) {
        try {
            return Instant.parse(status.path("created_at").asText(""));
        } catch (DateTimeParseException e) {
            return clock.instant();
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }
}
