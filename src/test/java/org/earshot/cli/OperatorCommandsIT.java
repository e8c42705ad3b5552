package org.earshot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.earshot.Earshot;
import org.earshot.Wiring;
import org.earshot.config.ConfigLoader;
import org.earshot.config.EarshotConfig;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Mention;
import org.earshot.domain.Platform;
import org.earshot.reply.ReplyDrafter;
import org.earshot.scoring.MentionScorer;
import org.earshot.store.Database;
import org.earshot.store.MentionStore;
import org.earshot.store.SchemaTooNewException;
import org.earshot.store.TaskStore;
import org.earshot.task.Triage;
import org.earshot.testing.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What an operator runs beside the daemon: export, backup, retention, and the refusal of a newer schema. */
class OperatorCommandsIT {
    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Earshot.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** A mention received at {@code at}, and a task for it when {@code withTask}; answers the mention's id. */
    private static long mention(Database db, EarshotConfig config, String id, String text, Instant at, boolean withTask) {
        Triage triage = new Triage(new MentionScorer(), new ReplyDrafter(config.policy(), Wiring.CHANNELS),
                config.serviceLevels());
        return db.inTransaction(h -> {
            MentionStore mentions = new MentionStore();
            long mid = mentions.insertIfNew(h, "mastodon", "acme", new IncomingMention(Platform.MASTODON, id,
                    new Author("dana@mastodon.example", "Dana \"D\" Reyes", 10), text, "", at, "", Map.of()), at)
                    .getAsLong();
            if (withTask) {
                Mention m = mentions.find(h, mid).orElseThrow();
                Triage.Assessment a = triage.assess(m, CustomerHistory.NONE, at);
                new TaskStore().insert(h, mid, a.score(), a.draft(), at, a.dueAt());
            }
            return mid;
        });
    }

