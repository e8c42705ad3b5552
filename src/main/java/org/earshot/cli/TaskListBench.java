package org.earshot.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.earshot.Wiring;
import org.earshot.alert.FollowUps;
import org.earshot.alert.ServiceLevelClock;
import org.earshot.config.BusinessHours;
import org.earshot.config.EarshotConfig;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Draft;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Intent;
import org.earshot.domain.Platform;
import org.earshot.domain.Score;
import org.earshot.domain.Sentiment;
import org.earshot.domain.UrgencyLevel;
import org.earshot.scoring.CurrentTeamCorrections;
import org.earshot.store.AuditLog;
import org.earshot.store.CorrectionStore;
import org.earshot.store.OutboxStore;
import org.earshot.task.Approvals;
import org.earshot.task.BusinessClock;
import org.earshot.task.Corrections;
import org.earshot.task.TaskQueries;
import org.earshot.web.WebServer;

/**
 * The task list API over real HTTP with many open tasks in an H2 file: the inbox's first page, a search,
 * two filters, about-to-breach by least time left, and a deep page, each asked many times in a row.
 */
final class TaskListBench {
    private static final String TOKEN = "bench-token";
    private static final Platform[] PLATFORMS = {Platform.X, Platform.MASTODON, Platform.REDDIT, Platform.BLUESKY,
            Platform.EMAIL};
    private static final String[] BRANDS = {"acme", "globex", "initech"};
    private static final String[] LANGUAGES = {"en", "en", "en", "de", "fr"};

    private TaskListBench() {
    }

    static void run(EarshotConfig config, int openTasks, int requests, String[] samples) throws Exception {
        if (openTasks <= 0) {
            return;
        }
        try (BenchDatabase bench = BenchDatabase.open(config, "earshot-bench-queue", Clock.systemUTC())) {
            Instant now = Instant.now();
            fill(bench, openTasks, samples, now);
            AuditLog audit = new AuditLog();
            TaskQueries queries = new TaskQueries(bench.db, bench.tasks, audit);
            Approvals approvals = new Approvals(bench.db, bench.tasks, bench.mentions, new OutboxStore(), audit,
                    bench.drafter, Clock.systemUTC());
            Corrections corrections = new Corrections(bench.db, bench.tasks, bench.mentions, new CorrectionStore(), audit,
                    new CurrentTeamCorrections(), Clock.systemUTC());
            FollowUps followUps = new FollowUps(bench.db, bench.tasks, audit, Duration.ofMinutes(30), "http://127.0.0.1",
                    alert -> true, Clock.systemUTC());
            ServiceLevelClock serviceLevels = new ServiceLevelClock(bench.db, bench.tasks, config.serviceLevels(),
                    Wiring.CHANNELS, new BusinessClock(BusinessHours.ALWAYS), Duration.ofMinutes(30), "http://127.0.0.1",
                    alert -> true, Clock.systemUTC());
            try (WebServer web = new WebServer("127.0.0.1", 0, TOKEN, queries, approvals, corrections, followUps,
                    List::of, List::of, serviceLevels)) {
                web.start();
                HttpClient http = HttpClient.newHttpClient();
                String base = "http://127.0.0.1:" + web.port();
                String n = String.format(java.util.Locale.ROOT, "%,d", openTasks);
                time(http, base, "/api/tasks?state=NEW&limit=50", "task list, first page (" + n + " open)", requests);
                time(http, base, "/api/tasks?state=NEW&limit=50&q=refund", "task list, search 'refund'", requests);
                time(http, base, "/api/tasks?state=NEW&limit=50&platform=x&level=high", "task list, platform+level",
                        requests);
                time(http, base, "/api/tasks?state=NEW&limit=50&aboutToBreach=true&order=due",
                        "task list, about to breach", requests);
                time(http, base, "/api/tasks?state=NEW&limit=50&offset=" + Math.max(0, openTasks - 50),
                        "task list, last page", requests);
                time(http, base, "/inbox.html", "inbox page (html)", requests);
            }
        }
    }

    static void fill(BenchDatabase bench, int count, String[] samples, Instant now) {
        int batch = 500;
        for (int from = 0; from < count; from += batch) {
            int start = from;
            bench.db.useTransaction(h -> {
                for (int i = start; i < Math.min(count, start + batch); i++) {
                    Platform platform = PLATFORMS[i % PLATFORMS.length];
                    Instant heard = now.minus(Duration.ofMinutes(i % 600));
                    IncomingMention m = new IncomingMention(platform, "bench-" + i,
                            new Author("user" + (i % 3000), "User " + (i % 3000), i % 50_000),
                            samples[i % samples.length] + " #" + i, "", heard, "https://example.test/" + i,
                            Map.of(), "", LANGUAGES[i % LANGUAGES.length]);
                    long mentionId = bench.mentions.insertIfNew(h, platform.id() + "-bench", BRANDS[i % BRANDS.length],
                            m, heard).orElseThrow();
                    UrgencyLevel level = UrgencyLevel.values()[i % UrgencyLevel.values().length];
                    Score score = new Score(0.6, Sentiment.NEGATIVE, 0.5, level, (i * 7919 % 10_000) / 100.0,
                            List.of("complaint"));
                    Draft draft = new Draft(Intent.COMPLAINT, "Sorry to hear that, we are on it.",
                            List.of("Sorry to hear that, we are on it."), List.of(), false);
                    bench.tasks.insert(h, mentionId, score, draft, heard, heard.plus(Duration.ofHours(1)),
                            CustomerHistory.NONE);
                }
            });
        }
    }

    private static void time(HttpClient http, String base, String path, String what, int requests) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + TOKEN).GET().build();
        for (int i = 0; i < Math.min(20, requests); i++) {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        }
        long[] samples = new long[requests];
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            samples[i] = System.nanoTime() - t0;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
        }
        BenchCommand.report(what, requests, System.nanoTime() - start, samples);
    }
}
