package org.earshot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Mention;
import org.earshot.domain.Platform;

/** Mentions, unique by (platform, external id). Methods take the caller's connection: they join its transaction. */
public final class MentionStore {
    private final AuthorStore authors = new AuthorStore();

    /** Longer texts (a huge e-mail) are cut here; the mention is still kept. */
    public static final int MAX_TEXT = 200_000;

    /** Stores the mention unless the platform's id is known already; returns the new row's id. */
    public OptionalLong insertIfNew(Connection c, String connectorId, String brand, IncomingMention m, Instant now)
            throws SQLException {
        return insertIfNew(c, connectorId, brand, m, now, null);
    }

    /**
     * Stores the mention unless the platform's id is known already.
     *
     * @param foldedIntoTask the open task of the conversation this mention joins, or null when it
     *                       gets a task of its own
     */
    public OptionalLong insertIfNew(Connection c, String connectorId, String brand, IncomingMention m, Instant now,
                                    Long foldedIntoTask) throws SQLException {
        try (PreparedStatement exists = c.prepareStatement(
                "select id from mention where platform = ? and external_id = ?")) {
            exists.setString(1, m.platform().name());
            exists.setString(2, m.externalId());
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return OptionalLong.empty();
                }
            }
        }
        String sql = "insert into mention (connector_id, brand, platform, external_id, author_handle, author_name,"
                + " author_followers, text, subject, created_at, url, reply_context, received_at, thread_key, language,"
                + " task_id, person_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, connectorId);
            ps.setString(2, brand);
            ps.setString(3, m.platform().name());
            ps.setString(4, m.externalId());
            ps.setString(5, clip(m.author().handle(), 500));
            ps.setString(6, clip(m.author().name(), 500));
            ps.setLong(7, m.author().followers());
            ps.setString(8, clip(m.text(), MAX_TEXT));
            ps.setString(9, clip(m.subject(), 2000));
            ps.setObject(10, Timestamps.of(m.createdAt() == null ? now : m.createdAt()));
            ps.setString(11, clip(m.url(), 2000));
            ps.setString(12, Json.write(m.replyContext()));
            ps.setObject(13, Timestamps.of(now));
            ps.setString(14, clip(m.threadKey(), 1000));
            ps.setString(15, clip(m.language(), 20));
            if (foldedIntoTask == null) {
                ps.setNull(16, java.sql.Types.BIGINT);
            } else {
                ps.setLong(16, foldedIntoTask);
            }
            String personKey = m.author().personKey();
            ps.setString(17, personKey.isEmpty() ? null : clip(personKey, 600));
            ps.executeUpdate();
            long id;
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            authors.heard(c, m.platform(), m.author(), now);
            return OptionalLong.of(id);
        }
    }

    public Optional<Mention> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select * from mention where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs, "")) : Optional.empty();
            }
        }
    }

    /**
     * The open task of the conversation a mention belongs to: the task of the thread's root (or of the
     * reposted original), or of another mention in the same thread.
     */
    public java.util.Optional<Long> openTaskOfThread(Connection c, Platform platform, String threadKey)
            throws SQLException {
        if (threadKey.isEmpty()) {
            return Optional.empty();
        }
        // Any mention of the conversation counts, whether it opened its task or was folded into one.
        String sql = "select t.id from response_task t where t.state = 'NEW' and t.id in ("
                + " select coalesce(m.task_id, opened.id) from mention m"
                + " left join response_task opened on opened.mention_id = m.id"
                + " where m.platform = ? and (m.external_id = ? or m.thread_key = ?))"
                + " order by t.id limit 1";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, platform.name());
            ps.setString(2, threadKey);
            ps.setString(3, threadKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The mentions folded into a task after its first one, oldest first. */
    public java.util.List<Mention> foldedInto(Connection c, long taskId) throws SQLException {
        java.util.List<Mention> out = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select * from mention where task_id = ? order by id")) {
            ps.setLong(1, taskId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs, ""));
                }
            }
        }
        return out;
    }

    /** How many mentions a connector stored since the given time. */
    public long countSince(Connection c, String connectorId, Instant since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select count(*) from mention where connector_id = ? and received_at >= ?")) {
            ps.setString(1, connectorId);
            ps.setObject(2, Timestamps.of(since));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** When a connector last stored a mention, if ever. */
    public Optional<Instant> lastReceived(Connection c, String connectorId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select max(received_at) as last_received from mention where connector_id = ?")) {
            ps.setString(1, connectorId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Optional.ofNullable(Timestamps.read(rs, "last_received"));
            }
        }
    }

    /** The latest mentions heard, newest first. */
    public java.util.List<Mention> recent(Connection c, int limit) throws SQLException {
        java.util.List<Mention> out = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select * from mention order by id desc limit ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs, ""));
                }
            }
        }
        return out;
    }

    /**
     * What came from this person before the given mention, on every channel: mentions, complaints
     * (negative tasks), replies. The same account on the same platform, or the same account name and
     * first name on another ({@link Author#personKey()}).
     */
    public CustomerHistory historyBefore(Connection c, Platform platform, Author author, long beforeMentionId)
            throws SQLException {
        String personKey = author.personKey();
        String samePerson = " where m.id <> ? and ((m.platform = ? and lower(m.author_handle) = lower(?))"
                + " or (m.person_key = ? and m.platform <> ?))";
        String counts = "select count(*),"
                + " coalesce(sum(case when t.sentiment = 'NEGATIVE' then 1 else 0 end), 0),"
                + " coalesce(sum(case when t.state in ('POSTED', 'ANSWERED_BY_HAND') then 1 else 0 end), 0)"
                + " from mention m left join response_task t on t.mention_id = m.id" + samePerson;
        int mentionCount;
        int complaints;
        int replies;
        try (PreparedStatement ps = samePerson(c, counts, platform, author, personKey, beforeMentionId);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            mentionCount = rs.getInt(1);
            complaints = rs.getInt(2);
            replies = rs.getInt(3);
        }
        java.util.List<Platform> channels = new java.util.ArrayList<>();
        if (mentionCount > 0) {
            try (PreparedStatement ps = samePerson(c, "select distinct m.platform from mention m" + samePerson
                    + " order by m.platform", platform, author, personKey, beforeMentionId);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    channels.add(Platform.valueOf(rs.getString(1)));
                }
            }
        }
        return new CustomerHistory(mentionCount, complaints, replies, channels);
    }

    private static PreparedStatement samePerson(Connection c, String sql, Platform platform, Author author,
                                                String personKey, long beforeMentionId) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setLong(1, beforeMentionId);
        ps.setString(2, platform.name());
        ps.setString(3, author.handle());
        // No key matches nothing: a null never equals.
        ps.setString(4, personKey.isEmpty() ? null : personKey);
        ps.setString(5, platform.name());
        return ps;
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
    public java.util.List<Heard> negativeHeard(Connection c, String brand, Instant from, Instant to)
            throws SQLException {
        String sql = "select m.received_at, m.connector_id, m.platform from mention m"
                + " left join response_task own on own.mention_id = m.id"
                + " left join response_task folded on folded.id = m.task_id"
                + " where m.brand = ? and m.received_at >= ? and m.received_at < ?"
                + " and coalesce(own.sentiment, folded.sentiment) = 'NEGATIVE' and m.external_id not like ?"
                + " order by m.received_at";
        java.util.List<Heard> out = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, brand);
            ps.setObject(2, Timestamps.of(from));
            ps.setObject(3, Timestamps.of(to));
            ps.setString(4, OWN_PREFIX + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Heard(Timestamps.read(rs, "received_at"), rs.getString("connector_id"),
                            Platform.valueOf(rs.getString("platform"))));
                }
            }
        }
        return out;
    }

    /** How many of the public's mentions of a brand were heard in [from, to), folded ones included. */
    public long countForBrand(Connection c, String brand, Instant from, Instant to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from mention where brand = ?"
                + " and received_at >= ? and received_at < ? and external_id not like ?")) {
            ps.setString(1, brand);
            ps.setObject(2, Timestamps.of(from));
            ps.setObject(3, Timestamps.of(to));
            ps.setString(4, OWN_PREFIX + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Reads a mention from a row whose mention columns carry the given prefix ("" or "m_"). */
    static Mention read(ResultSet rs, String prefix) throws SQLException {
        return new Mention(
                rs.getLong(prefix + "id"),
                rs.getString(prefix + "connector_id"),
                rs.getString(prefix + "brand"),
                Platform.valueOf(rs.getString(prefix + "platform")),
                rs.getString(prefix + "external_id"),
                new Author(rs.getString(prefix + "author_handle"), rs.getString(prefix + "author_name"),
                        rs.getLong(prefix + "author_followers")),
                rs.getString(prefix + "text"),
                rs.getString(prefix + "subject"),
                Timestamps.read(rs, prefix + "created_at"),
                rs.getString(prefix + "url"),
                Json.readMap(rs.getString(prefix + "reply_context")),
                Timestamps.read(rs, prefix + "received_at"));
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
