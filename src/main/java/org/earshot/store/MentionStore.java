package org.earshot.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Mention;
import org.earshot.domain.Platform;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** Mentions, unique by (platform, external id). Methods take the caller's handle: they join its transaction. */
public final class MentionStore {
    private final AuthorStore authors = new AuthorStore();

    /** Longer texts (a huge e-mail) are cut here; the mention is still kept. */
    public static final int MAX_TEXT = 200_000;

    /** The longest platform id the mention table holds; a longer one cannot be stored and is quarantined. */
    public static final int MAX_EXTERNAL_ID = 1000;

    /** What an insert writes: the mention's own columns (the id is generated) and how it joins its conversation. */
    private static final String INSERT = InsertStatement.into("mention", Stream.concat(
            MentionMapper.COLUMNS.stream().filter(c -> !c.equals("id")),
            Stream.of("thread_key", "language", "task_id", "person_key", "author_key", "search_text")).toList());

    /** Stores the mention unless the platform's id is known already; returns the new row's id. */
    public OptionalLong insertIfNew(Handle h, String connectorId, String brand, IncomingMention m, Instant now) {
        return insertIfNew(h, connectorId, brand, m, now, null);
    }

    /**
     * Stores the mention unless the platform's id is known already.
     *
     * @param foldedIntoTask the open task of the conversation this mention joins, or null when it
     *                       gets a task of its own
     */
    public OptionalLong insertIfNew(Handle h, String connectorId, String brand, IncomingMention m, Instant now,
                                    Long foldedIntoTask) {
        if (known(h, m.platform(), m.externalId())) {
            return OptionalLong.empty();
        }
        String personKey = m.author().personKey();
        Mention row = asStored(connectorId, brand, m, now);
        long id = h.createUpdate(INSERT)
                .bind("connector_id", connectorId)
                .bind("brand", brand)
                .bind("platform", m.platform())
                .bind("external_id", m.externalId())
                .bind("author_handle", row.author().handle())
                .bind("author_name", row.author().name())
                .bind("author_followers", row.author().followers())
                .bind("text", row.text())
                .bind("subject", row.subject())
                .bind("created_at", row.createdAt())
                .bind("url", row.url())
                .bind("reply_context", Json.write(m.replyContext()))
                .bind("received_at", now)
                .bind("thread_key", clip(m.threadKey(), 1000))
                .bind("language", clip(m.language(), 20))
                .bind("task_id", foldedIntoTask)
                .bind("person_key", personKey.isEmpty() ? null : clip(personKey, 600))
                .bind("author_key", authorKey(row.author().handle()))
                .bind("search_text", SearchText.ofMention(row.text(), row.subject(), row.author().name(),
                        row.author().handle()))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        authors.heard(h, m.platform(), m.author(), now);
        return OptionalLong.of(id);
    }

    /** Whether a mention with this platform id is stored already. */
    public boolean known(Handle h, Platform platform, String externalId) {
        return h.createQuery("select id from mention where platform = :platform and external_id = :id")
                .bind("platform", platform).bind("id", externalId)
                .mapTo(Long.class).findFirst().isPresent();
    }

    /**
     * The mention as {@link #insertIfNew} stores it (long fields cut, a missing time taken as now), before it
     * has an id (0): what triage reads before the short transaction that writes it.
     */
    public static Mention asStored(String connectorId, String brand, IncomingMention m, Instant now) {
        return new Mention(0, connectorId, brand, m.platform(), m.externalId(),
                new Author(clip(m.author().handle(), 500), clip(m.author().name(), 500), m.author().followers()),
                clip(m.text(), MAX_TEXT), clip(m.subject(), 2000), m.createdAt() == null ? now : m.createdAt(),
                clip(m.url(), 2000), m.replyContext(), now);
    }

    public Optional<Mention> find(Handle h, long id) {
        return h.createQuery("select * from mention where id = :id").bind("id", id)
                .map(MentionMapper.MENTION).findFirst();
    }

    /**
     * The open task of the conversation a mention belongs to: the task of the thread's root (or of the
     * reposted original), or of another mention in the same thread.
     */
    public Optional<Long> openTaskOfThread(Handle h, Platform platform, String threadKey) {
        if (threadKey.isEmpty()) {
            return Optional.empty();
        }
        // Any mention of the conversation counts, whether it opened its task or was folded into one.
        return h.createQuery("select t.id from response_task t where t.state = 'NEW' and t.id in ("
                        + " select coalesce(m.task_id, opened.id) from mention m"
                        + " left join response_task opened on opened.mention_id = m.id"
                        + " where m.platform = :platform and (m.external_id = :thread or m.thread_key = :thread))"
                        + " order by t.id limit 1")
                .bind("platform", platform).bind("thread", threadKey)
                .mapTo(Long.class).findFirst();
    }

