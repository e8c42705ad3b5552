package org.earshot.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The kill -9 drill on one platform: the daemon as a process of its own ({@link DrillDaemon}) against a
 * {@link TruthfulPlatform}, replies approved through the REST API, the process killed with SIGKILL at a
 * random moment (while it polls, right after an approval's 200, while a post's answer is held open) and
 * started again on the same H2 file, a few times per drill; then one last start lets the outbox finish,
 * and the platform's own record of what it was sent is counted against every approval answered 200.
 */
final class KillDrill {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "drill-token";
    private static final String ALL_STATES = "NEW,APPROVED,REJECTED,POSTED,FAILED,ANSWERED_BY_HAND";

    enum Moment { DURING_POLLS, AFTER_APPROVAL, POST_HELD }

    /** What the drills on one platform came to; {@code duplicates}, {@code lost}, {@code misthreaded}, {@code stuck} and {@code mentionsStoredTwice} must be 0. */
    record Figures(String platform, int drills, int kills, Map<Moment, Integer> killsBy, int approvalsAnswered,
                   int blocksExpected, int postsMade, long postRequests, int duplicates, int lost,
                   int misthreaded, int stuck, int mentionsStoredTwice, int handedToPerson, int handedToPersonSent,
                   List<String> problems) {
        @Override
        public String toString() {
            return platform + ": " + drills + " drills, " + kills + " kills " + killsBy + ", " + approvalsAnswered
                    + " approvals answered 200, " + blocksExpected + " blocks to post, " + postsMade + " posts made from "
                    + postRequests + " POSTs, duplicates " + duplicates + ", lost " + lost + ", misthreaded "
                    + misthreaded + ", stuck " + stuck + ", mentions stored twice " + mentionsStoredTwice
                    + (handedToPerson == 0 ? "" : ", blocked for a person as maybe sent " + handedToPerson
                    + " (of which the platform had really sent " + handedToPersonSent + ")")
                    + (problems.isEmpty() ? "" : ", problems: " + problems);
        }
    }

    private final DrillPlatform.Kind kind;
    private final Path work;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final DrillPlatform platform;
    private final Map<Moment, Integer> killsBy = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private int drills;
    private int kills;
    private int approvals;
    private int blocksExpected;
    private int postsMade;
    private long postRequests;
    private int duplicates;
    private int lost;
    private int misthreaded;
    private int stuck;
    private int handedToPerson;
    private int handedToPersonSent;
    private int storedTwice;

    KillDrill(DrillPlatform.Kind kind, Path work, long seed) {
        this.kind = kind;
        this.work = work;
        this.random = new Random(seed);
        this.platform = DrillPlatform.open(kind, new Random(seed + 1), 0.5, 2_000);
    }

    /** Runs drills of {@code killsPerDrill} kills each until {@code kills} kills are done. */
    Figures run(int totalKills, int killsPerDrill) throws Exception {
        try {
            while (kills < totalKills) {
                drill(Math.min(killsPerDrill, totalKills - kills));
                if (Boolean.getBoolean("earshot.drill.progress")) {
                    // A long run cut short still leaves its figures so far: one line after every drill.
                    System.out.println("so far " + figures());
                }
            }
        } finally {
            platform.close();
        }
        return figures();
    }

    private Figures figures() {
        return new Figures(kind.name().toLowerCase(java.util.Locale.ROOT), drills, kills, killsBy, approvals,
                blocksExpected, postsMade, postRequests, duplicates, lost, misthreaded, stuck, storedTwice,
                handedToPerson, handedToPersonSent,
                List.copyOf(problems));
    }

    private void drill(int killsThisDrill) throws Exception {
        drills++;
        platform.reset();
        Path dir = Files.createDirectories(work.resolve("drill-" + drills));
        Path config = writeConfig(dir, freePort());
        Map<Long, List<String>> answered = new LinkedHashMap<>();
        for (int k = 0; k < killsThisDrill; k++) {
            Moment moment = Moment.values()[kills % Moment.values().length];
            Daemon daemon = Daemon.start(config, dir);
            try {
                if (moment == Moment.DURING_POLLS) {
                    // From the process's start: some kills land before the first poll ends, some after.
                    Thread.sleep(random.nextInt(6_000));
                } else if (daemon.awaitApi(this)) {
                    while (platform.awaitHeldPost(0)) {
                        // forget the posts held before this approval
                    }
                    approveSome(daemon, answered, 1 + random.nextInt(3));
                    if (moment == Moment.AFTER_APPROVAL) {
                        Thread.sleep(random.nextInt(100));
                    } else {
                        platform.awaitHeldPost(8_000);
                        Thread.sleep(random.nextInt(500));
                    }
                }
            } finally {
                daemon.kill();
            }
            kills++;
            killsBy.merge(moment, 1, Integer::sum);
        }
        Daemon last = Daemon.start(config, dir);
        try {
            if (!last.awaitApi(this)) {
                problems.add("drill " + drills + ": the daemon did not come up after the last kill");
                return;
            }
            List<JsonNode> tasks = awaitOutboxDone(last, answered.keySet());
            count(tasks, answered);
        } finally {
            last.kill();
        }
    }

