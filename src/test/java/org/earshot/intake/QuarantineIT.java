package org.earshot.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.earshot.Wiring;
import org.earshot.connector.ConnectorHealth;
import org.earshot.connector.UnreadableItem;
import org.earshot.domain.Author;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Platform;
import org.earshot.domain.QuarantinedItem;
import org.earshot.domain.TaskState;
import org.earshot.testing.CapturedLog;
import org.earshot.testing.InMemoryPlatform;
import org.earshot.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One bad item in a poll never holds up the others or the cursor, and is kept whole until read again. */
class QuarantineIT {
    @TempDir
    Path dir;

    private final InMemoryPlatform platform = new InMemoryPlatform();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private Wiring earshot;

    @BeforeEach
    void start() {
        earshot = new Wiring(platform.configWithDatabaseIn(dir), List.of(platform.factory()), clock,
                Wiring.Timings.DEFAULT.deliveringEvery(Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() {
        earshot.close();
    }

    private void hear(String id, String text) {
        platform.posts.add(new IncomingMention(Platform.MASTODON, id, new Author("dana" + id + "@mastodon.example",
                "Dana Reyes", 120), text, "", clock.instant(), "", Map.of()));
    }


    private int openTasks() {
        return earshot.queries().list(EnumSet.of(TaskState.NEW), 100).size();
    }

    private ConnectorHealth health() {
        return earshot.connectorHealth().stream().filter(h -> h.connectorId().equals("social")).findFirst()
                .orElseThrow();
    }

    @Test
    void aMentionWhoseIdIsTooLongIsQuarantinedAndTheRestOfTheBatchIsStored() {
        hear("1", "@acmeair my bag never arrived in Denver");
        String longId = "9".repeat(1001);
        hear(longId, "@acmeair the wifi on my flight was down the whole way");
        hear("3", "@acmeair you charged me twice for one seat");

        MentionIntake.PollOutcome first;
        try (CapturedLog log = new CapturedLog()) {
            first = earshot.pollOnce("social");
            earshot.pollOnce("social");
            assertThat(log.text().split("could not store mention", -1)).hasSize(2);
        }

        assertThat(first.failed()).isFalse();
        assertThat(first.newTaskIds()).hasSize(2);
        assertThat(openTasks()).isEqualTo(2);
        List<QuarantinedItem> held = earshot.requeue().open(10);
        assertThat(held).singleElement().satisfies(item -> {
            assertThat(item.reason()).contains("1001 characters");
            assertThat(item.kind()).isEqualTo(QuarantinedItem.PayloadKind.MENTION);
        });
        QuarantinedItem whole = earshot.requeue().find(held.get(0).id()).orElseThrow();
        assertThat(new String(whole.payload(), StandardCharsets.UTF_8)).contains(longId).contains("wifi");
        assertThat(health().quarantined()).isEqualTo(1);
        assertThat(health().healthy()).isTrue();
    }

    @Test
    void aRowTheDatabaseRefusesIsQuarantinedAndTheOthersAndTheCursorAreSaved() {
        earshot.database().useTransaction(h -> h.execute("create trigger refuse_poison before insert on mention"
                + " for each row call \"" + RefusePoisonTrigger.class.getName() + "\""));
        hear("1", "@acmeair my bag never arrived in Denver");
        hear("2", "@acmeair POISON my seat was broken");
        hear("3", "@acmeair you charged me twice for one seat");

        MentionIntake.PollOutcome outcome = earshot.pollOnce("social");
        MentionIntake.PollOutcome again = earshot.pollOnce("social");

        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.newTaskIds()).hasSize(2);
        assertThat(again.read()).isZero();
        assertThat(earshot.requeue().open(10)).singleElement()
                .satisfies(item -> assertThat(item.reason()).contains("the database refused it").contains("POISON"));
    }

    @Test
    void aRefusedMentionIsStoredOnceWhenRequeuedAfterTheCauseIsGone() {
        earshot.database().useTransaction(h -> h.execute("create trigger refuse_poison before insert on mention"
                + " for each row call \"" + RefusePoisonTrigger.class.getName() + "\""));
        hear("2", "@acmeair POISON my seat was broken and nobody came");
        earshot.pollOnce("social");
        long itemId = earshot.requeue().open(10).get(0).id();

        Requeue.Outcome stillHeld = earshot.requeue().requeue(itemId).orElseThrow();
        earshot.database().useTransaction(h -> h.execute("drop trigger refuse_poison"));
        Requeue.Outcome stored = earshot.requeue().requeue(itemId).orElseThrow();
        Requeue.Outcome twice = earshot.requeue().requeue(itemId).orElseThrow();

        assertThat(stillHeld.stored()).isFalse();
        assertThat(stillHeld.result()).startsWith("still held");
        assertThat(stored.stored()).isTrue();
        assertThat(stored.tasksOpened()).hasSize(1);
        assertThat(twice.tasksOpened()).isEmpty();
        assertThat(openTasks()).isEqualTo(1);
        assertThat(earshot.requeue().open(10)).isEmpty();
        assertThat(health().quarantined()).isZero();
    }

    @Test
    void anItemTheConnectorCouldNotReadIsKeptWithItsBytesOnceAndReadAgainAfterAnUpgrade() {
        hear("1", "@acmeair my bag never arrived in Denver");
        byte[] raw = "@acmeair the lounge in Lisbon was closed".getBytes(StandardCharsets.UTF_8);
        platform.unreadable.add(new UnreadableItem("broken-7", "ADDRESS parse error", raw, false));

        MentionIntake.PollOutcome outcome = earshot.pollOnce("social");
        platform.unreadable.add(new UnreadableItem("broken-7", "ADDRESS parse error", raw, false));
        earshot.pollOnce("social");

        assertThat(outcome.newTaskIds()).hasSize(1);
        QuarantinedItem held = earshot.requeue().open(10).get(0);
        assertThat(earshot.requeue().open(10)).hasSize(1);
        assertThat(held.kind()).isEqualTo(QuarantinedItem.PayloadKind.RAW);
        assertThat(earshot.requeue().find(held.id()).orElseThrow().payload()).isEqualTo(raw);

        assertThat(earshot.requeue().requeue(held.id()).orElseThrow().result())
                .startsWith("still held: still cannot read broken-7");
        platform.canReread = true;
        assertThat(earshot.requeue().requeueAll()).singleElement()
                .satisfies(o -> assertThat(o.tasksOpened()).hasSize(1));
        assertThat(openTasks()).isEqualTo(2);
        assertThat(earshot.requeue().open(10)).isEmpty();
    }

    @Test
    void aPersonWhoWritesTwiceInOnePollHasTheFirstMentionInTheSecondsHistory() {
        Author dana = new Author("dana@mastodon.example", "Dana Reyes", 120);
        platform.posts.add(new IncomingMention(Platform.MASTODON, "a", dana, "@acmeair my bag never arrived",
                "", clock.instant(), "", Map.of()));
        platform.posts.add(new IncomingMention(Platform.MASTODON, "b", dana, "@acmeair still no bag, nobody answers",
                "", clock.instant(), "", Map.of()));

        List<Long> opened = earshot.pollOnce("social").newTaskIds();

        assertThat(earshot.queries().get(opened.get(0)).customer().previousMentions()).isZero();
        assertThat(earshot.queries().get(opened.get(1)).customer().previousMentions()).isEqualTo(1);
    }
}
