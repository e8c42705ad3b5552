package org.earshot.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import org.earshot.Wiring;
import org.earshot.config.ConfigLoader;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Platform;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.TaskState;
import org.earshot.domain.UrgencyLevel;
import org.earshot.domain.Warning;
import org.earshot.reply.ReplyDrafter;
import org.earshot.scoring.MentionScorer;
import org.earshot.store.AuditLog;
import org.earshot.store.Database;
import org.earshot.store.MentionStore;
import org.earshot.store.OutboxStore;
import org.earshot.store.TaskStore;
import org.earshot.testing.MutableClock;
import org.earshot.testing.StoredTasks;
import org.earshot.testing.TestConfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warnings as the database keeps them: new drafts store each warning's kind, rule and text; a task stored
 * before warnings had kinds (a JSON list of "hard: ..." lines) still reads, and its hard rule still stops
 * the approval.
 */
class StoredWarningsIT {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final TaskStore tasks = new TaskStore();
    private final MentionStore mentions = new MentionStore();
    private Database db;
    private ReplyDrafter drafter;
    private Approvals approvals;

    @BeforeEach
    void open() {
        db = Database.open(TestConfigs.h2In(dir));
        drafter = new ReplyDrafter(new ConfigLoader(n -> null, Wiring.CHANNELS).load(Path.of("config/earshot.yaml")).policy(), Wiring.CHANNELS);
        approvals = new Approvals(db, tasks, mentions, new OutboxStore(), new AuditLog(), drafter, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aTaskStoredWithOldWarningLinesReadsThemAsWarningsAndItsHardRuleStillNeedsAnOverride() throws SQLException {
        long id = new StoredTasks(db).task(Platform.MASTODON, UrgencyLevel.NORMAL, clock.instant());
        setStoredWarnings(id, "[\"escalate: legal ('my lawyer') → the legal team\","
                + " \"hard: promises 'refund', which the policy does not allow\", \"does not use the person's name (Dana)\"]");

        ResponseTask task = db.inTransaction(c -> tasks.find(c, id)).orElseThrow();

        assertThat(task.draft().warnings()).containsExactly(
                new Warning(Warning.Kind.NOTICE, "escalate", "legal ('my lawyer') → the legal team"),
                new Warning(Warning.Kind.HARD, "promise-outside-policy", "promises 'refund', which the policy does not allow"),
                new Warning(Warning.Kind.SOFT, "uses-name", "does not use the person's name (Dana)"));
        assertThat(ReplyDrafter.escalatedTo(task.draft())).contains("the legal team");
        assertThatThrownBy(() -> approvals.approve(id, null, "sam", false))
                .isInstanceOf(ReplyRulesViolatedException.class)
                .hasMessageContaining("hard: promises 'refund'");
        assertThat(approvals.approve(id, null, "sam", true).state()).isEqualTo(TaskState.APPROVED);
    }

    @Test
    void aNewDraftStoresEachWarningsKindRuleAndText() throws SQLException {
        IncomingMention feedEntry = new IncomingMention(Platform.RSS, "entry-1", new Author("", "", 0),
                "Acme Air lost my bag in Madrid and nobody answers the phone", "", clock.instant(),
                "https://news.example/1", Map.of());
        long id = db.inTransaction(c -> {
            long mentionId = mentions.insertIfNew(c, "feed", "acme", feedEntry, clock.instant()).getAsLong();
            Triage.Assessment a = new Triage(new MentionScorer(), drafter, TestConfigs.serviceLevels())
                    .assess(mentions.find(c, mentionId).orElseThrow(), CustomerHistory.NONE, clock.instant());
            return tasks.insert(c, mentionId, a.score(), a.draft(), clock.instant(), a.dueAt());
        });

        assertThat(storedWarnings(id)).startsWith("[{\"kind\":\"notice\",\"rule\":\"answer-by-hand\","
                + "\"text\":\"rss is read-only; post this yourself");
        assertThat(db.inTransaction(c -> tasks.find(c, id)).orElseThrow().draft().warnings())
                .first().returns("answer-by-hand", Warning::rule);
    }

    private void setStoredWarnings(long id, String json) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("update response_task set draft_warnings = ? where id = ?")) {
            ps.setString(1, json);
            ps.setLong(2, id);
            assertThat(ps.executeUpdate()).isOne();
        }
    }

    private String storedWarnings(long id) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("select draft_warnings from response_task where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