    private void approveSome(Daemon daemon, Map<Long, List<String>> answered, int howMany) throws Exception {
        // The first poll may still be running on a fresh database: wait (at most 2 minutes) for its tasks.
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (tasks(daemon, ALL_STATES).isEmpty() && daemon.process.isAlive() && System.nanoTime() < giveUp) {
            Thread.sleep(200);
        }
        List<JsonNode> open = new ArrayList<>(tasks(daemon, "NEW"));
        open.removeIf(t -> t.path("draft").path("blocks").isEmpty());
        Collections.shuffle(open, random);
        for (JsonNode t : open.subList(0, Math.min(howMany, open.size()))) {
            long id = t.path("id").asLong();
            HttpResponse<String> r = call(daemon, "/api/tasks/" + id + "/approve",
                    "{\"actor\":\"drill\",\"override\":true}");
            if (r.statusCode() == 200) {
                List<String> blocks = new ArrayList<>();
                JSON.readTree(r.body()).path("draft").path("blocks").forEach(b -> blocks.add(b.asText()));
                answered.put(id, blocks);
                approvals++;
            }
        }
    }

    /** Every task once no reply is waiting to go out any more (at most five minutes of the daemon running). */
    private List<JsonNode> awaitOutboxDone(Daemon daemon, Set<Long> answered) throws Exception {
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (true) {
            List<JsonNode> all = tasks(daemon, ALL_STATES);
            boolean waiting = all.stream().anyMatch(t -> t.path("state").asText().equals("APPROVED")
                    || t.path("state").asText().equals("FAILED") && !t.path("delivery").path("blocked").asBoolean());
            if (!waiting || System.nanoTime() > giveUp) {
                return all;
            }
            Thread.sleep(500);
        }
    }

    private void count(List<JsonNode> tasks, Map<Long, List<String>> answered) {
        List<DrillPlatform.Post> made = platform.posts();
        postsMade += made.size();
        postRequests += platform.postRequests();
        Map<String, List<DrillPlatform.Post>> children = new HashMap<>();
        made.forEach(p -> children.computeIfAbsent(p.inReplyTo(), x -> new ArrayList<>()).add(p));
        Map<String, Integer> perMention = new HashMap<>();
        int expectedPosts = 0;
        for (JsonNode t : tasks) {
            long id = t.path("id").asLong();
            String state = t.path("state").asText();
            String externalId = t.path("mention").path("externalId").asText();
            perMention.merge(t.path("mention").path("connectorId").asText() + "/" + externalId, 1, Integer::sum);
            if (state.equals("FAILED") && t.path("delivery").path("blocked").asBoolean()
                    && t.path("delivery").path("lastError").asText().contains("may have gone out")) {
                // Mail: the kill fell between handing the reply to SMTP and its answer; a person decides.
                handedToPerson++;
                String parent = platform.parentIdOf(externalId);
                List<DrillPlatform.Post> sent = children.getOrDefault(parent, List.of());
                handedToPersonSent += Math.min(1, sent.size());
                expectedPosts += sent.size();
                if (sent.size() > 1) {
                    duplicates += sent.size() - 1;
                    problems.add("drill " + drills + ": task " + id + " blocked for a person but sent " + sent.size()
                            + " times");
                }
                continue;
            }
            if (state.equals("APPROVED") || state.equals("FAILED")) {
                stuck++;
                problems.add("drill " + drills + ": task " + id + " left " + state + " ("
                        + t.path("delivery").path("lastError").asText() + ")");
            }
            List<String> blocks = answered.get(id);
            if (blocks == null && state.equals("POSTED")) {
                // Approved by a request whose answer the kill cut off: it went out, so it must be whole too.
                blocks = new ArrayList<>();
                for (JsonNode b : t.path("draft").path("blocks")) {
                    blocks.add(b.asText());
                }
            }
            if (blocks == null) {
                continue;
            }
            if (answered.containsKey(id)) {
                blocksExpected += blocks.size();
            }
            expectedPosts += blocks.size();
            if (!state.equals("POSTED")) {
                lost++;
                problems.add("drill " + drills + ": task " + id + " answered 200 but " + state);
            }
            String tip = platform.parentIdOf(externalId);
            for (int i = 0; i < blocks.size(); i++) {
                List<DrillPlatform.Post> replies = children.getOrDefault(tip, List.of());
                if (!platform.threadsBlocks()) {
                    // Every block answers the mention: block i is the i-th reply to it that says block i.
                    String text = blocks.get(i).strip();
                    replies = replies.stream().filter(p -> p.text().endsWith(text)).toList();
                }
                if (replies.isEmpty()) {
                    lost++;
                    problems.add("drill " + drills + ": task " + id + " block " + (i + 1) + " never posted (the platform"
                            + " has " + children.getOrDefault(tip, List.of()).size() + " replies to " + tip + ")");
                    break;
                }
                if (replies.size() > 1) {
                    problems.add("drill " + drills + ": task " + id + " block " + (i + 1) + " posted "
                            + replies.size() + " times: " + replies);
                }
                duplicates += replies.size() - 1;
                DrillPlatform.Post post = replies.get(0);
                if (!post.text().endsWith(blocks.get(i).strip())) {
                    misthreaded++;
                    problems.add("drill " + drills + ": task " + id + " block " + (i + 1) + " is '" + post.text() + "'");
                }
                tip = platform.threadsBlocks() ? post.id() : tip;
            }
        }
        if (made.size() > expectedPosts) {
            problems.add("drill " + drills + ": " + made.size() + " posts made for " + expectedPosts + " blocks: " + made);
        }
        storedTwice += (int) perMention.values().stream().filter(n -> n > 1).count();
    }

