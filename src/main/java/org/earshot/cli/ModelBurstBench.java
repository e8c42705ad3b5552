package org.earshot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.earshot.Wiring;
import org.earshot.config.BusinessHours;
import org.earshot.config.EarshotConfig;
import org.earshot.config.StorageConfig;
import org.earshot.connector.Connector;
import org.earshot.connector.MentionSource;
import org.earshot.connector.PollResult;
import org.earshot.connector.PostedReply;
import org.earshot.domain.Author;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Platform;
import org.earshot.intake.MentionIntake;
import org.earshot.matching.BrandMatcher;
import org.earshot.reading.MentionReader;
import org.earshot.reply.ReplyDrafter;
import org.earshot.scoring.CurrentTeamCorrections;
import org.earshot.scoring.MentionScorer;
import org.earshot.scoring.model.LearnedNegativity;
import org.earshot.store.CursorStore;
import org.earshot.store.Database;
import org.earshot.store.HealthStore;
import org.earshot.store.MentionStore;
import org.earshot.store.TaskStore;
import org.earshot.task.BusinessClock;
import org.earshot.task.ModelScoring;
import org.earshot.task.Triage;

/**
 * A burst of mentions with the learned model on, as the daemon runs it: polls of 100 store and queue
 * each mention with the lexicon's scores, then the model-scoring job reads them all in batches, over
 * every core. Prints how long each half took. One H2 file in a temporary folder.
 */
final class ModelBurstBench {
    private static final int PAGE = 100;

    private ModelBurstBench() {
    }

    static void run(EarshotConfig config, int burst, String[] samples) throws Exception {
        Path dir = Files.createTempDirectory("earshot-bench-burst");
        long loading = System.nanoTime();
        LearnedNegativity model = LearnedNegativity.load();
        model.negativity("warm the session up");
        System.out.printf(Locale.ROOT, "%-30s %17s in %7.2f s%n", "burst: model load", "", (System.nanoTime() - loading) / 1e9);
        Database db = Database.open(new StorageConfig("jdbc:h2:file:" + dir.resolve("bench") + ";AUTO_SERVER=FALSE",
                "sa", ""));
        try {
            TaskStore tasks = new TaskStore();
            ReplyDrafter drafter = new ReplyDrafter(config.policy(), Wiring.CHANNELS);
            MentionScorer scorer = new MentionScorer(model);
            Triage triage = new Triage(MentionReader.standard(model), scorer, new CurrentTeamCorrections(), drafter,
                    config.serviceLevels(), new BusinessClock(BusinessHours.ALWAYS));
            MentionIntake intake = new MentionIntake(db, new MentionStore(), tasks, new CursorStore(), new HealthStore(),
                    triage.withModelLater(), Map.of("acme", new BrandMatcher(config.brands().get(0))), Clock.systemUTC());
            Connector connector = new Connector("burst", Platform.MASTODON, "acme", Duration.ofSeconds(1),
                    source(burst, samples), block -> new PostedReply("p", ""));
            long start = System.nanoTime();
            long cpuStart = cpuNanos();
            int opened = 0;
            for (int p = 0; p < (burst + PAGE - 1) / PAGE; p++) {
                opened += intake.pollOnce(connector).newTaskIds().size();
            }
            long queued = System.nanoTime() - start;
            System.out.printf(Locale.ROOT, "%-30s %,10d in %7.2f s  %,12.0f /s (stored and queued, lexicon's scores),"
                            + " %.1f CPU s%n", "burst: polls", opened, queued / 1e9, opened / (queued / 1e9),
                    (cpuNanos() - cpuStart) / 1e9);
            ModelScoring scoring = new ModelScoring(db, tasks, triage, Clock.systemUTC());
            long scoringStart = System.nanoTime();
            long scoringCpu = cpuNanos();
            int scored = 0;
            for (List<Long> batch = scoring.runOnce(); !batch.isEmpty(); batch = scoring.runOnce()) {
                scored += batch.size();
            }
            long took = System.nanoTime() - scoringStart;
            System.out.printf(Locale.ROOT, "%-30s %,10d in %7.2f s  %,12.0f /s on %d core(s) (the model's job, batches of %d),"
                            + " %.1f CPU s%n", "burst: model scoring", scored, took / 1e9, scored / (took / 1e9),
                    Runtime.getRuntime().availableProcessors(), ModelScoring.BATCH, (cpuNanos() - scoringCpu) / 1e9);
            System.out.printf(Locale.ROOT, "%-30s %s%n", "burst: load average", loadAverage());
        } finally {
            db.close();
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The CPU time of the whole process (every thread), or 0 where the JVM cannot tell. */
    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.1f (the machine's, over the last minute)",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Distinct texts (a number is added), from 2,000 people, 100 to a poll. */
    private static MentionSource source(int count, String[] samples) {
        Instant now = Instant.now();
        return cursor -> {
            int from = cursor == null ? 0 : Integer.parseInt(cursor);
            List<IncomingMention> page = new ArrayList<>();
            for (int i = from; i < Math.min(from + PAGE, count); i++) {
                page.add(new IncomingMention(Platform.MASTODON, "burst-" + i,
                        new Author("person" + (i % 2000) + "@mastodon.example", "Person " + i, i),
                        samples[i % samples.length] + " #" + i, "", now, "", Map.of()));
            }
            return new PollResult(page, String.valueOf(from + page.size()));
        };
    }
}
