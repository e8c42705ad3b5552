package org.earshot.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.earshot.domain.Author;
import org.earshot.domain.Platform;
import org.jdbi.v3.core.Handle;

/** The people behind mentions: one row per platform account, with their latest name and audience. */
public final class AuthorStore {

    /** A person as the team knows them: when first and last heard, and how often. */
    public record KnownAuthor(Platform platform, Author author, Instant firstSeen, Instant lastSeen, int mentions) {
    }

    /** Records one more mention from this person, keeping their latest name and follower count. */
    public void heard(Handle h, Platform platform, Author author, Instant now) {
        int updated = h.createUpdate("update author set name = :name, followers = :followers, last_seen = :now,"
                        + " mentions = mentions + 1 where platform = :platform and handle = :handle")
                .bind("name", author.name()).bind("followers", author.followers()).bind("now", now)
                .bind("platform", platform).bind("handle", author.handle().toLowerCase(Locale.ROOT))
                .execute();
        if (updated == 1) {
            return;
        }
        h.createUpdate(InsertStatement.into("author", "platform", "handle", "name", "followers", "first_seen",
                        "last_seen", "mentions"))
                .bind("platform", platform).bind("handle", author.handle().toLowerCase(Locale.ROOT))
                .bind("name", author.name()).bind("followers", author.followers())
                .bind("first_seen", now).bind("last_seen", now).bind("mentions", 1)
                .execute();
    }

    public Optional<KnownAuthor> find(Handle h, Platform platform, String handle) {
        return h.createQuery("select * from author where platform = :platform and handle = :handle")
                .bind("platform", platform).bind("handle", handle.toLowerCase(Locale.ROOT))
                .map((rs, ctx) -> new KnownAuthor(platform, new Author(rs.getString("handle"), rs.getString("name"),
                        rs.getLong("followers")), Timestamps.read(rs, "first_seen"), Timestamps.read(rs, "last_seen"),
                        rs.getInt("mentions")))
                .findFirst();
    }
}
