package org.earshot.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.earshot.Wiring;
import org.earshot.config.BusinessHours;
import org.earshot.config.ServiceLevel;
import org.earshot.config.ServiceLevels;
import org.earshot.domain.Alert;
import org.earshot.domain.Platform;
import org.earshot.domain.UrgencyLevel;
import org.earshot.store.Database;
import org.earshot.store.TaskStore;
import org.earshot.task.BusinessClock;
import org.earshot.testing.MutableClock;
import org.earshot.testing.RecordingAlertSink;
import org.earshot.testing.StoredTasks;
import org.earshot.testing.TestConfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What people read in Slack, from alerts the triggers raised on tasks in a real H2: every alert about a
 * mention names the person and quotes the first words, alone or folded; the level is said once; the
 * brand goes by its name.
 */
class AlertTextsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-18T12:00:00Z"));
    private final RecordingAlertSink sink = new RecordingAlertSink();
    private final TaskStore tasks = new TaskStore();
    private final SlackMessage messages = new SlackMessage(AlertFixtures.QUEUE, AlertFixtures.LONDON,
            new BrandNames(Map.of("acme", "Acme Air")));
    private Database db;
    private StoredTasks stored;

    @BeforeEach
    void open() {
        db = Database.open(TestConfigs.h2In(dir));
        stored = new StoredTasks(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ServiceLevelClock serviceLevels() {
        return new ServiceLevelClock(db, tasks, new ServiceLevels(Map.of("social",
                new ServiceLevel(Duration.ofHours(1), Duration.ofHours(24)))), Wiring.CHANNELS,
                new BusinessClock(BusinessHours.ALWAYS), Duration.ofMinutes(30), AlertFixtures.QUEUE, sink, clock);
    }

    @Test
    void aFoldedMessageNamesEachPersonAndQuotesTheFirstWordsOfTheirMention() throws Exception {
        long first = stored.task(Platform.MASTODON, UrgencyLevel.CRITICAL, clock.instant());
        long second = stored.task(Platform.BLUESKY, UrgencyLevel.HIGH, clock.instant());
        clock.advance(Duration.ofSeconds(31 * 60 + 30));
        serviceLevels().check();

        JsonNode message = JSON.readTree(messages.folded(sink.raised, "during quiet hours"));

        String list = message.path("blocks").get(1).path("text").path("text").asText();
        assertThat(list.lines()).containsExactly(
                "• Wed 12:31 [critical] *First response due in 28m: Dana Reyes (@dana) on mastodon* · Acme Air"
                        + " — “my bag never arrived m-1” <https://earshot.example/tasks/" + first + "|task " + first + ">",
                "• Wed 12:31 [high] *First response due in 28m: Dana Reyes (@dana) on bluesky* · Acme Air"
                        + " — “my bag never arrived m-2” <https://earshot.example/tasks/" + second + "|task " + second + ">");
    }

    @Test
    void aMentionAlertSaysItsLevelOnceAndTheBrandByItsName() throws Exception {
        long id = stored.task(Platform.MASTODON, UrgencyLevel.CRITICAL, clock.instant());
        new MentionAlerts(db, tasks, sink, AlertFixtures.QUEUE, clock).raiseFor(List.of(id));

        Alert alert = sink.raised.get(0);
        JsonNode blocks = JSON.readTree(messages.single(alert)).path("blocks");

        assertThat(blocks.get(0).path("text").path("text").asText())
                .isEqualTo("Critical mention by Dana Reyes (@dana) on mastodon");
        assertThat(blocks.get(1).path("text").path("text").asText())
                .isEqualTo("*critical · new mention · Acme Air · mastodon*\n> my bag never arrived m-1");
    }

    @Test
    void aLongMentionIsQuotedByItsFirstWordsInAFoldedLine() {
        assertThat(AlertWords.firstWords("Stranded at FRA since 6am, nobody at the desk, two kids, no food,"
                + " no hotel and the app keeps saying the rebooking failed"))
                .isEqualTo("Stranded at FRA since 6am, nobody at the desk, two kids, no…");
    }
}
