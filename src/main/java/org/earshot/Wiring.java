package org.earshot;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.earshot.alert.AlertDispatcher;
import org.earshot.alert.AlertRouter;
import org.earshot.alert.AlertSink;
import org.earshot.alert.RouteHealth;
import org.earshot.alert.SlackMessage;
import org.earshot.alert.SlackWebhook;
import org.earshot.alert.StoredAlertSink;
import org.earshot.alert.AlertTriggers;
import org.earshot.alert.ConnectorAlerts;
import org.earshot.alert.DailyDigest;
import org.earshot.alert.FollowUps;
import org.earshot.alert.MentionAlerts;
import org.earshot.alert.ServiceLevelClock;
import org.earshot.alert.SpikeDetector;
import org.earshot.config.AlertsConfig;
import org.earshot.config.ConfigException;
import org.earshot.config.ConnectorConfig;
import org.earshot.config.EarshotConfig;
import org.earshot.config.Durations;
import org.earshot.connector.Connector;
import org.earshot.connector.ConnectorFactory;
import org.earshot.connector.ConnectorHealth;
import org.earshot.connector.PollBudget;
import org.earshot.connector.bluesky.BlueskyConnectorFactory;
import org.earshot.connector.feed.FeedConnectorFactory;
import org.earshot.connector.imap.ImapConnectorFactory;
import org.earshot.connector.mastodon.MastodonConnectorFactory;
import org.earshot.connector.reddit.RedditConnectorFactory;
import org.earshot.connector.x.XConnectorFactory;
import org.earshot.domain.Channels;
import org.earshot.http.ConnectorResilience;
import org.earshot.http.HttpClientFactory;
import org.earshot.http.RateLimitHeaders;
import org.earshot.http.ResilienceSettings;
import org.earshot.intake.ConnectorHealthCheck;
import org.earshot.intake.MentionIntake;
import org.earshot.intake.Requeue;
import org.earshot.matching.BrandMatcher;
import org.earshot.reply.ReplyDrafter;
import org.earshot.schedule.EarshotScheduler;
import org.earshot.scoring.CurrentTeamCorrections;
import org.earshot.scoring.MentionScorer;
import org.earshot.scoring.model.LearnedNegativity;
import org.earshot.store.AlertStore;
import org.earshot.store.AuditLog;
import org.earshot.store.CorrectionStore;
import org.earshot.store.CursorStore;
import org.earshot.store.Database;
import org.earshot.store.HealthStore;
import org.earshot.store.MentionStore;
import org.earshot.store.OutboxStore;
import org.earshot.store.TaskStore;
import org.earshot.task.Approvals;
import org.earshot.task.LlmDrafts;
import org.earshot.task.Backoff;
import org.earshot.task.BusinessClock;
import org.earshot.task.Corrections;
import org.earshot.task.Incidents;
import org.earshot.task.OutboxDispatcher;
import org.earshot.task.TaskQueries;
import org.earshot.task.Triage;
import org.earshot.web.WebServer;

/**
 * Builds all of Earshot by hand, in order: config, database and stores, connectors, the team's
 * corrections, scoring and drafting, intake, approvals and the outbox, the alerts (triggers, storage,
 * delivery), the scheduler. One screen shows the whole system.
 */
