package org.earshot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.earshot.domain.Author;
import org.earshot.domain.Platform;

/** The people behind mentions: one row per platform account, with their latest name and audience. */
public final class AuthorStore {

    /** A person as the team knows them: when first and last heard, and how often. */
    public record KnownAuthor(Platform platform, Author author, Instant firstSeen, Instant lastSeen, int mentions) {
    }

    /** Records one more mention from this person, keeping their latest name and follower count. */
    public void heard(Connection c, Platform platform, Author author, Instant now) throws SQLException {
        String handle = author.handle().toLowerCase(java.util.Locale.ROOT);
        try (PreparedStatement update = c.prepareStatement("update author set name = ?, followers = ?, last_seen = ?,"
                + " mentions = mentions + 1 where platform = ? and handle = ?")) {
            update.setString(1, author.name());
            update.setLong(2, author.followers());
            update.setObject(3, Timestamps.of(now));
            update.setString(4, platform.name());
            update.setString(5, handle);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement("insert into author (platform, handle, name, followers,"
                + " first_seen, last_seen, mentions) values (?, ?, ?, ?, ?, ?, 1)")) {
            insert.setString(1, platform.name());
            insert.setString(2, handle);
            insert.setString(3, author.name());
            insert.setLong(4, author.followers());
            insert.setObject(5, Timestamps.of(now));
            insert.setObject(6, Timestamps.of(now));
            insert.executeUpdate();
        }
    }

    public Optional<KnownAuthor> find(Connection c, Platform platform, String handle) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select * from author where platform = ? and handle = ?")) {
            ps.setString(1, platform.name());
            ps.setString(2, handle.toLowerCase(java.util.Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new KnownAuthor(platform, new Author(rs.getString("handle"), rs.getString("name"),
                        rs.getLong("followers")), Timestamps.read(rs, "first_seen"), Timestamps.read(rs, "last_seen"),
                        rs.getInt("mentions")));
            }
        }
    }
}
