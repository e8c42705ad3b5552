package org.earshot.connector.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
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

    /**
     * The mention in one item of a page: a notification, which wraps its status, or a timeline's
     * status. A notification of another type, or whose status was deleted since ({@code "status": null}),
     * holds none.
     */
    Optional<IncomingMention> mentionIn(JsonNode item, boolean notification) throws MalformedItemException {
        if (!notification) {
            return mention(item);
        }
        if (!item.isObject()) {
            throw new MalformedItemException("the notification is a JSON " + item.getNodeType().name()
                    .toLowerCase(Locale.ROOT) + ", not an object");
        }
        if (!"mention".equals(JsonItems.text(item, "type"))) {
            return Optional.empty();
        }
        JsonNode status = item.path("status");
        if (status.isNull()) {
            return Optional.empty();
        }
        if (status.isMissingNode()) {
            throw new MalformedItemException("the mention notification carries no status");
        }
        return mention(status);
    }

    /** Whether a kept item is a notification (it has a type and wraps a status) rather than a status. */
    static boolean isNotification(JsonNode item) {
        return item.path("type").isTextual() && !item.has("content");
    }

    /** The platform id of an item, for the quarantine: its status's id, else the notification's. */
    static String idOf(JsonNode item, boolean notification) {
        if (!notification) {
            return JsonItems.idIfAny(item, "id");
        }
        String status = JsonItems.idIfAny(item.path("status"), "id");
        String own = JsonItems.idIfAny(item, "id");
        return status != null ? status : own == null ? null : "notification:" + own;
    }

    /**
     * The mention in a status, or empty when the status is not one Earshot should answer (the brand's
     * own, an excluded author's).
     *
     * @throws MalformedItemException when the status lacks what a mention needs (id, account) or garbles it
     */
    Optional<IncomingMention> mention(JsonNode status) throws MalformedItemException {
        if (!status.isObject()) {
            throw new MalformedItemException("the status is a JSON " + status.getNodeType().name()
                    .toLowerCase(Locale.ROOT) + ", not an object");
        }
        String id = JsonItems.requiredId(status, "id", "status id");
        JsonNode account = JsonItems.object(status, "account", "account");
        String acct = JsonItems.required(account, "acct", "account name");
        if (isAny(acct, ownAccounts) || isAny(acct, excludedAuthors)) {
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
        Author author = new Author(acct, JsonItems.text(account, "display_name"),
                account.path("followers_count").asLong(0));
        // A reply joins the conversation of the status it answers; a quote joins the quoted status.
        String threadKey = text(status, "in_reply_to_id")
                .or(() -> text(status.path("quote"), "id"))
                .orElse("");
        return Optional.of(new IncomingMention(Platform.MASTODON, id, author,
                MastodonHtml.toText(JsonItems.text(status, "content")),
                JsonItems.text(status, "spoiler_text"), createdAt(status), url, replyContext, threadKey,
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

    /** When the status was written; a status that does not say counts as written now, a garbled time is refused. */
    private Instant createdAt(JsonNode status) throws MalformedItemException {
        return JsonItems.optionalTime(status, "created_at").orElseGet(clock::instant);
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }
}