public final class Wiring implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Wiring.class);

    /**
     * Timings the daemon runs with; tests shorten them. The outbox (replies to platforms) and the alert
     * delivery (alerts to Slack) each have their own: how often they look for due work, how long a
     * claimed row is theirs before another node may take it, and how long a failure waits.
     * {@code maxPostAttempts} failed attempts block a reply until a person retries it: 10, with the
     * outbox backoff from 30 seconds doubling to 30 minutes, is about two hours of trying.
     *
     * @param alertTriggersInterval how often the alert triggers (service levels, spikes, digests) look
     */
    public record Timings(Duration outboxInterval, Duration outboxLease, Backoff outboxBackoff, int maxPostAttempts,
                          Duration alertDeliveryInterval, Duration alertDeliveryLease, Backoff alertDeliveryBackoff,
                          Duration alertTriggersInterval) {
        public static final Timings DEFAULT = new Timings(Duration.ofSeconds(2), Duration.ofMinutes(2),
                Backoff.DELIVERY, 10, Duration.ofSeconds(2), Duration.ofMinutes(2), Backoff.DELIVERY,
                Duration.ofSeconds(30));

        /** These timings with the outbox and the alert delivery looking for due work every {@code interval}. */
        public Timings deliveringEvery(Duration interval) {
            return new Timings(interval, outboxLease, outboxBackoff, maxPostAttempts, interval, alertDeliveryLease,
                    alertDeliveryBackoff, alertTriggersInterval);
        }

        /** These timings with a reply blocked after {@code attempts} failed posts. */
        public Timings withMaxPostAttempts(int attempts) {
            return new Timings(outboxInterval, outboxLease, outboxBackoff, attempts, alertDeliveryInterval,
                    alertDeliveryLease, alertDeliveryBackoff, alertTriggersInterval);
        }
    }

    public final EarshotConfig config;
    public final Clock clock;
    public final Database database;
    public final MentionStore mentions = new MentionStore();
    public final TaskStore tasks = new TaskStore();
    public final CursorStore cursors = new CursorStore();
    public final HealthStore health = new HealthStore();
    public final OutboxStore outbox = new OutboxStore();
    public final AuditLog audit = new AuditLog();
    public final CorrectionStore correctionStore = new CorrectionStore();
    public final CurrentTeamCorrections teamCorrections = new CurrentTeamCorrections();
    public final AlertStore alertStore = new AlertStore();
    public final Map<String, Connector> connectors;
    public final ReplyDrafter drafter;
    public final MentionIntake intake;
    public final Requeue requeue;
    public final LlmDrafts llmDrafts;
    public final ConnectorHealthCheck healthCheck;
    public final TaskQueries queries;
    public final Approvals approvals;
    public final Corrections corrections;
    public final OutboxDispatcher dispatcher;
    /** Where alert triggers raise alerts: stored, routed and sent to Slack by {@link #alertDispatcher}. */
    public final AlertSink alerts;
    public final AlertDispatcher alertDispatcher;
    private final CloseableHttpClient slackClient;
    public final MentionAlerts mentionAlerts;
    public final ServiceLevelClock serviceLevelClock;
    public final FollowUps followUps;
    public final SpikeDetector spikes;
    public final ConnectorAlerts connectorAlerts;
    public final DailyDigest digest;
    public final AlertTriggers alertTriggers;
    private final Timings timings;
    private final boolean office;
    private EarshotScheduler scheduler;
    private WebServer web;
    private String generatedToken;

    /** Slack sends only {@code Retry-After}; it has no remaining/reset headers on webhooks. */
    public static final RateLimitHeaders.Scheme SLACK_RATE_LIMIT = new RateLimitHeaders.Scheme(
            "X-RateLimit-Remaining", "X-RateLimit-Reset", RateLimitHeaders.ResetFormat.SECONDS_UNTIL);

    /** Every platform Earshot can listen on; a connector's {@code type:} picks one. */
    public static final List<ConnectorFactory> CONNECTOR_FACTORIES = List.of(new MastodonConnectorFactory(),
            new XConnectorFactory(), new RedditConnectorFactory(), new BlueskyConnectorFactory(), new FeedConnectorFactory(),
            new ImapConnectorFactory());

    /** What each of those platforms can do, as its connector declares: the config and the core ask these. */
    public static final Channels CHANNELS = ConnectorFactory.channels(CONNECTOR_FACTORIES);

    /** Builds everything from the config and starts polling, posting and the web queue. */
    public static Wiring start(EarshotConfig config, Clock clock) {
        Wiring wiring = new Wiring(config, CONNECTOR_FACTORIES, clock, Timings.DEFAULT);
        try {
            wiring.startScheduler();
            wiring.startWeb();
        } catch (RuntimeException e) {
            wiring.close();
            throw e;
        }
        return wiring;
    }

    /** What a person needs to know once it runs: where things are. */
    public String banner() {
        StringBuilder b = new StringBuilder("Earshot is running.\n");
        b.append("  database   ").append(config.storage().jdbcUrl()).append('\n');
        if (web != null) {
            String url = "http://" + config.web().host() + ":" + web.port();
            b.append("  web queue  ").append(url).append("/").append('\n');
            b.append("  API        ").append(url).append("/api/tasks?state=NEW").append('\n');
            if (generatedToken != null) {
                b.append("  API token  ").append(generatedToken)
                        .append("  (made for this run: set EARSHOT_API_TOKEN to keep one)").append('\n');
            }
        }
        connectors.values().forEach(c -> b.append("  connector  ").append(c.id()).append(" (")
                .append(c.platform().id()).append(", every ").append(org.earshot.config.Durations.format(c.schedule()))
                .append(")\n"));
        return b.toString();
    }

    /**
     * The back office the task commands ({@code tasks}, {@code show}, {@code approve}, {@code reject},
     * {@code retry}) work in: the stores and the task services, without connectors (so without their
     * credentials) and with nothing started. It works beside a running daemon because the H2 file is
     * opened in AUTO_SERVER mode; the daemon's outbox posts what is approved here.
     */
    public static Wiring office(EarshotConfig config, Clock clock) {
        return new Wiring(config, null, CHANNELS, clock, Timings.DEFAULT);
    }

    public Wiring(EarshotConfig config, List<ConnectorFactory> factories, Clock clock, Timings timings) {
        // Connectors first: their settings finish checking the config before the database is touched.
        // The shipped platforms stay known for tasks heard on them before, whatever this run connects to.
        this(config, buildConnectors(config, factories),
                CHANNELS.and(factories.stream().map(ConnectorFactory::channel).toList()), clock, timings);
    }

    private Wiring(EarshotConfig config, Map<String, Connector> built, Channels channels, Clock clock,
                   Timings timings) {
        this.config = config;
        this.clock = clock;
        // The office has no connectors: its outbox could post nothing, so it must never start.
        this.office = built == null;
        this.connectors = office ? Map.of() : built;
        this.database = Database.open(config.storage());
        try {
            this.drafter = new ReplyDrafter(config.policy(), channels);
            this.corrections = new Corrections(database, tasks, mentions, correctionStore, audit, teamCorrections,
                    clock);
            corrections.reloadModel();
            // The learned model loads on the first mention scored (EARSHOT_MODEL=lexicon: never).
            Triage triage = new Triage(new MentionScorer(LearnedNegativity.preferred()), teamCorrections, drafter, config.serviceLevels(),
                    new BusinessClock(config.alerts().businessHours()));
            Map<String, BrandMatcher> matchers = config.brands().stream()
                    .collect(Collectors.toMap(b -> b.id(), BrandMatcher::new));
            this.intake = new MentionIntake(database, mentions, tasks, cursors, health, triage, matchers, clock);
            this.requeue = new Requeue(database, intake, connectors, clock);
            this.llmDrafts = new LlmDrafts(database, tasks, drafter, clock);
            this.healthCheck = new ConnectorHealthCheck(database, health, mentions, config.connectors().values().stream()
                    .filter(ConnectorConfig::enabled).toList(), clock);
            this.queries = new TaskQueries(database, tasks, audit);
            this.approvals = new Approvals(database, tasks, mentions, outbox, audit, drafter, clock);
            this.dispatcher = new OutboxDispatcher(database, outbox, tasks, audit, connectors, clock,
                    timings.outboxLease(), timings.outboxBackoff(), timings.maxPostAttempts());
            AlertRouter router = new AlertRouter(config.alerts());
            this.alerts = new StoredAlertSink(database, alertStore, router, clock);
            this.slackClient = HttpClientFactory.withDefaults().create();
            // Slack takes about one message a second per webhook; bursts of a few are fine.
            ConnectorResilience slackResilience = new ConnectorResilience("slack", slackClient,
                    ResilienceSettings.defaults(10, Duration.ofSeconds(10)), SLACK_RATE_LIMIT, clock);
            this.alertDispatcher = new AlertDispatcher(database, alertStore, router,
                    new SlackWebhook(slackClient, slackResilience, clock),
                    new SlackMessage(config.alerts().queueUrl(), config.alerts().businessHours().zone()), clock,
                    timings.alertDeliveryLease(), timings.alertDeliveryBackoff());
            AlertsConfig alerting = config.alerts();
            String queueUrl = alerting.queueUrl();
            List<String> brandIds = config.brands().stream().map(b -> b.id()).toList();
            this.mentionAlerts = new MentionAlerts(database, tasks, alerts, queueUrl, clock);
            this.serviceLevelClock = new ServiceLevelClock(database, tasks, config.serviceLevels(), channels,
                    new BusinessClock(alerting.businessHours()), alerting.breachWarning(), queueUrl, alerts, clock);
            this.followUps = new FollowUps(database, tasks, audit, alerting.breachWarning(), queueUrl, alerts, clock);
            this.spikes = new SpikeDetector(database, mentions, new Incidents(database, mentions, tasks, drafter),
                    alerting.spike(), brandIds, queueUrl, alerts, clock);
            this.connectorAlerts = new ConnectorAlerts(healthCheck, config.connectors().values().stream()
                    .collect(Collectors.toMap(ConnectorConfig::id, ConnectorConfig::brand)), Duration.ofHours(1), 3,
                    queueUrl, alerts, clock);
            this.digest = new DailyDigest(database, mentions, tasks, serviceLevelClock, brandIds,
                    alerting.businessHours().zone(), alerting.digestAt(), queueUrl, alerts, clock);
            this.alertTriggers = new AlertTriggers(mentionAlerts, serviceLevelClock, followUps, spikes, connectorAlerts,
                    digest);
            this.timings = timings;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static Map<String, Connector> buildConnectors(EarshotConfig config, List<ConnectorFactory> factories) {
        Map<String, ConnectorFactory> byType = factories.stream()
                .collect(Collectors.toMap(ConnectorFactory::type, Function.identity()));
        Map<String, Connector> built = new LinkedHashMap<>();
        for (ConnectorConfig c : config.connectors().values()) {
            if (!c.enabled()) {
                continue;
            }
            ConnectorFactory factory = byType.get(c.type());
            if (factory == null) {
                throw new ConfigException(config.file(), "connectors." + c.id() + ".type",
                        "must be one of " + byType.keySet().stream().sorted().toList() + ", but was '" + c.type() + "'");
            }
            built.put(c.id(), paced(factory.createChecked(c, config.brand(c.brand())), factory));
        }
        return built;
    }

    /** The connector at the pace its platform's rate limit allows, with a warning when that is slower than configured. */
    private static Connector paced(Connector connector, ConnectorFactory factory) {
        Optional<PollBudget> budget = factory.pollBudget();
        if (budget.isEmpty() || budget.get().paced(connector.schedule()).equals(connector.schedule())) {
            return connector;
        }
        Duration pace = budget.get().paced(connector.schedule());
        LOG.warn("connectors.{}.schedule {} is faster than {} allows ({} requests per {}): polling every {} instead",
                connector.id(), Durations.format(connector.schedule()), budget.get().source(), budget.get().requests(),
                Durations.format(budget.get().window()), Durations.format(pace));
        return new Connector(connector.id(), connector.platform(), connector.brand(), pace, connector.source(),
                connector.publisher());
    }

    /** Starts polling, posting, sending alerts, and the alert triggers when alerts have routes. */
    public void startScheduler() {
        refuseInOffice();
        scheduler = new EarshotScheduler(connectors.values(), intake, mentionAlerts, dispatcher, timings.outboxInterval(),
                alertDispatcher, timings.alertDeliveryInterval(), config.alerts().enabled() ? alertTriggers : null,
                timings.alertTriggersInterval(),
                database.shared() ? database.dataSource() : null,
                drafter.usesLlm() ? llmDrafts::runOnce : null);
        scheduler.start();
    }

    /** Serves the queue and the API; without a configured token, makes one for this run and says so. */
    public void startWeb() {
        refuseInOffice();
        String token = config.web().apiToken();
        if (token.isBlank()) {
            byte[] bytes = new byte[18];
            new java.security.SecureRandom().nextBytes(bytes);
            token = java.util.HexFormat.of().formatHex(bytes);
            generatedToken = token;
        }
        web = new WebServer(config.web().host(), config.web().port(), token, queries, approvals, corrections, followUps,
                this::connectorHealth, this::alertRouteHealth, serviceLevelClock).withQuarantine(requeue)
                .withTeamWork(teamWork()).withReports(reports());
        web.start();
    }

    /** How the team shares tasks: assignment, snoozing, notes, who has a task open. */
    public org.earshot.task.TeamWork teamWork() {
        return new org.earshot.task.TeamWork(database, new org.earshot.store.TeamStore(), audit, clock);
    }

    /** The team's reports: volume, mood, service levels, top problems. */
    public org.earshot.task.Reports reports() {
        return new org.earshot.task.Reports(database, new org.earshot.store.ReportStore(), config.serviceLevels(),
                drafter.channels(), new BusinessClock(config.alerts().businessHours()));
    }

    /** What people look at: tasks, their history, blocked replies. */
    public TaskQueries queries() {
        return queries;
    }

    /** What people decide: approve, reject, retry. */
    public Approvals approvals() {
        return approvals;
    }

    /** What the team tells the scorer: relabels, and the model they retrain. */
    public Corrections corrections() {
        return corrections;
    }

    /** Items a connector could not read, and reading them again. */
    public Requeue requeue() {
        return requeue;
    }

    public EarshotConfig config() {
        return config;
    }

    /** The ids of the connectors this run polls, in config order. */
    public List<String> connectorIds() {
        return List.copyOf(connectors.keySet());
    }

    // The jobs the scheduler runs, each run once: tools and tests drive the daemon with these.

    /** One poll of one connector, as its scheduled job runs it. */
    public MentionIntake.PollOutcome pollOnce(String connectorId) {
        Connector connector = connectors.get(connectorId);
        if (connector == null) {
            throw new IllegalArgumentException("no connector '" + connectorId + "'; this run has " + connectorIds());
        }
        return intake.pollOnce(connector);
    }

    /** One pass of the outbox: posts the approved replies that are due; answers how many blocks it posted. */
    public int dispatchDue() {
        return dispatcher.dispatchDue();
    }

    /** One pass of the LLM drafter over the tasks waiting for it; answers how many it drafted. */
    public int draftWithLlmOnce() {
        return llmDrafts.runOnce();
    }

    /** One pass of the alert delivery: sends the stored alerts that are due to Slack. */
    public int deliverAlertsDue() {
        return alertDispatcher.dispatchDue();
    }

    /** One pass of the alert triggers: service levels, follow-ups, spikes, connector health, digest. */
    public void runAlertTriggersOnce() {
        alertTriggers.runOnce();
    }

    private void refuseInOffice() {
        if (office) {
            throw new IllegalStateException("the office (task commands) has no connectors and starts nothing");
        }
    }

    public int webPort() {
        return web.port();
    }

    public List<ConnectorHealth> connectorHealth() {
        return healthCheck.report();
    }

    /** Each alert route's webhook: ok, or what Slack last refused. */
    public List<RouteHealth> alertRouteHealth() {
        return alertDispatcher.routeHealth();
    }

    @Override
    public void close() {
        if (web != null) {
            web.close();
        }
        if (scheduler != null) {
            scheduler.close();
        }
        try {
            slackClient.close();
        } catch (java.io.IOException e) {
            // Closing idle connections to Slack; nothing is lost if that fails.
        }
        database.close();
    }
}