    private List<JsonNode> tasks(Daemon daemon, String states) throws Exception {
        HttpResponse<String> r = call(daemon, "/api/tasks?limit=500&state=" + states, null);
        List<JsonNode> list = new ArrayList<>();
        JSON.readTree(r.body()).path("tasks").forEach(list::add);
        return list;
    }

    private HttpResponse<String> call(Daemon daemon, String path, String postBody) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port + path))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + TOKEN);
        if (postBody != null) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(postBody));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Path writeConfig(Path dir, int port) throws IOException {
        String yaml = """
                storage:
                  dataDir: %s
                web:
                  host: 127.0.0.1
                  port: %d
                  apiToken: %s
                brands:
                  - id: acme
                    name: Acme Air
                    keywords: ["acme air", "acmeair"]
                    handles: ["@acmeair", "@acmeair@mastodon.example"]
                    hashtags: ["#acmeair"]
                    ownAccounts: ["acmeair@mastodon.example", "acmeair", "acmeair.bsky.social", "support@acme.example"]
                connectors:
                %s
                serviceLevels:
                  email:
                    firstResponse: 12h
                    resolution: 48h
                  social:
                    firstResponse: 1h
                    resolution: 24h
                slack:
                  webhookUrl: ""
                reply:
                  policyFile: %s
                """.formatted(dir.resolve("data").toAbsolutePath(), port, TOKEN,
                platform.connectorYaml(),
                Path.of("config/policy.yaml").toAbsolutePath());
        Path file = dir.resolve("drill.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** One daemon process; {@link #kill()} is SIGKILL on Linux. */
    private static final class Daemon {
        final Process process;
        final int port;

        final Path log;

        private Daemon(Process process, int port, Path log) {
            this.process = process;
            this.port = port;
            this.log = log;
        }

        static Daemon start(Path config, Path dir) throws IOException {
            String port = Files.readAllLines(config).stream().filter(l -> l.strip().startsWith("port:"))
                    .findFirst().orElseThrow().replaceAll("\\D", "");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), DrillDaemon.class.getName(), config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("daemon.log").toFile()))
                    .start();
            return new Daemon(p, Integer.parseInt(port), dir.resolve("daemon.log"));
        }

        /**
         * Waits for the REST API as long as the process is alive and starting (at most
         * {@code earshot.drill.startWait} seconds, 600 by default): on a loaded machine a start takes
         * minutes, and a fixed minute gave up on daemons that were only slow. False if the process died first.
         */
        boolean awaitApi(KillDrill drill) throws InterruptedException {
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.getLong("earshot.drill.startWait", 600));
            while (process.isAlive() && System.nanoTime() < giveUp) {
                try {
                    if (drill.call(this, "/api/tasks?state=NEW&limit=1", null).statusCode() == 200) {
                        return true;
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                Thread.sleep(100);
            }
            if (!process.isAlive()) {
                drill.problems.add("drill " + drill.drills + ": the daemon exited with " + process.exitValue() + ": "
                        + logTail());
            } else {
                drill.problems.add("drill " + drill.drills + ": the daemon did not answer within the start wait: "
                        + logTail());
            }
            return false;
        }

        private String logTail() {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
            } catch (IOException e) {
                return e.toString();
            }
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** {@code KillDrill [kills per platform] [seed] [platform,...]}: the long drill without Maven, one line per platform. */
    public static void main(String[] args) throws Exception {
        int kills = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 17;
        String only = args.length > 2 ? args[2].toLowerCase(java.util.Locale.ROOT) : "";
        Path work = Files.createTempDirectory("earshot-kill-drill");
        for (DrillPlatform.Kind kind : DrillPlatform.Kind.values()) {
            if (only.isEmpty() || java.util.Arrays.asList(only.split(",")).contains(kind.name().toLowerCase(java.util.Locale.ROOT))) {
                System.out.println("kill -9 drill (seed " + seed + ") " + new KillDrill(kind, work, seed).run(kills, 4));
            }
        }
    }
}
