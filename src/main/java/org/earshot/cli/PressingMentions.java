package org.earshot.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.earshot.connector.Connector;
import org.earshot.connector.MentionSource;
import org.earshot.connector.PollResult;
import org.earshot.connector.PostedReply;
import org.earshot.domain.Author;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Platform;

/** The benches' platform: each poll hears one new pressing mention, from a new author with a large audience. */
final class PressingMentions {
    private PressingMentions() {
    }

    /** @param texts texts that score high or critical, used in turn; ids are {@code idPrefix-n} */
    static Connector connector(String idPrefix, String... texts) {
        MentionSource source = cursor -> {
            int i = cursor == null ? 0 : Integer.parseInt(cursor);
            return new PollResult(List.of(new IncomingMention(Platform.MASTODON, idPrefix + "-" + i,
                    new Author("user" + i + "@mastodon.example", "User " + i, 50_000), texts[i % texts.length], "",
                    Instant.now(), "", Map.of())), String.valueOf(i + 1));
        };
        return new Connector("bench", Platform.MASTODON, "acme", Duration.ofSeconds(1), source,
                block -> new PostedReply("posted", ""));
    }
}
