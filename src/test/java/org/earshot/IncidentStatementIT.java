package org.earshot;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.earshot.alert.BrandNames;
import org.earshot.alert.SpikeDetector;
import org.earshot.config.SpikeRule;
import org.earshot.connector.Connector;
import org.earshot.connector.bluesky.BlueskyConnectorFactory;
import org.earshot.connector.feed.FeedReplyPublisher;
import org.earshot.connector.mastodon.MastodonConnectorFactory;
import org.earshot.connector.x.XConnectorFactory;
import org.earshot.domain.AlertKind;
import org.earshot.domain.Author;
import org.earshot.domain.Draft;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Intent;
import org.earshot.domain.Platform;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.Score;
import org.earshot.domain.Sentiment;
import org.earshot.domain.TaskState;
import org.earshot.domain.UrgencyLevel;
import org.earshot.reply.ReplyDrafter;
import org.earshot.store.AuditLog;
import org.earshot.store.Database;
import org.earshot.store.IncidentStore;
import org.earshot.store.MentionStore;
import org.earshot.store.OutboxStore;
import org.earshot.store.TaskStore;
import org.earshot.task.Approvals;
import org.earshot.task.Backoff;
import org.earshot.task.Incidents;
import org.earshot.task.OutboxDispatcher;
import org.earshot.task.TaskQueries;
import org.earshot.testing.ConnectorConfigs;
import org.earshot.testing.MutableClock;
import org.earshot.testing.RecordingAlertSink;
import org.earshot.testing.TestConfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incident from a burst of complaints on two channels, on a real H2 file, with WireMock as Mastodon and
 * Bluesky: one incident while the burst lasts, no mention of its own, first in the queue, and its holding
 * statement posted once on each channel as a post of the brand's own, never as a reply.
 */
class IncidentStatementIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SpikeRule RULE = new SpikeRule(Duration.ofHours(1), Duration.ofHours(24), 3.0, 5);

    @RegisterExtension
    static WireMockExtension mastodon = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/mastodon")).build();
    @RegisterExtension
    static WireMockExtension bluesky = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/bluesky")).build();

    @RegisterExtension
    static WireMockExtension x = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/x")).build();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
    private final RecordingAlertSink sink = new RecordingAlertSink();
    private final MentionStore mentions = new MentionStore();
    private final TaskStore tasks = new TaskStore();
    private Database db;
    private SpikeDetector detector;
    private Approvals approvals;
    private OutboxDispatcher outbox;
    private TaskQueries queries;
    private int next;

    @BeforeEach
    void open() {
        start();
    }

    /** The parts as the daemon builds them on the H2 file: a second call is a restart on the same database. */
    private void start() {
        db = Database.open(TestConfigs.h2In(dir));
        ReplyDrafter drafter = new ReplyDrafter(TestConfigs.policy(), Wiring.CHANNELS);
        detector = new SpikeDetector(db, mentions, new Incidents(db, tasks, new OutboxStore(), new AuditLog(), drafter), RULE,
                List.of("acme"), new BrandNames(Map.of("acme", "Acme Air")), "https://queue.example", sink, clock);
        AuditLog audit = new AuditLog();
        approvals = new Approvals(db, tasks, mentions, new OutboxStore(), audit, drafter, clock);
        queries = new TaskQueries(db, tasks, audit);
        Map<String, Connector> connectors = Map.of(
                "mastodon", new MastodonConnectorFactory().create(ConnectorConfigs.acme("mastodon", "mastodon",
                        Duration.ofMinutes(1), mastodonSettings()), TestConfigs.acme()),
                "bluesky", new BlueskyConnectorFactory().create(ConnectorConfigs.acme("bluesky", "bluesky",
                        Duration.ofMinutes(1), blueskySettings()), TestConfigs.acme()),
                "x", new XConnectorFactory().create(ConnectorConfigs.acme("x", "x", Duration.ofMinutes(1),
                        xSettings()), TestConfigs.acme()),
                "press", new Connector("press", Platform.RSS, "acme", Duration.ofMinutes(1),
                        cursor -> { throw new IllegalStateException("not polled here"); }, new FeedReplyPublisher()));
        outbox = new OutboxDispatcher(db, new OutboxStore(), tasks, audit, connectors, clock, Duration.ofMinutes(5),
                Backoff.DELIVERY, 5);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static ObjectNode mastodonSettings() {
        ObjectNode node = JSON.createObjectNode().put("type", "mastodon").put("baseUrl", mastodon.baseUrl())
                .put("accessToken", "test-token").put("retryBackoff", "1ms");
        node.putArray("hashtags").add("acmeair");
        return node;
    }

    private static ObjectNode xSettings() {
        return JSON.createObjectNode().put("type", "x").put("baseUrl", x.baseUrl()).put("bearerToken", "test-bearer")
                .put("userAccessToken", "test-user-token").put("brandAccount", "acmeair").put("retryBackoff", "1ms")
                .put("maxAttempts", 1);
    }

    private static ObjectNode blueskySettings() {
        return JSON.createObjectNode().put("type", "bluesky").put("baseUrl", bluesky.baseUrl())
                .put("identifier", "acmeair.bsky.social").put("appPassword", "abcd-efgh-ijkl-mnop")
                .put("retryBackoff", "1ms");
    }

    private void complaint(String connectorId, Platform platform, Instant at) {
        String id = connectorId + "-" + (++next);
        IncomingMention incoming = new IncomingMention(platform, id, new Author("@dana" + next, "Dana", 100),
                "flight cancelled again " + id, "", at, "https://example.test/" + id, Map.of());
        db.useTransaction(c -> {
            long mentionId = mentions.insertIfNew(c, connectorId, "acme", incoming, at).getAsLong();
            tasks.insert(c, mentionId, new Score(0.8, Sentiment.NEGATIVE, 0.9, UrgencyLevel.CRITICAL, 97.0, List.of()),
                    new Draft(Intent.COMPLAINT, "Sorry Dana.", List.of("Sorry Dana."), List.of(), false), at, at);
        });
    }

    /** One complaint every other hour over the day before: a quiet brand. */
    private void quietDay() {
        for (int hour = 2; hour <= 24; hour += 2) {
            complaint("mastodon", Platform.MASTODON, clock.instant().minus(Duration.ofHours(hour)));
        }
    }

    private void burst(String connectorId, Platform platform, int count) {
        for (int i = 0; i < count; i++) {
            complaint(connectorId, platform, clock.instant().minus(Duration.ofMinutes(30)).plusSeconds(60L * i));
        }
    }

    private List<ResponseTask> incidents() {
        return queries.list(EnumSet.allOf(TaskState.class), 500).stream().filter(ResponseTask::isIncident).toList();
    }

    private static List<JsonNode> bodies(WireMockExtension server, String path) {
        return server.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith(path))
                .map(e -> {
                    try {
                        return JSON.readTree(e.getRequest().getBodyAsString());
                    } catch (java.io.IOException ex) {
                        throw new IllegalStateException(ex);
                    }
                }).toList();
    }

    @Test
    void anIncidentHasNoMentionOfItsOwnAndComesFirstInTheQueue() {
        quietDay();
        burst("mastodon", Platform.MASTODON, 7);
        burst("bluesky", Platform.BLUESKY, 4);

        List<Long> opened = detector.check();

        assertThat(opened).hasSize(1);
        ResponseTask incident = queries.list(EnumSet.of(TaskState.NEW), 500).get(0);
        assertThat(incident.id()).isEqualTo(opened.get(0));
        assertThat(incident.mention()).isNull();
        assertThat(incident.incident().mentions()).isEqualTo(11);
        assertThat(incident.incident().channels()).containsExactly("mastodon", "bluesky");
        assertThat(incident.score().urgencyLevel()).isEqualTo(UrgencyLevel.CRITICAL);
        long ownMentions = db.inTransaction(c -> c.createQuery(
                "select count(*) from mention where external_id like 'earshot%'").mapTo(Long.class).one());
        assertThat(ownMentions).isZero();
        assertThat(sink.ofKind(AlertKind.SPIKE)).singleElement().satisfies(a -> {
            assertThat(a.title()).isEqualTo("Incident: 11 complaints about Acme Air on mastodon, bluesky");
            assertThat(a.taskId()).isEqualTo(incident.id());
            assertThat(a.link()).isEqualTo("https://queue.example/tasks/" + incident.id());
        });
    }

    @Test
    void aBurstThatGoesOnUpdatesTheSameIncidentInsteadOfOpeningASecond() {
        quietDay();
        burst("mastodon", Platform.MASTODON, 8);
        long first = detector.check().get(0);
        approvals.approve(first, null, "sam", false);

        clock.advance(Duration.ofMinutes(16));
        burst("mastodon", Platform.MASTODON, 3);
        burst("bluesky", Platform.BLUESKY, 3);
        List<Long> openedLater = detector.check();

        assertThat(openedLater).isEmpty();
        assertThat(incidents()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(first);
            assertThat(i.incident().mentions()).isEqualTo(14);
            assertThat(i.incident().channels()).containsExactly("mastodon", "bluesky");
        });
        assertThat(sink.ofKind(AlertKind.SPIKE)).extracting(a -> a.title()).containsExactly(
                "Incident: 8 complaints about Acme Air on mastodon",
                "Incident grew: 14 complaints about Acme Air, now also on bluesky");
    }

    @Test
    void approvingAnIncidentPostsItsStatementOnceAtTopLevelOnEachChannel() {
        quietDay();
        burst("mastodon", Platform.MASTODON, 7);
        burst("bluesky", Platform.BLUESKY, 4);
        long incident = detector.check().get(0);

        ResponseTask approved = approvals.approve(incident, null, "sam", false);
        assertThat(approved.state()).isEqualTo(TaskState.APPROVED);
        outbox.dispatchDue();
        clock.advance(Duration.ofHours(1));
        outbox.dispatchDue();

        String statement = approved.decision().approvedText();
        assertThat(bodies(mastodon, "/api/v1/statuses")).singleElement().satisfies(body -> {
            assertThat(body.path("status").asText()).isEqualTo(statement);
            assertThat(body.has("in_reply_to_id")).isFalse();
        });
        assertThat(bodies(bluesky, "/xrpc/com.atproto.repo.createRecord")).singleElement().satisfies(body -> {
            assertThat(body.at("/record/text").asText()).isEqualTo(statement);
            assertThat(body.path("record").has("reply")).isFalse();
        });
        assertThat(statement).doesNotContain("@earshot");
        ResponseTask posted = queries.get(incident);
        assertThat(posted.state()).isEqualTo(TaskState.POSTED);
        assertThat(queries.history(incident)).anySatisfy(e ->
                assertThat(e.detail()).isEqualTo("statement posted on mastodon, bluesky"));
    }

    @Test
    void anEditedStatementIsCheckedByTheReplyRulesBeforeItIsApprovedAndOnlyAnOverrideLetsABrokenRuleThrough() {
        quietDay();
        burst("mastodon", Platform.MASTODON, 7);
        burst("bluesky", Platform.BLUESKY, 4);
        long incident = detector.check().get(0);
        String promising = "Flights are delayed today. Everyone affected gets a voucher, we guarantee it."
                + " We will update you within the hour.";

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> approvals.approve(incident, promising, "sam", false))
                .isInstanceOf(org.earshot.task.ReplyRulesViolatedException.class)
                .hasMessageContaining("voucher");
        assertThat(queries.get(incident).state()).isEqualTo(TaskState.NEW);
        outbox.dispatchDue();
        assertThat(bodies(mastodon, "/api/v1/statuses")).isEmpty();

        ResponseTask overridden = approvals.approve(incident, promising, "sam", true);
        assertThat(overridden.state()).isEqualTo(TaskState.APPROVED);
        assertThat(queries.history(incident)).anySatisfy(e -> assertThat(e.action()).isEqualTo("override"));
    }

    private static final String X_POST = "/2/tweets";

    /** A burst on Mastodon whose statement was approved and posted there: @return the incident's task */
    private long statementPostedOnMastodon() {
        quietDay();
        burst("mastodon", Platform.MASTODON, 8);
        long incident = detector.check().get(0);
        approvals.approve(incident, null, "sam", false);
        outbox.dispatchDue();
        assertThat(queries.get(incident).state()).isEqualTo(TaskState.POSTED);
        assertThat(bodies(mastodon, "/api/v1/statuses")).hasSize(1);
        return incident;
    }

    @Test
    void channelsThatJoinTheBurstAfterTheStatementWasPostedGetItOnceEachThroughTheOutbox() {
        long incident = statementPostedOnMastodon();
        String statement = queries.get(incident).decision().approvedText();

        clock.advance(Duration.ofMinutes(16));
        burst("bluesky", Platform.BLUESKY, 4);
        burst("x", Platform.X, 4);
        assertThat(detector.check()).isEmpty();
        ResponseTask due = queries.get(incident);
        assertThat(due.state()).isEqualTo(TaskState.APPROVED);
        assertThat(due.decision().approvedText()).isEqualTo(statement);
        outbox.dispatchDue();

        assertThat(bodies(mastodon, "/api/v1/statuses")).hasSize(1);
        assertThat(bodies(bluesky, "/xrpc/com.atproto.repo.createRecord")).singleElement().satisfies(body -> {
            assertThat(body.at("/record/text").asText()).isEqualTo(statement);
            assertThat(body.path("record").has("reply")).isFalse();
        });
        assertThat(bodies(x, X_POST)).singleElement().satisfies(body -> {
            assertThat(body.path("text").asText()).isEqualTo(statement);
            assertThat(body.has("reply")).isFalse();
        });
        assertThat(queries.get(incident).state()).isEqualTo(TaskState.POSTED);
        assertThat(queries.history(incident)).extracting(AuditLog.Entry::detail).contains(
                "statement posted on mastodon",
                "the burst reached bluesky, x after the statement was posted: the approved statement goes there once"
                        + " too",
                "statement posted on bluesky, x (already on mastodon)");

        // The burst goes on, on the same channels: nothing more is posted anywhere.
        clock.advance(Duration.ofMinutes(10));
        burst("bluesky", Platform.BLUESKY, 3);
        burst("x", Platform.X, 3);
        detector.check();
        outbox.dispatchDue();
        clock.advance(Duration.ofHours(1));
        outbox.dispatchDue();
        assertThat(queries.get(incident).state()).isEqualTo(TaskState.POSTED);
        assertThat(bodies(mastodon, "/api/v1/statuses")).hasSize(1);
        assertThat(bodies(bluesky, "/xrpc/com.atproto.repo.createRecord")).hasSize(1);
        assertThat(bodies(x, X_POST)).hasSize(1);
    }

    @Test
    void aStatementDueOnAJoinedChannelSurvivesARestartAndAFailedTryWithoutPostingTwice() {
        long incident = statementPostedOnMastodon();
        clock.advance(Duration.ofMinutes(16));
        burst("bluesky", Platform.BLUESKY, 4);
        burst("x", Platform.X, 4);
        detector.check();

        // The daemon stops before the outbox ran: the statement is due in the database, not in memory.
        db.close();
        start();
        var down = x.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(X_POST)).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)));
        outbox.dispatchDue();
        assertThat(queries.get(incident).state()).isEqualTo(TaskState.FAILED);
        assertThat(bodies(bluesky, "/xrpc/com.atproto.repo.createRecord")).hasSize(1);

        // X is back; after another restart the outbox tries again and posts only where it is still missing.
        x.removeStub(down);
        db.close();
        start();
        clock.advance(Duration.ofHours(1));
        outbox.dispatchDue();
        clock.advance(Duration.ofHours(1));
        outbox.dispatchDue();

        assertThat(queries.get(incident).state()).isEqualTo(TaskState.POSTED);
        assertThat(bodies(mastodon, "/api/v1/statuses")).hasSize(1);
        assertThat(bodies(bluesky, "/xrpc/com.atproto.repo.createRecord")).hasSize(1);
        assertThat(bodies(x, X_POST).stream().filter(b -> b.has("text")).count()).isEqualTo(2);
        assertThat(x.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith(X_POST))
                .filter(e -> e.getResponse().getStatus() == 201).count()).isEqualTo(1);
        assertThat(db.inTransaction(c -> new IncidentStore(tasks).posts(c, incident)).keySet())
                .containsExactly("mastodon", "bluesky", "x");
    }

    @Test
    void aJoinedChannelThatCannotTakeAStatementIsNamedOnTheIncidentWithWhyAndNeverTriedAgain() {
        long incident = statementPostedOnMastodon();
        clock.advance(Duration.ofMinutes(16));
        burst("press", Platform.RSS, 5);
        detector.check();
        outbox.dispatchDue();

        ResponseTask posted = queries.get(incident);
        assertThat(posted.state()).isEqualTo(TaskState.POSTED);
        assertThat(posted.incident().notPosted()).containsOnlyKeys("press");
        assertThat(posted.incident().notPosted().get("press")).startsWith("a feed is read-only: nothing can be posted there");
        assertThat(queries.history(incident)).anySatisfy(e -> assertThat(e.detail())
                .startsWith("statement posted on no channel (already on mastodon); not on press (a feed is read-only"));

        clock.advance(Duration.ofMinutes(10));
        burst("press", Platform.RSS, 3);
        detector.check();
        assertThat(queries.get(incident).state()).isEqualTo(TaskState.POSTED);
        assertThat(queries.history(incident).stream().filter(e -> e.action().equals("statement-due")).count())
                .isEqualTo(1);
    }

    @Test
    void aStatementLongerThanOnePostOnAChannelOfTheBurstNeedsAnOverrideAndAShortOneDoesNot() {
        quietDay();
        burst("mastodon", Platform.MASTODON, 7);
        burst("x", Platform.X, 4);
        long incident = detector.check().get(0);
        String longStatement = "We know many of you cannot check in for flights this morning because our booking"
                + " system is down at every airport. Our engineers are working on it now and we expect to have it"
                + " back soon, well before the first departures. Please keep your booking reference to hand and we will keep you posted here as it"
                + " comes back.";
        assertThat(longStatement.length()).isBetween(281, 500);

        assertThat(approvals.check(incident, longStatement)).anySatisfy(w -> {
            assertThat(w.rule()).isEqualTo("statement-length");
            assertThat(w.isHard()).isTrue();
            assertThat(w.text()).contains("over the 280 of one post on x");
        });
        assertThat(approvals.check(incident, longStatement)).noneSatisfy(w ->
                assertThat(w.text()).contains("on mastodon"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> approvals.approve(incident, longStatement, "sam", false))
                .isInstanceOf(org.earshot.task.ReplyRulesViolatedException.class)
                .hasMessageContaining("280");
        assertThat(approvals.check(incident, longStatement)).anySatisfy(w -> {
            assertThat(w.rule()).isEqualTo("block-words");
            assertThat(w.isHard()).isFalse();
        });

        String shortStatement = "Check-in is down at every airport this morning. We are working on it and will update"
                + " you here within the hour.";
        assertThat(approvals.check(incident, shortStatement)).noneSatisfy(w ->
                assertThat(w.rule()).isIn("statement-length", "block-words"));
        assertThat(approvals.approve(incident, shortStatement, "sam", false).state()).isEqualTo(TaskState.APPROVED);
    }
}
