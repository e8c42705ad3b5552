package org.earshot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.earshot.domain.Author;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Platform;
import org.earshot.testing.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthorStoreIT {
    @TempDir
    Path dir;

    @Test
    void everyStoredMentionKeepsItsAuthorCurrentAndCounted() {
        Instant first = Instant.parse("2026-11-20T10:00:00Z");
        Instant later = first.plus(Duration.ofDays(2));
        try (Database db = Database.open(TestConfigs.h2In(dir))) {
            MentionStore mentions = new MentionStore();
            db.useTransaction(c -> {
                mentions.insertIfNew(c, "m", "acme", mention("1", new Author("Dana@Mastodon.example", "Dana", 10)), first);
                mentions.insertIfNew(c, "m", "acme", mention("2", new Author("dana@mastodon.example", "Dana R.", 12)), later);
                mentions.insertIfNew(c, "m", "acme", mention("2", new Author("dana@mastodon.example", "Dana R.", 12)), later);
            });

            AuthorStore.KnownAuthor dana = db.inTransaction(c -> new AuthorStore()
                    .find(c, Platform.MASTODON, "DANA@mastodon.example")).orElseThrow();
            assertThat(dana.mentions()).isEqualTo(2);
            assertThat(dana.author().name()).isEqualTo("Dana R.");
            assertThat(dana.author().followers()).isEqualTo(12);
            assertThat(dana.firstSeen()).isEqualTo(first);
            assertThat(dana.lastSeen()).isEqualTo(later);
        }
    }

    private static IncomingMention mention(String id, Author author) {
        return new IncomingMention(Platform.MASTODON, id, author, "hello", "", Instant.EPOCH, "", Map.of());
    }
}
