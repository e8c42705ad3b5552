package org.earshot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Platform;
import org.earshot.testing.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A customer's history counts what they said on every channel, not only the one they write on now. */
class CustomerHistoryIT {
    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    @TempDir
    Path dir;

    private final MentionStore mentions = new MentionStore();

    @Test
    void theSameAccountNameAndFirstNameOnAnotherPlatformIsTheSamePerson() {
        try (Database db = Database.open(TestConfigs.h2In(dir))) {
            long now = db.inTransaction(c -> {
                store(c, Platform.X, "x-1", new Author("sarah_travels", "Sarah Mitchell", 900));
                store(c, Platform.BLUESKY, "bsky-1", new Author("sarah_travels.bsky.social", "Sarah M", 40));
                return store(c, Platform.MASTODON, "m-1", new Author("sarah_travels@toot.example", "Sarah 🌍✈️", 120));
            });

            CustomerHistory history = db.inTransaction(c -> mentions.historyBefore(c, Platform.MASTODON,
                    new Author("sarah_travels@toot.example", "Sarah 🌍✈️", 120), now));

            assertThat(history.previousMentions()).isEqualTo(2);
        }
    }

    @Test
    void aSharedHandleWithAnotherFirstNameOrNoNameStaysOnItsOwnPlatform() {
        try (Database db = Database.open(TestConfigs.h2In(dir))) {
            long now = db.inTransaction(c -> {
                store(c, Platform.X, "x-1", new Author("alex", "Alex Brown", 10));
                store(c, Platform.REDDIT, "r-1", new Author("alex", "", 0));
                store(c, Platform.MASTODON, "m-0", new Author("alex@social.example", "Alex", 5));
                return store(c, Platform.MASTODON, "m-1", new Author("alex@other.example", "Alexandra", 5));
            });

            CustomerHistory history = db.inTransaction(c -> mentions.historyBefore(c, Platform.MASTODON,
                    new Author("alex@other.example", "Alexandra", 5), now));

            assertThat(history.previousMentions()).isZero();
        }
    }

    @Test
    void aPersonKeyIsTheBareAccountNameWithTheFirstName() {
        assertThat(new Author("@Sarah_Travels", "Sarah Mitchell", 0).personKey()).isEqualTo("sarah_travels|sarah");
        assertThat(new Author("sarah_travels@toot.example", "Sarah", 0).personKey()).isEqualTo("sarah_travels|sarah");
        assertThat(new Author("maya-ortiz.bsky.social", "Maya Ortiz", 0).personKey()).isEqualTo("maya-ortiz|maya");
        assertThat(new Author("tired_in_terminal3", "", 0).personKey()).isEmpty();
    }

    private long store(org.jdbi.v3.core.Handle c, Platform platform, String id, Author author) {
        return mentions.insertIfNew(c, "c", "acme", new IncomingMention(platform, id, author, "hello", "", NOW, "",
                Map.of()), NOW).orElseThrow();
    }
}
