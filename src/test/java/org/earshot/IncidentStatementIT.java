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
import org.earshot.connector.mastodon.MastodonConnectorFactory;
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
        db = Database.open(TestConfigs.h2In(dir));
        ReplyDrafter drafter = new ReplyDrafter(TestConfigs.policy(), Wiring.CHANNELS);
        detector = new SpikeDetector(db, mentions, new Incidents(db, new IncidentStore(tasks), drafter), RULE,
                List.of("acme"), new BrandNames(Map.of("acme", "Acme Air")), "https://queue.example", sink, clock);
        AuditLog audit = new AuditLog();
        approvals = new Approvals(db, tasks, mentions, new OutboxStore(), audit, drafter, clock);
        queries = new TaskQueries(db, tasks, audit);
        Map<String, Connector> connectors = Map.of(
                "mastodon", new MastodonConnectorFactory().create(ConnectorConfigs.acme("mastodon", "mastodon",
                        Duration.ofMinutes(1), mastodonSettings()), TestConfigs.acme()),
                "bluesky", new BlueskyConnectorFactory().create(ConnectorConfigs.acme("bluesky", "bluesky",
                        Duration.ofMinutes(1), blueskySettings()), TestConfigs.acme()));
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
}
