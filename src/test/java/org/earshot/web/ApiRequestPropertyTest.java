package org.earshot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.earshot.Wiring;
import org.earshot.connector.FuzzedPlatform;
import org.earshot.domain.Author;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Platform;
import org.earshot.testing.InMemoryPlatform;
import org.earshot.testing.MutableClock;

/**
 * Requests made of random paths, methods, tokens, query strings and bodies, sent over HTTP to the API of a
 * running Earshot with a few tasks: each is answered with JSON and a status below 500 (a clear error
 * or an answer), never a server error.
 */
class ApiRequestPropertyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Path dir;
    private static Wiring earshot;
    private static int port;

    @BeforeContainer
    static void start() throws Exception {
        dir = Files.createTempDirectory("earshot-api-fuzz");
        InMemoryPlatform platform = new InMemoryPlatform();
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
        for (String text : List.of("@acmeair my bag never arrived", "@acmeair <script>alert(1)</script> charged twice",
                "@acmeair thanks, lovely crew")) {
            platform.posts.add(new IncomingMention(Platform.MASTODON, String.valueOf(platform.posts.size() + 1),
                    new Author("dana@mastodon.example", "Dana", 12), text, "", clock.instant(),
                    "https://mastodon.example/@dana/" + platform.posts.size(), Map.of()));
        }
        earshot = new Wiring(platform.configWithDatabaseIn(dir), List.of(platform.factory()), clock,
                Wiring.Timings.DEFAULT);
        earshot.pollOnce("social");
        earshot.startWeb();
        port = earshot.webPort();
    }

    @AfterContainer
    static void stop() {
        earshot.close();
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> segment = Arbitraries.oneOf(Arbitraries.of("tasks", "health", "quarantine", "1", "2", "3",
                "0", "-1", "99999999999999999999", "approve", "check", "reject", "correct", "retry", "follow-up-done",
                "requeue", "%00", "..", "%2e%2e", "x y"), Arbitraries.strings().alpha().numeric().ofMaxLength(12));
        Arbitrary<String> query = Arbitraries.oneOf(Arbitraries.just(""), Combinators.combine(
                Arbitraries.of("state", "limit", "platform", "q", "x"), Arbitraries.of("NEW", "new", "-5", "abc",
                        "99999999999", "APPROVED,NEW", "%", "")).as((k, v) -> "?" + k + "=" + v));
        return Combinators.combine(segment.list().ofMaxSize(4), query)
                .as((parts, q) -> "/api/" + String.join("/", parts) + q);
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<Object> value = Arbitraries.oneOf(FuzzedPlatform.garbage().map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i), Arbitraries.just(null), Arbitraries.just(List.of(1, "a")),
                Arbitraries.of("positive", "negative", "critical", "low", "true").map(s -> (Object) s));
        Arbitrary<String> object = Combinators.combine(Arbitraries.of("text", "actor", "reason", "sentiment",
                        "urgencyLevel", "override", "note").list().ofMaxSize(4), value.list().ofSize(4))
                .as((keys, values) -> {
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    for (int k = 0; k < keys.size(); k++) {
                        m.put(keys.get(k), values.get(k));
                    }
                    try {
                        return JSON.writeValueAsString(m);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        return Arbitraries.frequencyOf(Tuple.of(4, object), Tuple.of(2, FuzzedPlatform.garbage()),
                Tuple.of(1, Arbitraries.just("")), Tuple.of(1, Arbitraries.just("{\"text\": \"" + "a".repeat(300_000) + "\"}")));
    }

    @Property(tries = 60)
    void everyRequestGetsJsonAndNoServerError(@ForAll("paths") String path,
                                               @ForAll("bodies") String body,
                                               @ForAll("methods") String method,
                                               @ForAll("tokens") String token) throws Exception {
        int q = path.indexOf('?');
        URI uri = new URI("http", null, "127.0.0.1", port, q < 0 ? path : path.substring(0, q),
                q < 0 ? null : path.substring(q + 1), null);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (!token.isEmpty()) {
            request.header("Authorization", token);
        }
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as("%s %s %s", method, path, answer.body()).isBetween(200, 499);
        JsonNode json = JSON.readTree(answer.body());
        if (answer.statusCode() >= 400) {
            assertThat(json.path("error").asText()).as("the error of %s %s", method, path).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH");
    }

    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("Bearer test-token")),
                Tuple.of(1, Arbitraries.just("")), Tuple.of(1, Arbitraries.just("Bearer nope")),
                Tuple.of(1, Arbitraries.just("Basic dGVzdA==")));
    }
}
