package org.earshot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
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
import org.earshot.domain.Sentiment;
import org.earshot.domain.UrgencyLevel;
import org.earshot.reply.ReplyDrafter;
import org.earshot.scoring.CurrentTeamCorrections;
import org.earshot.scoring.MentionScorer;
import org.earshot.store.AuditLog;
import org.earshot.store.CorrectionStore;
import org.earshot.store.Database;
import org.earshot.store.MentionStore;
import org.earshot.store.TaskStore;
import org.earshot.task.Corrections;
import org.earshot.task.Triage;
import org.earshot.testing.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code earshot corrections} on a small database that people corrected. */
class CorrectionsCommandIT {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private int nextId = 1;

    private int run(String... args) {
        CommandLine cli = Earshot.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path config() throws Exception {
        return TestConfigs.exampleConfigFileIn(dir);
    }

    /** Seeds tasks the way intake opens them, and relabels them the way the queue does. */
    private final class Seeder implements AutoCloseable {
        final Database db;
        final Triage triage;
        final Corrections corrections;

        Seeder(EarshotConfig config) {
            db = Database.open(config.storage());
            triage = new Triage(new MentionScorer(), new ReplyDrafter(config.policy(), Wiring.CHANNELS), config.serviceLevels());
            corrections = new Corrections(db, new TaskStore(), new MentionStore(), new CorrectionStore(), new AuditLog(),
                    new CurrentTeamCorrections(), Clock.systemUTC());
        }

        long task(String text) {
            String id = String.valueOf(nextId++);
            return db.inTransaction(c -> {
                MentionStore mentions = new MentionStore();
                long mentionId = mentions.insertIfNew(c, "mastodon", "acme", new IncomingMention(Platform.MASTODON, id,
                        new Author("traveller" + id + "@mastodon.example", "Traveller " + id, 40), text, "",
                        Instant.now(), "", Map.of()), Instant.now()).getAsLong();
                Mention m = mentions.find(c, mentionId).orElseThrow();
                Triage.Assessment a = triage.assess(m, CustomerHistory.NONE, Instant.now());
                return new TaskStore().insert(c, mentionId, a.score(), a.draft(), Instant.now(), a.dueAt());
            });
        }

        void corrected(String text, Sentiment sentiment, UrgencyLevel level) {
            corrections.correct(task(text), sentiment, level, "sam");
        }

        @Override
        public void close() {
            db.close();
        }
    }

    @Test
    void itPrintsAccuracyWithoutAndWithTheTeamModelLeavingEachCorrectionOut() throws Exception {
        Path configFile = config();
        try (Seeder seed = new Seeder(ConfigLoader.fromEnvironment(Wiring.CHANNELS).load(configFile))) {
            seed.corrected("@acmeair the gate agent told us to sit on the floor for three hours",
                    Sentiment.NEGATIVE, UrgencyLevel.NORMAL);
            seed.corrected("@acmeair gate agent made us sit on the floor again at JFK",
                    Sentiment.NEGATIVE, UrgencyLevel.NORMAL);
            seed.corrected("@acmeair the gate agent at JFK left us sitting on the floor",
                    Sentiment.NEGATIVE, UrgencyLevel.NORMAL);
            seed.corrected("@acmeair the wifi is down for the whole flight", Sentiment.NEGATIVE, null);
            seed.corrected("@acmeair wifi down again on my flight to Denver", Sentiment.NEGATIVE, null);
            seed.corrected("@acmeair inflight wifi down during the whole flight", Sentiment.NEGATIVE, null);
            seed.corrected("@acmeair checked bag fee was 70 dollars at the counter", null, UrgencyLevel.NORMAL);
            seed.corrected("@acmeair thank you, the crew was wonderful", Sentiment.POSITIVE, UrgencyLevel.LOW);
            seed.task("@acmeair where do I find my boarding pass?");
        }

        int code = run("corrections", "--config", configFile.toString());

        assertThat(code).as(err.toString()).isZero();
        String printed = out.toString();
        assertThat(printed).contains("8 corrected task(s); each scored by the scorer alone, then with a team model "
                + "learned from the other 7.");
        // The scorer-alone column moves whenever the scorer improves; the team model must fix and never break.
        assertThat(printed).containsPattern("sentiment +7 +\\d/7 \\([\\d.]+%\\) +→ 7/7 \\(100\\.0%\\) +\\d +0");
        assertThat(printed).containsPattern("urgency level +5 +\\d/5 \\([\\d.]+%\\) +→ [45]/5 \\([\\d.]+%\\) +\\d +0");
        assertThat(printed).contains("Terms learned from all 8 correction(s):");
        assertThat(printed).containsPattern("sentiment +'gate agent' +→ negative +3 of 3");
        assertThat(printed).containsPattern("sentiment +'wifi down' +→ negative +2 of 2");
        assertThat(printed).containsPattern("urgency +'gate agent' +→ normal +3 of 3");
    }

    @Test
    void withoutCorrectionsItSaysHowToMakeSome() throws Exception {
        Path configFile = config();

        assertThat(run("corrections", "--config", configFile.toString())).isZero();

        assertThat(out.toString()).contains("No corrections yet");
    }
}
