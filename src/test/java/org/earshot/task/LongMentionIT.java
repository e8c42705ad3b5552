package org.earshot.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.earshot.Wiring;
import org.earshot.domain.Author;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Platform;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.TaskState;
import org.earshot.domain.Warning;
import org.earshot.reply.ReplyDrafter;
import org.earshot.testing.InMemoryPlatform;
import org.earshot.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mention of nearly 200,000 characters (the most a mention's stored text keeps, {@code MentionStore.MAX_TEXT})
 * is stored whole, and scored and drafted on its start, the cut named on the draft and in the reasons.
 */
class LongMentionIT {
    @TempDir
    Path dir;

    private final InMemoryPlatform platform = new InMemoryPlatform();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private Wiring earshot;

    @AfterEach
    void stop() {
        earshot.close();
    }

    @Test
    void aVeryLongMentionIsStoredWholeAndAnalysedOnItsStartWithTheCutNamed() {
        earshot = new Wiring(platform.configWithDatabaseIn(dir), List.of(platform.factory()), clock,
                Wiring.Timings.DEFAULT);
        String text = "@acmeair " + "my bag is lost ".repeat(13_000);
        platform.posts.add(new IncomingMention(Platform.MASTODON, "1", new Author("dana@mastodon.example", "Dana", 12),
                text, "", clock.instant(), "https://mastodon.example/@dana/1", Map.of()));

        earshot.pollOnce("social");

        List<ResponseTask> tasks = earshot.queries().list(Set.of(TaskState.NEW), 10);
        assertThat(tasks).hasSize(1);
        ResponseTask task = tasks.get(0);
        assertThat(task.mention().text().length()).as("stored length").isEqualTo(text.length());
        assertThat(task.mention().text().equals(text)).as("stored whole").isTrue();
        assertThat(task.score().reasons()).anyMatch(r -> r.startsWith("read the first 19,"));
        assertThat(task.score().reasons()).contains("lost my bag");
        assertThat(task.draft().warnings()).filteredOn(w -> w.rule().equals(ReplyDrafter.CUT_RULE))
                .singleElement().satisfies(w -> {
                    assertThat(w.kind()).isEqualTo(Warning.Kind.NOTICE);
                    assertThat(w.text()).contains("of " + String.format(java.util.Locale.ROOT, "%,d", text.length())
                            + " characters");
                });
        assertThat(task.draft().text()).isNotBlank();
    }
}