    /** The mentions folded into a task after its first one, oldest first. */
    public List<Mention> foldedInto(Handle h, long taskId) {
        return h.createQuery("select * from mention where task_id = :task order by id").bind("task", taskId)
                .map(MentionMapper.MENTION).list();
    }

    /** How many mentions a connector stored since the given time. */
    public long countSince(Handle h, String connectorId, Instant since) {
        return h.createQuery("select count(*) from mention where connector_id = :connector and received_at >= :since")
                .bind("connector", connectorId).bind("since", since)
                .mapTo(Long.class).one();
    }

    /** When a connector last stored a mention, if ever. */
    public Optional<Instant> lastReceived(Handle h, String connectorId) {
        return h.createQuery("select max(received_at) from mention where connector_id = :connector")
                .bind("connector", connectorId)
                .mapTo(Instant.class).findOne();
    }

    /** The latest mentions heard, newest first. */
    public List<Mention> recent(Handle h, int limit) {
        return h.createQuery("select * from mention order by id desc limit :limit").bind("limit", limit)
                .map(MentionMapper.MENTION).list();
    }

    /**
     * What came from this person before the given mention, on every channel: mentions, complaints
     * (negative tasks), replies. The same account on the same platform, or the same account name and
     * first name on another ({@link Author#personKey()}).
     */
    public CustomerHistory historyBefore(Handle h, Platform platform, Author author, long beforeMentionId) {
        // Two indexed look-ups joined, rather than one condition with "or", which no index serves.
        String samePerson = " where m.id <> :before and m.id in (select id from mention where platform = :platform"
                + " and author_key = :handle union all select id from mention where person_key = :person"
                + " and platform <> :platform)";
        CustomerHistory counts = samePerson(h.createQuery("select count(*) as mentions,"
                + " coalesce(sum(case when t.sentiment = 'NEGATIVE' then 1 else 0 end), 0) as complaints,"
                + " coalesce(sum(case when t.state in ('POSTED', 'ANSWERED_BY_HAND') then 1 else 0 end), 0) as replies"
                + " from mention m left join response_task t on t.mention_id = m.id" + samePerson),
                platform, author, beforeMentionId)
                .map((rs, ctx) -> new CustomerHistory(rs.getInt("mentions"), rs.getInt("complaints"),
                        rs.getInt("replies")))
                .one();
        if (counts.previousMentions() == 0) {
            return counts;
        }
        List<Platform> channels = samePerson(h.createQuery("select distinct m.platform from mention m" + samePerson
                + " order by m.platform"), platform, author, beforeMentionId)
                .mapTo(Platform.class).list();
        return new CustomerHistory(counts.previousMentions(), counts.previousComplaints(), counts.previousReplies(),
                channels);
    }

    private static Query samePerson(Query query, Platform platform, Author author, long beforeMentionId) {
        String personKey = author.personKey();
        return query.bind("before", beforeMentionId)
                .bind("platform", platform)
                .bind("handle", authorKey(author.handle()))
                // No key matches nothing: a null never equals.
                .bind("person", personKey.isEmpty() ? null : personKey);
    }

    /** The handle as it is compared: folded to lower case, as the migration folded the stored ones. */
    static String authorKey(String handle) {
        return handle == null ? "" : handle.toLowerCase(java.util.Locale.ROOT);
    }

    /** A negative mention's time and where it was heard, for spike detection. */
    public record Heard(Instant receivedAt, String connectorId, Platform platform) {
    }

    /** Mentions heard by the platform's id prefix are Earshot's own (incidents), not the public's. */
    public static final String OWN_PREFIX = "earshot-";

    /**
     * The brand's mentions in [from, to) whose task (their own, or the one they were folded into) is
     * negative, oldest first; Earshot's own incident mentions are left out.
     */
    public List<Heard> negativeHeard(Handle h, String brand, Instant from, Instant to) {
        return h.createQuery("select m.received_at, m.connector_id, m.platform from mention m"
                        + " left join response_task own on own.mention_id = m.id"
                        + " left join response_task folded on folded.id = m.task_id"
                        + " where m.brand = :brand and m.received_at >= :from and m.received_at < :to"
                        + " and coalesce(own.sentiment, folded.sentiment) = 'NEGATIVE' and m.external_id not like :own"
                        + " order by m.received_at")
                .bind("brand", brand).bind("from", from).bind("to", to).bind("own", OWN_PREFIX + "%")
                .map((rs, ctx) -> new Heard(Timestamps.read(rs, "received_at"), rs.getString("connector_id"),
                        Platform.valueOf(rs.getString("platform"))))
                .list();
    }

    /** How many of the public's mentions of a brand were heard in [from, to), folded ones included. */
    public long countForBrand(Handle h, String brand, Instant from, Instant to) {
        return h.createQuery("select count(*) from mention where brand = :brand"
                        + " and received_at >= :from and received_at < :to and external_id not like :own")
                .bind("brand", brand).bind("from", from).bind("to", to).bind("own", OWN_PREFIX + "%")
                .mapTo(Long.class).one();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
