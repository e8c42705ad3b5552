package org.earshot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.earshot.Wiring;
import org.earshot.Earshot;
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
import org.earshot.store.TaskStore;
import org.earshot.task.Triage;
import org.earshot.testing.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands as a user types them, on a real H2 file, with their exit codes. */
class CommandLineIT {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Earshot.commandLine();
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path config() throws Exception {
        return TestConfigs.exampleConfigFileIn(dir);
    }

    private long openTask(Path configFile, String text) {
        EarshotConfig config = ConfigLoader.fromEnvironment(Wiring.CHANNELS).load(configFile);
        try (Database db = Database.open(config.storage())) {
            Triage triage = new Triage(new MentionScorer(), new ReplyDrafter(config.policy(), Wiring.CHANNELS), config.serviceLevels());
            return db.inTransaction(c -> {
                MentionStore mentions = new MentionStore();
                long id = mentions.insertIfNew(c, "mastodon", "acme", new IncomingMention(Platform.MASTODON, "77",
                        new Author("dana@mastodon.example", "Dana Reyes", 10), text, "", Instant.now(), "",
                        Map.of()), Instant.now()).getAsLong();
                Mention m = mentions.find(c, id).orElseThrow();
                Triage.Assessment a = triage.assess(m, CustomerHistory.NONE, Instant.now());
                return new TaskStore().insert(c, id, a.score(), a.draft(), Instant.now(), a.dueAt());
            });
        }
    }

    @Test
    void aBadConfigStopsTheStartWithTheFileTheKeyAndTheReason() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(Path.of("config/earshot.yaml")).replace("schedule: 60s", "schedule: often"));

        int code = run("run", "--config", bad.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("bad.yaml: connectors.mastodon.schedule must be a duration like 30s, 5m or 12h, but was 'often'");
    }

    @Test
    void aMistypedConnectorKeyStopsTheStartWithTheNearestKnownKey() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(config())
                .replaceFirst("schedule: 60s", "shedule: 5s")
                .replaceFirst("accessToken: \\$\\{MASTODON_ACCESS_TOKEN:-}", "accessToken: test-token")
                .replaceFirst("enabled: false", "enabled: true"));

        int code = run("run", "--config", bad.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("bad.yaml: connectors.mastodon.shedule is not a setting; did you mean schedule?");
    }

    @Test
    void aMistypedAlertLevelStopsTheStartInsteadOfSendingEveryLevel() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(config()).replace("minimumLevel: high", "minimumLevle: high"));

        int code = run("tasks", "--config", bad.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("bad.yaml: alerts.routes[0].minimumLevle is not a setting; did you mean minimumLevel?");
    }

    @Test
    void approvingFromTheCommandLineWorksOnceAndThenIsAConflict() throws Exception {
        Path config = config();
        long id = openTask(config, "@acmeair my bag never arrived");

        assertThat(run("approve", String.valueOf(id), "--config", config.toString(), "--as", "sam")).isZero();
        assertThat(run("approve", String.valueOf(id), "--config", config.toString())).isEqualTo(4);
        assertThat(err.toString()).contains("is APPROVED and cannot be approved");
    }

    @Test
    void theTaskCommandsWorkWhileTheDaemonHasTheDatabaseOpen() throws Exception {
        Path configFile = config();
        EarshotConfig config = ConfigLoader.fromEnvironment(Wiring.CHANNELS).load(configFile);
        try (org.earshot.Wiring daemon = new org.earshot.Wiring(config, org.earshot.Wiring.CONNECTOR_FACTORIES,
                java.time.Clock.systemUTC(), org.earshot.Wiring.Timings.DEFAULT)) {
            long id = openTask(configFile, "@acmeair my bag never arrived");

            assertThat(run("tasks", "--config", configFile.toString())).isZero();
            assertThat(run("approve", String.valueOf(id), "--config", configFile.toString(), "--as", "sam")).isZero();

            assertThat(daemon.queries().get(id).state()).isEqualTo(org.earshot.domain.TaskState.APPROVED);
            assertThat(daemon.queries().get(id).decision().actor()).isEqualTo("sam");
        }
    }

    @Test
    void anUnknownTaskExitsWithNotFound() throws Exception {
        Path config = config();
        assertThat(run("show", "999", "--config", config.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("no task 999");
    }

    @Test
    void rejectingNeedsAReason() throws Exception {
        Path config = config();
        long id = openTask(config, "buy followers");
        assertThat(run("reject", String.valueOf(id), "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--reason");
        assertThat(run("reject", String.valueOf(id), "--config", config.toString(), "--reason", "spam")).isZero();
    }
}
