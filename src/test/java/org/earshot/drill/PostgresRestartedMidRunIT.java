package org.earshot.drill;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.earshot.Wiring;
import org.earshot.config.ConfigLoader;
import org.earshot.testing.OwnPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database away mid-run: the daemon on a PostgreSQL of the test's own ({@link OwnPostgres}) against
 * a simulated Mastodon that tells the truth about what was posted. Replies are approved, and the server
 * is stopped ({@code pg_ctl stop -m fast}) while a reply's POST is held open by the platform; while it
 * is down a new mention arrives and {@code /health/ready} is sampled; then the server starts again.
 * Afterwards: the mention that arrived meanwhile is stored (no poll lost), every mention once, every
 * approved reply's blocks posted exactly once and threaded (no post twice), and health said the
 * database was DOWN while it was and UP after.
 */
// About two minutes on a loaded machine, so it runs when asked for:
// mvn -B test -Dtest=PostgresRestartedMidRunIT -Dearshot.drill.postgres=true
@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "earshot.drill.postgres", matches = "true")
class PostgresRestartedMidRunIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "drill-token";
    private static final String ALL_STATES = "NEW,APPROVED,REJECTED,POSTED,FAILED,ANSWERED_BY_HAND";
    private static final String NEW_STATUS = "117642472652809999";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int port;

    @Test
    void pollsAndPostsCarryOnAfterTheServerIsBackWithNothingLostOrPostedTwiceAndHealthSaidSo() throws Exception {
        long seed = Long.getLong("earshot.drill.seed", System.nanoTime());
        try (OwnPostgres pg = OwnPostgres.start();
             TruthfulPlatform mastodon = new TruthfulPlatform(DrillPlatform.Kind.MASTODON, Path.of("wiremock", "mastodon"),
                     new Random(seed), 1.0, 3_000)) {
            Wiring wiring = new Wiring(new ConfigLoader(System::getenv, Wiring.CHANNELS).load(config(mastodon, pg)),
                    Wiring.CONNECTOR_FACTORIES, Clock.systemUTC(), DrillDaemon.TIMINGS);
            try {
                wiring.startScheduler();
                wiring.startWeb();
                long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
                while (tasks("NEW").size() < 3 && System.nanoTime() < giveUp) {
                    Thread.sleep(500);
                }
                List<JsonNode> open = new ArrayList<>(tasks("NEW"));
                open.removeIf(t -> t.path("draft").path("blocks").isEmpty());
                assertThat(open).as("tasks from the first poll").hasSizeGreaterThanOrEqualTo(2);
                Map<Long, List<String>> approved = new LinkedHashMap<>();
                approve(open.get(0), approved);
                approve(open.get(1), approved);
                assertThat(mastodon.awaitHeldPost(60_000)).as("a reply's POST held open by the platform").isTrue();

                pg.stopServer();
                mastodon.stubFor(get(urlPathEqualTo("/api/v1/notifications")).atPriority(1)
                        .withQueryParam("min_id", equalTo("4820187"))
                        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                                .withBody(newMention().toString())));
                Set<String> healthWhileDown = new LinkedHashSet<>();
                // Longer than the pool's 30 s wait for a connection: polls and the held post's record fail, not wait.
                long downUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
                while (System.nanoTime() < downUntil) {
                    healthWhileDown.add(health());
                    Thread.sleep(1_000);
                }
                pg.startServer();

                giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
                while ((outboxBusy() || !stored(NEW_STATUS)) && System.nanoTime() < giveUp) {
                    Thread.sleep(1_000);
                }
                String healthAfter = health();

                List<JsonNode> tasks = tasks(ALL_STATES);
                Map<String, Integer> perMention = new HashMap<>();
                tasks.forEach(t -> perMention.merge(t.path("mention").path("externalId").asText(), 1, Integer::sum));
                Map<String, List<DrillPlatform.Post>> children = new HashMap<>();
                mastodon.posts().forEach(p -> children.computeIfAbsent(p.inReplyTo(), x -> new ArrayList<>()).add(p));
                List<String> wrong = new ArrayList<>();
                int blocks = 0;
                for (JsonNode t : tasks) {
                    List<String> expected = approved.get(t.path("id").asLong());
                    if (expected == null) {
                        continue;
                    }
                    if (!t.path("state").asText().equals("POSTED")) {
                        wrong.add("task " + t.path("id") + " " + t.path("state") + " " + t.path("delivery"));
                    }
                    String tip = t.path("mention").path("externalId").asText();
                    for (String block : expected) {
                        List<DrillPlatform.Post> replies = children.getOrDefault(tip, List.of());
                        if (replies.size() != 1 || !replies.get(0).text().endsWith(block.strip())) {
                            wrong.add("task " + t.path("id") + ": " + replies.size() + " posts answer " + tip);
                            break;
                        }
                        blocks++;
                        tip = replies.get(0).id();
                    }
                }
                System.out.println("PostgreSQL restarted mid-run (seed " + seed + "): " + tasks.size() + " tasks, "
                        + approved.size() + " approved, " + blocks + " blocks posted once, " + mastodon.posts().size()
                        + " posts made from " + mastodon.postRequests() + " POSTs; health while down " + healthWhileDown
                        + "; after " + healthAfter);
                assertThat(stored(NEW_STATUS)).as("the mention that arrived while the database was down").isTrue();
                assertThat(perMention.values()).allMatch(n -> n == 1);
                assertThat(wrong).isEmpty();
                assertThat(mastodon.posts()).hasSize(blocks);
                assertThat(healthWhileDown).anyMatch(h -> h.startsWith("503 database DOWN"));
                assertThat(healthAfter).startsWith("200 database UP");
            } finally {
                wiring.close();
            }
        }
    }

    /** A mention newer than the recorded page, as the notifications after its cursor. */
    private static ArrayNode newMention() throws Exception {
        JsonNode page = JSON.readTree(Path.of("wiremock/mastodon/__files/notifications-mentions.json").toFile());
        ObjectNode n = page.get(0).deepCopy();
        n.put("id", "4820200");
        n.put("created_at", Instant.now().toString());
        ObjectNode status = (ObjectNode) n.get("status");
        status.put("id", NEW_STATUS);
        status.put("created_at", Instant.now().toString());
        status.put("uri", "https://social.example/users/kwame/statuses/" + NEW_STATUS);
        status.put("url", "https://social.example/@kwame/" + NEW_STATUS);
        status.put("content", "<p>@acmeair my bag is lost since Tuesday and nobody answers the phone</p>");
        return JSON.createArrayNode().add(n);
    }

    private boolean stored(String externalId) throws Exception {
        return tasks(ALL_STATES).stream().anyMatch(t -> t.path("mention").path("externalId").asText().equals(externalId));
    }

    /** The status code, and the database check's status and detail (numbers as N). */
    private String health() throws Exception {
        try {
            HttpResponse<String> r = call("/health/ready", null);
            for (JsonNode check : JSON.readTree(r.body()).path("checks")) {
                if (check.path("name").asText().equals("database")) {
                    return r.statusCode() + " database " + check.path("status").asText() + " "
                            + check.path("detail").asText().replaceAll("\\d+", "N").replaceAll("(.{120}).+", "$1…");
                }
            }
            return r.statusCode() + " no database check";
        } catch (java.io.IOException e) {
            return "no answer: " + e;
        }
    }

    private void approve(JsonNode task, Map<Long, List<String>> approved) throws Exception {
        HttpResponse<String> r = call("/api/tasks/" + task.path("id").asLong() + "/approve",
                "{\"actor\":\"drill\",\"override\":true}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> blocks = new ArrayList<>();
        JSON.readTree(r.body()).path("draft").path("blocks").forEach(b -> blocks.add(b.asText()));
        approved.put(task.path("id").asLong(), blocks);
    }

    private boolean outboxBusy() throws Exception {
        return tasks(ALL_STATES).stream().anyMatch(t -> t.path("state").asText().equals("APPROVED")
                || t.path("state").asText().equals("FAILED") && !t.path("delivery").path("blocked").asBoolean());
    }

    private List<JsonNode> tasks(String states) throws Exception {
        HttpResponse<String> r = call("/api/tasks?limit=500&state=" + states, null);
        List<JsonNode> list = new ArrayList<>();
        if (r.statusCode() == 200) {
            JSON.readTree(r.body()).path("tasks").forEach(list::add);
        }
        return list;
    }

    private HttpResponse<String> call(String path, String postBody) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + TOKEN);
        if (postBody != null) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(postBody));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Path config(TruthfulPlatform platform, OwnPostgres pg) throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String yaml = """
                storage:
                  jdbcUrl: "%s"
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
                    ownAccounts: ["acmeair@mastodon.example", "acmeair"]
                connectors:
                %s
                slack:
                  webhookUrl: ""
                reply:
                  policyFile: %s
                """.formatted(pg.jdbcUrl(), port, TOKEN, platform.connectorYaml(),
                Path.of("config/policy.yaml").toAbsolutePath());
        Path file = dir.resolve("pg-restart.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
