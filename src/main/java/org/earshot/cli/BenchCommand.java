package org.earshot.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.earshot.Wiring;
import org.earshot.alert.AlertSink;
import org.earshot.alert.AlertTriggers;
import org.earshot.alert.ConnectorAlerts;
import org.earshot.alert.DailyDigest;
import org.earshot.alert.FollowUps;
import org.earshot.alert.MentionAlerts;
import org.earshot.alert.ServiceLevelClock;
import org.earshot.alert.SpikeDetector;
import org.earshot.config.AlertsConfig;
import org.earshot.config.ConfigLoader;
import org.earshot.config.EarshotConfig;
import org.earshot.connector.Connector;
import org.earshot.connector.MentionSource;
import org.earshot.connector.PollResult;
import org.earshot.connector.PostedReply;
import org.earshot.connector.ReplyPublisher;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Platform;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.TaskState;
import org.earshot.intake.ConnectorHealthCheck;
import org.earshot.intake.MentionIntake;
import org.earshot.reply.DraftInput;
import org.earshot.reply.ReplyDrafter;
import org.earshot.scoring.MentionScorer;
import org.earshot.scoring.ScoringInput;
import org.earshot.store.AuditLog;
import org.earshot.store.Database;
import org.earshot.store.HealthStore;
import org.earshot.store.MentionStore;
import org.earshot.store.OutboxStore;
import org.earshot.store.TaskStore;
import org.earshot.task.Approvals;
import org.earshot.task.Backoff;
import org.earshot.task.BusinessClock;
import org.earshot.task.Incidents;
import org.earshot.task.OutboxDispatcher;
import org.earshot.task.TaskQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures what matters for speed and prints it: scoring and drafting throughput with per-mention
 * latency, and the whole intake path (poll → H2 → task) and the outbox (approve → post) on a real
 * H2 file in a temp folder, and a pressing mention's poll to its alert. Scoring is measured after a
 * warm-up that lets the JIT finish (see {@link #warmUp}). A benchmark, not a test: nothing here passes
 * or fails.
 */
@Command(name = "bench", description = "Prints throughput and latency of scoring, drafting, intake, posting and alerts.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--mentions", defaultValue = "300000", description = "Mentions to score (default: ${DEFAULT-VALUE}).")
    int scoreCount;

    @Option(names = "--intake", defaultValue = "2000", description = "Mentions through the database (default: ${DEFAULT-VALUE}).")
    int intakeCount;

    @Option(names = "--stored", split = ",", paramLabel = "N,N,...",
            description = "Also measures ingest with this many mentions stored already, in growing order "
                    + "(for example 10000,100000,1000000); none by default.")
    List<Integer> storeSizes = List.of();
    @Option(names = "--stored-intake", defaultValue = "2000", description = "New mentions ingested at each stored size (default: ${DEFAULT-VALUE}).")
    int storedIntake;

    @Option(names = "--alerts", defaultValue = "300", description = "Pressing mentions polled one by one to their alert, and again to their Slack message (default: ${DEFAULT-VALUE}).")
    int alertCount;

    @Option(names = "--queue", defaultValue = "10000", description = "Open tasks behind the task list API; 0 skips it (default: ${DEFAULT-VALUE}).")
    int queueTasks;

    @Option(names = "--only-queue", description = "Runs only the task list API bench (see --queue).")
    boolean onlyQueue;

    @Option(names = "--queue-requests", defaultValue = "200", description = "Requests per task list query (default: ${DEFAULT-VALUE}).")
    int queueRequests;

    @Option(names = {"-c", "--config"}, defaultValue = "config/earshot.yaml", description = "For the reply policy.")
    Path configFile;

    @Option(names = "--model", defaultValue = "lexicon", paramLabel = "lexicon|learned",
            description = "learned: also measures the learned negativity model on one thread "
                    + "(default: ${DEFAULT-VALUE}).")
    ScoreCommand.Model model;

    @Option(names = "--burst", defaultValue = "0", paramLabel = "N",
            description = "Runs only the burst bench: N mentions polled with the learned model on, stored and queued "
                    + "with the lexicon's scores, then scored by the model's job (for example 10000).")
    int burst;

    @Option(names = "--model-texts", defaultValue = "2000", description = "Texts the learned model reads (default: ${DEFAULT-VALUE}).")
    int modelTexts;

    private static final String[] SAMPLES = {
        "@acmeair my bag never arrived in Denver and nobody answers the phone",
        "Great, another delay. Love that for me #acmeair",
        "Thank you @acmeair for the upgrade, the crew was wonderful!",
        "I was charged twice for the same booking, where is my refund?",
        "Stranded at the gate with my kids tonight, flight cancelled, no hotel offered",
        "Does acme air allow pets in the cabin on domestic flights?",
        "There's smoke coming from the engine on flight 212, is this normal??",
        "If this isn't fixed I'm calling my lawyer. Third time I write.",
        "Buy cheap followers now!!! http://spam.example",
        "not bad at all, the new app is actually quite nice",
    };

    @Override
    public Integer call() throws Exception {
        EarshotConfig config = ConfigLoader.fromEnvironment(Wiring.CHANNELS).load(configFile);
        System.out.printf(Locale.ROOT, "earshot bench on %d core(s), Java %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        if (burst > 0) {
            ModelBurstBench.run(config, burst, SAMPLES);
            return 0;
        }
        if (onlyQueue) {
            TaskListBench.run(config, queueTasks, queueRequests, SAMPLES);
            return 0;
        }
        benchScoring();
        if (model == ScoreCommand.Model.learned) {
            benchLearnedModel();
        }
        benchDrafting(config);
        benchIntakeAndOutbox(config);
        if (!storeSizes.isEmpty()) {
            IngestAtScaleBench.run(config, storeSizes.stream().sorted().toList(), storedIntake, SAMPLES);
        }
        benchAlerts(config);
        SlackDeliveryBench.run(config, alertCount, SAMPLES[6], SAMPLES[4]);
        TaskListBench.run(config, queueTasks, queueRequests, SAMPLES);
        return 0;
    }

    private void benchScoring() {
        MentionScorer scorer = new MentionScorer();
        List<ScoringInput> inputs = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < SAMPLES.length; i++) {
            inputs.add(new ScoringInput(Platform.X, SAMPLES[i], "", new Author("user" + i, "User " + i, i * 1000L),
                    CustomerHistory.NONE, now.minusSeconds(60L * i), now));
        }
        warmUp(() -> {
            for (int i = 0; i < 10_000; i++) {
                scorer.score(inputs.get(i % inputs.size()));
            }
        });
        long[] samples = new long[Math.min(scoreCount, 100_000)];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        double sink = 0;
        for (int i = 0; i < scoreCount; i++) {
            if (i % (scoreCount / samples.length) == 0 && i / (scoreCount / samples.length) < samples.length) {
                long t0 = System.nanoTime();
                sink += scorer.score(inputs.get(i % inputs.size())).priority();
                samples[i / (scoreCount / samples.length)] = System.nanoTime() - t0;
            } else {
                sink += scorer.score(inputs.get(i % inputs.size())).priority();
            }
        }
        long elapsed = System.nanoTime() - start;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        report("score", scoreCount, elapsed, samples);
        if (cpuStart >= 0 && cpu > 0) {
            // Other processes on a shared machine take the core away now and then; the thread's own
            // CPU time says what one core does while it has the scorer.
            System.out.printf(Locale.ROOT, "%-30s %,10d in %7.2f s  %,12.0f /s of the scoring thread's CPU time%n",
                    "score (one core)", scoreCount, cpu / 1e9, scoreCount / (cpu / 1e9));
        }
        if (sink == 42) {
            System.out.print("");
        }
    }

    /**
     * The learned model on one thread (its own session, one ONNX thread), texts one at a time as the
     * poll scores them. Texts differ (a number is added) so nothing is read twice.
     */
    private void benchLearnedModel() {
        long loading = System.nanoTime();
        org.earshot.scoring.model.LearnedNegativity learned = org.earshot.scoring.model.LearnedNegativity.load();
        System.out.printf(Locale.ROOT, "%-30s %17s in %7.2f s%n", "learned model: load", "",
                (System.nanoTime() - loading) / 1e9);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < modelTexts; i++) {
            texts.add(SAMPLES[i % SAMPLES.length] + " #" + i);
        }
        for (int i = 0; i < Math.min(64, texts.size()); i++) {
            learned.negativity(texts.get(i));
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] samples = new long[texts.size()];
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < texts.size(); i++) {
            long t0 = System.nanoTime();
            learned.negativity(texts.get(i));
            samples[i] = System.nanoTime() - t0;
        }
        long elapsed = System.nanoTime() - start;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        report("learned model: one by one", texts.size(), elapsed, samples);
        System.out.printf(Locale.ROOT, "%-30s %,10d in %7.2f s  %,12.0f /s of the thread's CPU time%n",
                "learned model (one core)", texts.size(), cpu / 1e9, texts.size() / (cpu / 1e9));
    }

    private void benchDrafting(EarshotConfig config) {
        MentionScorer scorer = new MentionScorer();
        ReplyDrafter drafter = new ReplyDrafter(config.policy(), Wiring.CHANNELS);
        Instant now = Instant.now();
        List<DraftInput> inputs = new ArrayList<>();
        for (int i = 0; i < SAMPLES.length; i++) {
            Author author = new Author("user" + i, "Dana Reyes", 100);
            inputs.add(new DraftInput(Platform.MASTODON, author, SAMPLES[i], "", scorer.score(new ScoringInput(
                    Platform.MASTODON, SAMPLES[i], "", author, CustomerHistory.NONE, now, now)), CustomerHistory.NONE));
        }
        int n = 50_000;
        long[] samples = new long[n];
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            drafter.draft(inputs.get(i % inputs.size()));
            samples[i] = System.nanoTime() - t0;
        }
        report("draft", n, System.nanoTime() - start, samples);
    }

    private void benchIntakeAndOutbox(EarshotConfig config) throws Exception {
        try (BenchDatabase bench = BenchDatabase.open(config, "earshot-bench", Clock.systemUTC())) {
            Database db = bench.db;
            MentionStore mentions = bench.mentions;
            TaskStore tasks = bench.tasks;
            ReplyDrafter drafter = bench.drafter;
            MentionIntake intake = bench.intake;
            Instant now = Instant.now();
            int batch = 100;
            MentionSource source = cursor -> {
                int from = cursor == null ? 0 : Integer.parseInt(cursor);
                List<IncomingMention> page = new ArrayList<>();
                for (int i = from; i < Math.min(from + batch, intakeCount); i++) {
                    page.add(new IncomingMention(Platform.MASTODON, "bench-" + i,
                            new Author("user" + (i % 500) + "@mastodon.example", "User " + i, i), SAMPLES[i % SAMPLES.length],
                            "", now, "", Map.of()));
                }
                return new PollResult(page, String.valueOf(from + page.size()));
            };
            ReplyPublisher publisher = block -> new PostedReply("posted-" + block.idempotencyKey(), "");
            Connector connector = new Connector("bench", Platform.MASTODON, "acme", Duration.ofSeconds(1), source,
                    publisher);
            long[] pollSamples = new long[(intakeCount + batch - 1) / batch];
            long start = System.nanoTime();
            for (int p = 0; p < pollSamples.length; p++) {
                long t0 = System.nanoTime();
                intake.pollOnce(connector);
                pollSamples[p] = (System.nanoTime() - t0) / batch;
            }
            report("intake (poll→task, H2 file)", intakeCount, System.nanoTime() - start, pollSamples);

            AuditLog audit = new AuditLog();
            OutboxStore outbox = new OutboxStore();
            Approvals approvals = new Approvals(db, tasks, mentions, outbox, audit, drafter, Clock.systemUTC());
            OutboxDispatcher dispatcher = new OutboxDispatcher(db, outbox, tasks, audit, Map.of("bench", connector),
                    Clock.systemUTC(), Duration.ofMinutes(2), Backoff.DELIVERY, Wiring.Timings.DEFAULT.maxPostAttempts());
            List<ResponseTask> open = new TaskQueries(db, tasks, audit).list(java.util.EnumSet.of(TaskState.NEW), 500);
            long[] postSamples = new long[open.size()];
            start = System.nanoTime();
            for (int i = 0; i < open.size(); i++) {
                long t0 = System.nanoTime();
                approvals.approve(open.get(i).id(), "Hi, thanks for telling us. I'm on it.", "bench", true);
                dispatcher.dispatchDue();
                postSamples[i] = System.nanoTime() - t0;
            }
            report("approve→posted (H2 file)", open.size(), System.nanoTime() - start, postSamples);
        }
    }

    /**
     * A pressing mention's way from the poll that hears it to its NEW_MENTION alert being raised (the
     * sink's time of raise; delivery to Slack is measured on its own), one mention per poll; then one
     * run of all alert triggers over the tasks that piled up.
     */
    private void benchAlerts(EarshotConfig config) throws Exception {
        try (BenchDatabase bench = BenchDatabase.open(config, "earshot-bench-alerts", Clock.systemUTC())) {
            Database db = bench.db;
            MentionStore mentions = bench.mentions;
            TaskStore tasks = bench.tasks;
            ReplyDrafter drafter = bench.drafter;
            MentionIntake intake = bench.intake;
            List<Long> raisedAt = new ArrayList<>();
            AlertSink sink = alert -> raisedAt.add(System.nanoTime());
            MentionAlerts mentionAlerts = new MentionAlerts(db, tasks, sink, config.alerts().queueUrl(),
                    Clock.systemUTC());
            String[] pressing = {SAMPLES[6], SAMPLES[4]};
            Connector connector = PressingMentions.connector("alert", pressing);
            List<Long> latencies = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < alertCount; i++) {
                int before = raisedAt.size();
                long t0 = System.nanoTime();
                mentionAlerts.raiseFor(intake.pollOnce(connector).newTaskIds());
                for (int a = before; a < raisedAt.size(); a++) {
                    latencies.add(raisedAt.get(a) - t0);
                }
            }
            report("poll→alert raised (H2 file)", latencies.size(), System.nanoTime() - start,
                    latencies.stream().mapToLong(Long::longValue).toArray());

            AlertsConfig alerting = config.alerts();
            ServiceLevelClock sla = new ServiceLevelClock(db, tasks, config.serviceLevels(), Wiring.CHANNELS,
                    new BusinessClock(alerting.businessHours()), alerting.breachWarning(), alerting.queueUrl(), sink,
                    Clock.systemUTC());
            List<String> brands = config.brands().stream().map(b -> b.id()).toList();
            AlertTriggers triggers = new AlertTriggers(mentionAlerts, sla,
                    new FollowUps(db, tasks, new AuditLog(), alerting.breachWarning(), alerting.queueUrl(), sink,
                            Clock.systemUTC()),
                    new SpikeDetector(db, mentions, new Incidents(db, tasks, new org.earshot.store.OutboxStore(), new AuditLog(), drafter), alerting.spike(), brands,
                            alerting.queueUrl(), sink,
                            Clock.systemUTC()),
                    new ConnectorAlerts(new ConnectorHealthCheck(db, new HealthStore(), mentions, List.of(),
                            Clock.systemUTC()), Map.of(), Duration.ofHours(1), 3, alerting.queueUrl(), sink,
                            Clock.systemUTC()),
                    new DailyDigest(db, mentions, tasks, sla, brands, alerting.businessHours().zone(),
                            alerting.digestAt(), alerting.queueUrl(), sink, Clock.systemUTC()));
            long[] runs = new long[5];
            start = System.nanoTime();
            for (int i = 0; i < runs.length; i++) {
                long t0 = System.nanoTime();
                triggers.runOnce();
                runs[i] = System.nanoTime() - t0;
            }
            report("alert triggers run (" + alertCount + " open)", runs.length, System.nanoTime() - start, runs);
        }
    }

    /**
     * Runs a round until the JIT has compiled the hot path: at least five seconds (on two busy cores
     * the optimising compiler lands after three or four), and until two rounds in a row take about
     * as long as each other. Without this a short run measures the compiler, not the scorer.
     */
    private static void warmUp(Runnable round) {
        long start = System.nanoTime();
        long previous = Long.MAX_VALUE;
        int steady = 0;
        while (steady < 2 || System.nanoTime() - start < 5_000_000_000L) {
            long t0 = System.nanoTime();
            round.run();
            long took = System.nanoTime() - t0;
            steady = Math.abs(took - previous) < previous / 10 ? steady + 1 : 0;
            previous = took;
            if (System.nanoTime() - start > 20_000_000_000L) {
                return;
            }
        }
    }

    static void report(String what, int count, long elapsedNanos, long[] latencies) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        double perSecond = count / (elapsedNanos / 1e9);
        System.out.printf(Locale.ROOT, "%-30s %,10d in %7.2f s  %,12.0f /s   p50 %s  p99 %s  max %s%n", what, count,
                elapsedNanos / 1e9, perSecond, micros(sorted, 0.50), micros(sorted, 0.99), micros(sorted, 1.0));
    }

    private static String micros(long[] sorted, double q) {
        if (sorted.length == 0) {
            return "-";
        }
        long v = sorted[Math.min(sorted.length - 1, (int) Math.floor(q * (sorted.length - 1)))];
        return v >= 1_000_000 ? String.format(Locale.ROOT, "%.1f ms", v / 1e6) : String.format(Locale.ROOT, "%.1f µs", v / 1e3);
    }
}
