package org.earshot.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import org.earshot.Wiring;
import org.earshot.config.EarshotConfig;
import org.earshot.config.StorageConfig;
import org.earshot.intake.MentionIntake;
import org.earshot.matching.BrandMatcher;
import org.earshot.reply.ReplyDrafter;
import org.earshot.scoring.MentionScorer;
import org.earshot.store.CursorStore;
import org.earshot.store.Database;
import org.earshot.store.HealthStore;
import org.earshot.store.MentionStore;
import org.earshot.store.TaskStore;
import org.earshot.task.Triage;

/**
 * A bench's own H2 file in a temporary folder, with the real intake over it (scorer, drafter, the
 * config's first brand); closing it deletes the folder.
 */
final class BenchDatabase implements AutoCloseable {
    final Path dir;
    final Database db;
    final MentionStore mentions = new MentionStore();
    final TaskStore tasks = new TaskStore();
    final ReplyDrafter drafter;
    final MentionIntake intake;

    private BenchDatabase(Path dir, EarshotConfig config, Clock clock) {
        this.dir = dir;
        this.db = Database.open(new StorageConfig("jdbc:h2:file:" + dir.resolve("bench") + ";AUTO_SERVER=FALSE",
                "sa", ""));
        this.drafter = new ReplyDrafter(config.policy(), Wiring.CHANNELS);
        this.intake = new MentionIntake(db, mentions, tasks, new CursorStore(), new HealthStore(),
                new Triage(new MentionScorer(), drafter, config.serviceLevels()),
                Map.of("acme", new BrandMatcher(config.brands().get(0))), clock);
    }

    static BenchDatabase open(EarshotConfig config, String name, Clock clock) throws IOException {
        return new BenchDatabase(Files.createTempDirectory(name), config, clock);
    }

    @Override
    public void close() {
        db.close();
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
