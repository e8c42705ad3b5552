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
final class TruthfulPlatform implements ResponseDefinitionTransformerV2, DrillPlatform {
    static final String X_BRAND_USER = "1587343816532254720";
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String BLUESKY_DID = "did:plc:kjdzhvtacezb6jmezwklhl5n";
    private static final String BLUESKY_POST = "app.bsky.feed.post";

    private final Kind kind;
    private final RandomGenerator random;
    private final double heldShare;
    private final long heldMillis;
    private final List<Post> posts = new ArrayList<>();
    private final Map<String, String> cids = new ConcurrentHashMap<>();
    private final Map<String, Post> byKey = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(2_200_000_000_000_000_000L);
    private final AtomicLong postRequests = new AtomicLong();
    private final Semaphore held = new Semaphore(0);
    private final WireMockServer server;

    TruthfulPlatform(Kind kind, Path stubs, RandomGenerator random, double heldShare, long heldMillis) {
        this(kind, stubs, random, heldShare, heldMillis, null);
    }

    /** @param chaos faults laid over every answer while it is on; null for none */
    TruthfulPlatform(Kind kind, Path stubs, RandomGenerator random, double heldShare, long heldMillis, Chaos chaos) {
        this.kind = kind;
        this.random = random;
        this.heldShare = heldShare;
        this.heldMillis = heldMillis;
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .usingFilesUnderDirectory(stubs.toString()).extensions(chaos == null
                        ? new com.github.tomakehurst.wiremock.extension.Extension[] {this}
                        : new com.github.tomakehurst.wiremock.extension.Extension[] {this, chaos}));
        server.start();
        if (kind == Kind.MASTODON) {
            server.stubFor(post(urlPathEqualTo("/api/v1/statuses")).atPriority(1)
                    .willReturn(aResponse().withTransformers(getName())));
        } else if (kind == Kind.REDDIT) {
            server.stubFor(post(urlPathEqualTo("/api/comment")).atPriority(1)
                    .willReturn(aResponse().withTransformers(getName())));
            server.stubFor(get(urlPathEqualTo("/user/acmeair/comments")).atPriority(1)
                    .willReturn(aResponse().withTransformers(getName())));
        } else if (kind == Kind.BLUESKY) {
            server.stubFor(post(urlPathEqualTo("/xrpc/com.atproto.repo.createRecord")).atPriority(1)
                    .willReturn(aResponse().withTransformers(getName())));
            server.stubFor(get(urlPathEqualTo("/xrpc/com.atproto.repo.getRecord")).atPriority(1)
                    .willReturn(aResponse().withTransformers(getName())));
        } else {
            server.stubFor(post(urlPathEqualTo("/2/tweets")).atPriority(1)
                    .willReturn(aResponse().withTransformers(getName())));
            server.stubFor(get(urlPathMatching("/2/users/" + X_BRAND_USER + "/tweets")).atPriority(1)
                    .willReturn(aResponse().withTransformers(getName())));
        }
    }

    /** Adds a stub in front of the recorded ones (a new mention arriving, say). */
    void stubFor(com.github.tomakehurst.wiremock.client.MappingBuilder stub) {
        server.stubFor(stub);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public String connectorYaml() {
        String entry = switch (kind) {
            case MASTODON -> """
                      mastodon:
                        type: mastodon
                        brand: acme
                        schedule: 2s
                        baseUrl: %1$s
                        accessToken: demo-token
                        hashtags: ["acmeair"]
                    """;
            case X -> """
                      x:
                        type: x
                        brand: acme
                        schedule: 2s
                        baseUrl: %1$s
                        bearerToken: demo-bearer
                        userAccessToken: demo-user-token
                        brandAccount: acmeair
                    """;
            case REDDIT -> """
                      reddit:
                        type: reddit
                        brand: acme
                        schedule: 2s
                        baseUrl: %1$s
                        authUrl: %1$s
                        clientId: demo-client-id
                        clientSecret: demo-client-secret
                        username: acmeair
                        password: demo-password
                        userAgent: "earshot:org.earshot.drill:0.1 (by /u/acmeair)"
                        includeComments: true
                    """;
            case BLUESKY -> """
                      bluesky:
                        type: bluesky
                        brand: acme
                        schedule: 2s
                        baseUrl: %1$s
                        identifier: acmeair.bsky.social
                        appPassword: demo-demo-demo-demo
                    """;
            case MAIL -> throw new IllegalStateException("mail is TruthfulMailServer's");
        };
        return entry.formatted(baseUrl()).stripTrailing();
    }

    @Override
    public synchronized void reset() {
        posts.clear();
        cids.clear();
        byKey.clear();
        postRequests.set(0);
        held.drainPermits();
        server.resetRequests();
    }

    @Override
    public synchronized List<Post> posts() {
        return List.copyOf(posts);
    }

    @Override
    public long postRequests() {
        return postRequests.get();
    }

    /** Waits up to {@code millis} for a post whose answer is being held open; false if none came. */
    @Override
    public boolean awaitHeldPost(long millis) throws InterruptedException {
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
                return switch (kind) {
                    case REDDIT -> redditComments(request);
                    case BLUESKY -> blueskyRecord(request);
                    default -> timeline(request);
                };
            }
            postRequests.incrementAndGet();
            return switch (kind) {
                case MASTODON -> mastodonStatus(request);
                case REDDIT -> redditComment(request);
                case BLUESKY -> blueskyCreate(request);
                default -> xTweet(request);
            };
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

    /** {@code POST /api/comment}: Reddit has no idempotency key, so every request makes a comment. */
    private ResponseDefinition redditComment(LoggedRequest request) {
        Map<String, String> form = form(request.getBodyAsString());
        Post post;
        synchronized (this) {
            post = made(form.getOrDefault("thing_id", ""), form.getOrDefault("text", ""), null,
                    "t1_d" + Long.toString(nextId.incrementAndGet(), 36));
        }
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode json = answer.putObject("json");
        json.putArray("errors");
        ObjectNode thing = json.putObject("data").putArray("things").addObject();
        thing.put("kind", "t1");
        redditData(thing.putObject("data"), post);
        return answer(200, answer, true);
    }

    /** {@code GET /user/acmeair/comments}: the brand's comments, newest first, as many as {@code limit} asks. */
    private ResponseDefinition redditComments(LoggedRequest request) {
        int limit = Optional.ofNullable(request.queryParameter("limit")).filter(p -> p.isPresent())
                .map(p -> Integer.parseInt(p.firstValue())).orElse(25);
        ObjectNode listing = JSON.createObjectNode();
        listing.put("kind", "Listing");
        ObjectNode data = listing.putObject("data");
        ArrayNode children = data.putArray("children");
        List<Post> made = posts();
        for (int i = made.size() - 1; i >= 0 && children.size() < limit; i--) {
            ObjectNode child = children.addObject();
            child.put("kind", "t1");
            redditData(child.putObject("data"), made.get(i));
        }
        data.putNull("after");
        return answer(200, listing, false);
    }

    private static void redditData(ObjectNode data, Post post) {
        data.put("name", post.id());
        data.put("id", post.id().substring(3));
        data.put("parent_id", post.inReplyTo());
        data.put("body", post.text());
        data.put("author", "acmeair");
        data.put("permalink", "/r/drill/comments/x/drill/" + post.id().substring(3) + "/");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new java.util.HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    /**
     * {@code com.atproto.repo.createRecord}: a record key names one record, so a create under a key that
     * already has one is refused as Bluesky refuses it; otherwise the post is made.
     */
    private ResponseDefinition blueskyCreate(LoggedRequest request) throws IOException {
        JsonNode body = JSON.readTree(request.getBodyAsString());
        String uri = "at://" + body.path("repo").asText() + "/" + BLUESKY_POST + "/" + body.path("rkey").asText();
        Post post;
        synchronized (this) {
            if (cids.containsKey(uri)) {
                ObjectNode error = JSON.createObjectNode();
                error.put("error", "InvalidSwap");
                error.put("message", "Record already exists: " + uri);
                return answer(400, error, false);
            }
            post = made(body.path("record").path("reply").path("parent").path("uri").asText(""),
                    body.path("record").path("text").asText(""), body.path("rkey").asText(), uri);
            cids.put(uri, "bafyrei" + Long.toString(nextId.incrementAndGet(), 36));
        }
        ObjectNode created = JSON.createObjectNode();
        created.put("uri", post.id());
        created.put("cid", cids.get(post.id()));
        created.put("validationStatus", "valid");
        return answer(200, created, true);
    }

    /** {@code com.atproto.repo.getRecord}: the post under a record key, or {@code RecordNotFound}. */
    private ResponseDefinition blueskyRecord(LoggedRequest request) {
        String uri = "at://" + request.queryParameter("repo").firstValue() + "/"
                + request.queryParameter("collection").firstValue() + "/" + request.queryParameter("rkey").firstValue();
        String cid = cids.get(uri);
        ObjectNode answer = JSON.createObjectNode();
        if (cid == null) {
            answer.put("error", "RecordNotFound");
            answer.put("message", "Could not locate record: " + uri);
            return answer(400, answer, false);
        }
        Post post = posts().stream().filter(p -> p.id().equals(uri)).findFirst().orElseThrow();
        answer.put("uri", uri);
        answer.put("cid", cid);
        ObjectNode value = answer.putObject("value");
        value.put("$type", BLUESKY_POST);
        value.put("text", post.text());
        return answer(200, answer, false);
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
        return made(inReplyTo, text, key, String.valueOf(nextId.incrementAndGet()));
    }

    private Post made(String inReplyTo, String text, String key, String id) {
        Post post = new Post(id, inReplyTo, text, key);
        posts.add(post);
        return post;
    }

    private ResponseDefinition answer(int status, JsonNode body, boolean mayHold) {
        ResponseDefinitionBuilder answer = ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body.toString());
        String reset = String.valueOf(Instant.now().plusSeconds(900).getEpochSecond());
        if (kind == Kind.REDDIT) {
            answer.withHeader("X-Ratelimit-Used", "1").withHeader("X-Ratelimit-Remaining", "99.0")
                    .withHeader("X-Ratelimit-Reset", "400");
        } else if (kind == Kind.BLUESKY) {
            answer.withHeader("ratelimit-limit", "3000").withHeader("ratelimit-remaining", "2990")
                    .withHeader("ratelimit-reset", String.valueOf(Instant.now().plusSeconds(300).getEpochSecond()))
                    .withHeader("ratelimit-policy", "3000;w=300");
        }
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

    /**
     * While on, a share of all answers (polls, posts, timeline checks) is a 429 with {@code Retry-After},
     * a 500, a reset connection or the real answer five seconds late; the faults served are counted.
     */
    static final class Chaos implements ResponseDefinitionTransformerV2 {
        private final RandomGenerator random;
        private final double share;
        private volatile boolean on;
        final Map<String, AtomicLong> served = new ConcurrentHashMap<>();

        Chaos(RandomGenerator random, double share) {
            this.random = random;
            this.share = share;
        }

        void on(boolean on) {
            this.on = on;
        }

        @Override
        public String getName() {
            return "chaos";
        }

        @Override
        public boolean applyGlobally() {
            return true;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            ResponseDefinition real = event.getResponseDefinition();
            double roll;
            synchronized (random) {
                roll = random.nextDouble();
            }
            if (!on || roll >= share) {
                return real;
            }
            int fault = (int) (roll / share * 4);
            served.computeIfAbsent(List.of("429", "500", "reset", "5 s late").get(fault), f -> new AtomicLong())
                    .incrementAndGet();
            return switch (fault) {
                case 0 -> ResponseDefinitionBuilder.responseDefinition().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"Too many requests\"}")
                        .build();
                case 1 -> ResponseDefinitionBuilder.responseDefinition().withStatus(500)
                        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"Internal error\"}")
                        .build();
                case 2 -> ResponseDefinitionBuilder.responseDefinition()
                        .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER).build();
                default -> ResponseDefinitionBuilder.like(real).withFixedDelay(5_000).build();
            };
        }
    }
}