    private static long count(Database db, String sql) {
        return db.inTransaction(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void exportWritesTasksAndTheAuditLogAsCsvAndJsonLines() throws Exception {
        Path file = TestConfigs.exampleConfigFileIn(dir);
        EarshotConfig config = ConfigLoader.fromEnvironment(Wiring.CHANNELS).load(file);
        try (Database db = Database.open(config.storage())) {
            mention(db, config, "1", "Acme Air lost my bag, again, \"great\" service", NOW, true);
        }
        try (Wiring office = Wiring.office(config, Clock.systemUTC())) {
            long task = office.queries().list(java.util.EnumSet.allOf(org.earshot.domain.TaskState.class), 10).get(0).id();
            office.approvals().approve(task, null, "sam", true);
        }

        assertThat(run("export", "tasks", "--config", file.toString())).as(err.toString()).isZero();
        List<String> csv = out.toString().lines().toList();
        assertThat(csv.get(0)).startsWith("id,state,created_at,due_at,connector_id,brand,platform,author_handle");
        assertThat(csv.get(1)).startsWith("1,APPROVED,2026-12-03T09:00:00Z,")
                .contains(",\"Dana \"\"D\"\" Reyes\",").contains("\"Acme Air lost my bag, again, \"\"great\"\" service\"");

        out.getBuffer().setLength(0);
        assertThat(run("export", "audit", "--format", "jsonl", "--config", file.toString())).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).isNotEmpty();
        JsonNode approved = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(approved.path("task_id").asLong()).isEqualTo(1);
        assertThat(approved.path("actor").asText()).isEqualTo("sam");
        assertThat(approved.path("at").asText()).endsWith("Z");

        out.getBuffer().setLength(0);
        assertThat(run("export", "tasks", "--format", "jsonl", "--config", file.toString())).isZero();
        assertThat(new ObjectMapper().readTree(out.toString().lines().findFirst().orElseThrow())
                .path("author_name").asText()).isEqualTo("Dana \"D\" Reyes");
    }

    @Test
    void retentionPrunesOnlyOldMentionsThatNeverBecameTasks() throws Exception {
        Path file = TestConfigs.exampleConfigFileIn(dir);
        EarshotConfig loaded = ConfigLoader.fromEnvironment(Wiring.CHANNELS).load(file);
        EarshotConfig config = new EarshotConfig(loaded.file(), loaded.storage().withRetention(Duration.ofDays(30)),
                loaded.web(), loaded.brands(), loaded.connectors(), loaded.serviceLevels(), loaded.slack(),
                loaded.policy(), loaded.alerts());
        Instant old = NOW.minus(Duration.ofDays(40));
        try (Database db = Database.open(config.storage())) {
            mention(db, config, "old-unmatched", "acme air whatever", old, false);
            mention(db, config, "old-task", "Acme Air lost my bag", old, true);
            mention(db, config, "new-unmatched", "acme air whatever else", NOW.minus(Duration.ofDays(2)), false);
        }
        try (Wiring office = Wiring.office(config, Clock.fixed(NOW, ZoneOffset.UTC))) {
            assertThat(office.retention().pruneOnce()).isEqualTo(1);
            assertThat(office.retention().pruneOnce()).isZero();
        }
        try (Database db = Database.open(config.storage())) {
            assertThat(count(db, "select count(*) from mention where external_id = 'old-unmatched'")).isZero();
            assertThat(count(db, "select count(*) from mention")).isEqualTo(2);
        }
    }

    @Test
    void theRetentionKeyIsReadAndAShortOneRefused() throws Exception {
        Path file = TestConfigs.exampleConfigFileIn(dir);
        Files.writeString(file, Files.readString(file).replace("storage:\n", "storage:\n  retention: 90d\n"));
        assertThat(ConfigLoader.fromEnvironment(Wiring.CHANNELS).load(file).storage().retention())
                .isEqualTo(Duration.ofDays(90));
        Files.writeString(file, Files.readString(file).replace("retention: 90d", "retention: 1h"));
        assertThat(run("check-config", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("storage.retention must be at least 1d");
    }

    @Test
    void backupCopiesTheH2DatabaseIntoAZipWhileItIsOpenReadableByItsOwnerOnly() throws Exception {
        Path file = TestConfigs.exampleConfigFileIn(dir);
        EarshotConfig config = ConfigLoader.fromEnvironment(Wiring.CHANNELS).load(file);
        Path zip = dir.resolve("backup.zip");
        try (Database db = Database.open(config.storage())) {
            mention(db, config, "1", "Acme Air lost my bag", NOW, true);
            assertThat(run("backup", zip.toString(), "--config", file.toString())).as(err.toString()).isZero();
        }
        assertThat(out.toString()).contains("backed up to " + zip);
        // It holds password hashes and customers' messages: the owner's alone, whatever the cron job's umask.
        assertThat(java.nio.file.Files.getPosixFilePermissions(zip))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            assertThat(z.stream().map(java.util.zip.ZipEntry::getName)).anyMatch(n -> n.endsWith("earshot.mv.db"));
        }
    }

    @Test
    void aDatabaseMigratedByANewerEarshotIsRefusedWithExitTwo() throws Exception {
        Path file = TestConfigs.exampleConfigFileIn(dir);
        EarshotConfig config = ConfigLoader.fromEnvironment(Wiring.CHANNELS).load(file);
        try (Database db = Database.open(config.storage())) {
            db.useTransaction(h -> h.execute("insert into \"flyway_schema_history\" (\"installed_rank\", \"version\","
                    + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\","
                    + " \"success\") values (999, '99', 'from a newer earshot', 'SQL', 'V99__future.sql', 0, 'sa', 0, true)"));
        }

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Database.open(config.storage()))
                .isInstanceOf(SchemaTooNewException.class).hasMessageContaining("has schema version 99, newer than"
                        + " this Earshot knows");
        assertThat(run("tasks", "--config", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("newer than this Earshot knows").contains("restore a backup");
    }
}
