package org.earshot.drill;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * A simulated platform that tells the truth about what was posted to it: the recorded stubs under
 * {@code wiremock/<platform>/} for everything else, and in front of them a posting endpoint that keeps
 * every post it made. A post is made when the request arrives, before its answer is sent, as on a real
 * platform, so a post whose answer was held open and never reached the killed daemon still exists.
 * Mastodon returns the status it already made for an {@code Idempotency-Key} it has seen; X has no such
 * key, and the brand's timeline lists every post made, which is what X's check before a re-send reads.
 * Some posts' answers are held open for a while, so that the drill can kill the daemon during them.
 */
final class TruthfulPlatform implements ResponseDefinitionTransformerV2, AutoCloseable {
    static final String X_BRAND_USER = "1587343816532254720";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A post the platform made: its id, the post it answers, its text, and the key it came with (Mastodon). */
    record Post(String id, String inReplyTo, String text, String idempotencyKey) {
    }

    enum Kind { MASTODON, X }

    private final Kind kind;
    private final RandomGenerator random;
    private final double heldShare;
    private final long heldMillis;
    private final List<Post> posts = new ArrayList<>();
    private final Map<String, Post> byKey = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(2_200_000_000_000_000_000L);
    private final AtomicLong postRequests = new AtomicLong();
    private final Semaphore held = new Semaphore(0);
    private final WireMockServer server;

    TruthfulPlatform(Kind kind, Path stubs, RandomGenerator random, double heldShare, long heldMillis) {
        this.kind = kind;
        this.random = random;
        this.heldShare = heldShare;
        this.heldMillis = heldMillis;
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .usingFilesUnderDirectory(stubs.toString()).extensions(this));
        server.start();
        if (kind == Kind.MASTODON) {
            server.stubFor(post(urlPathEqualTo("/api/v1/statuses")).atPriority(1)
                    .willReturn(aResponse().withTransformers(getName())));
        } else {
            server.stubFor(post(urlPathEqualTo("/2/tweets")).atPriority(1)
                    .willReturn(aResponse().withTransformers(getName())));
            server.stubFor(get(urlPathMatching("/2/users/" + X_BRAND_USER + "/tweets")).atPriority(1)
                    .willReturn(aResponse().withTransformers(getName())));
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Forgets every post and request, for the next drill on a fresh database. */
    synchronized void reset() {
        posts.clear();
        byKey.clear();
        postRequests.set(0);
        held.drainPermits();
        server.resetRequests();
    }

    synchronized List<Post> posts() {
        return List.copyOf(posts);
    }

    long postRequests() {
        return postRequests.get();
    }

    /** Waits up to {@code millis} for a post whose answer is being held open; false if none came. */
    boolean awaitHeldPost(long millis) throws InterruptedException {
        return held.tryAcquire(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    List<LoggedRequest> requests() {
        return server.getAllServeEvents().stream().map(ServeEvent::getRequest).toList();
    }

    @Override
    public String getName() {
        return "truthful-" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        LoggedRequest request = event.getRequest();
        try {
            if (request.getMethod().getName().equals("GET")) {
                return timeline(request);
            }
            postRequests.incrementAndGet();
            return kind == Kind.MASTODON ? mastodonStatus(request) : xTweet(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ResponseDefinition mastodonStatus(LoggedRequest request) throws IOException {
        JsonNode body = JSON.readTree(request.getBodyAsString());
        String key = request.getHeader("Idempotency-Key");
        Post post;
        synchronized (this) {
            post = key == null ? null : byKey.get(key);
            if (post == null) {
                post = made(body.path("in_reply_to_id").asText(""), body.path("status").asText(""), key);
                if (key != null) {
                    byKey.put(key, post);
                }
            }
        }
        ObjectNode status = JSON.createObjectNode();
        status.put("id", post.id());
        status.put("in_reply_to_id", post.inReplyTo());
        status.put("url", "https://mastodon.example/@acmeair/" + post.id());
        status.put("content", "<p>" + post.text() + "</p>");
        status.putObject("account").put("acct", "acmeair");
        return answer(200, status, true);
    }

    private ResponseDefinition xTweet(LoggedRequest request) throws IOException {
        JsonNode body = JSON.readTree(request.getBodyAsString());
        Post post;
        synchronized (this) {
            post = made(body.path("reply").path("in_reply_to_tweet_id").asText(""), body.path("text").asText(""), null);
        }
        ObjectNode tweet = JSON.createObjectNode();
        ObjectNode data = tweet.putObject("data");
        data.put("id", post.id());
        data.put("text", post.text());
        data.putArray("edit_history_tweet_ids").add(post.id());
        return answer(201, tweet, true);
    }

    /** The brand's own timeline, newest first, every post made newer than {@code since_id}: one page. */
    private ResponseDefinition timeline(LoggedRequest request) {
        BigInteger since = Optional.ofNullable(request.queryParameter("since_id"))
                .filter(p -> p.isPresent()).map(p -> new BigInteger(p.firstValue())).orElse(BigInteger.ZERO);
        ArrayNode data = JSON.createArrayNode();
        List<Post> made = posts();
        for (int i = made.size() - 1; i >= 0; i--) {
            Post p = made.get(i);
            if (new BigInteger(p.id()).compareTo(since) > 0) {
                ObjectNode t = data.addObject();
                t.put("id", p.id());
                t.put("text", p.text());
                t.putArray("referenced_tweets").addObject().put("type", "replied_to").put("id", p.inReplyTo());
            }
        }
        ObjectNode page = JSON.createObjectNode();
        if (!data.isEmpty()) {
            page.set("data", data);
        }
        page.putObject("meta").put("result_count", data.size());
        return answer(200, page, false);
    }

    private Post made(String inReplyTo, String text, String key) {
        Post post = new Post(String.valueOf(nextId.incrementAndGet()), inReplyTo, text, key);
        posts.add(post);
        return post;
    }

    private ResponseDefinition answer(int status, JsonNode body, boolean mayHold) {
        ResponseDefinitionBuilder answer = ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body.toString());
        String reset = String.valueOf(Instant.now().plusSeconds(900).getEpochSecond());
        if (kind == Kind.X) {
            answer.withHeader("x-rate-limit-limit", "900").withHeader("x-rate-limit-remaining", "899")
                    .withHeader("x-rate-limit-reset", reset);
        }
        if (mayHold && random.nextDouble() < heldShare) {
            answer.withFixedDelay((int) heldMillis);
            held.release();
        }
        return answer.build();
    }

    @Override
    public void close() {
        server.stop();
    }
}
