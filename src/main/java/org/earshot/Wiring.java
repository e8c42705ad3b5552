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
import org.earshot.alert.BrandNames;
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
import org.earshot.metrics.EarshotMetrics;
import org.earshot.reading.IntentExamples;
import org.earshot.reading.LanguageDetector;
import org.earshot.reading.Languages;
import org.earshot.reading.MentionReader;
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
import org.earshot.store.Export;
import org.earshot.store.Retention;
import org.earshot.store.HealthStore;
import org.earshot.store.MentionStore;
import org.earshot.store.OutboxStore;
import org.earshot.store.TaskStore;
import org.earshot.task.Approvals;
import org.earshot.task.LlmDrafts;
import org.earshot.task.ModelScoring;
import org.earshot.task.Backoff;
import org.earshot.task.BusinessClock;
import org.earshot.task.Corrections;
import org.earshot.task.BrandHeads;
import org.earshot.scoring.model.CurrentBrandHeads;
import org.earshot.task.Incidents;
import org.earshot.task.OutboxDispatcher;
import org.earshot.task.TaskQueries;
import org.earshot.task.Triage;
import org.earshot.web.ReadinessCheck;
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

    private final EarshotConfig config;
    private final Clock clock;
    private final Database database;
    private final MentionStore mentions = new MentionStore();
    private final TaskStore tasks = new TaskStore();
    private final CursorStore cursors = new CursorStore();
    private final HealthStore health = new HealthStore();
    private final OutboxStore outbox = new OutboxStore();
    private final AuditLog audit = new AuditLog();
    private final CorrectionStore correctionStore = new CorrectionStore();
    private final CurrentTeamCorrections teamCorrections = new CurrentTeamCorrections();
    private final AlertStore alertStore = new AlertStore();
    private final org.earshot.account.Accounts accounts;
    private final Map<String, Connector> connectors;
    private final ReplyDrafter drafter;
    private final MentionIntake intake;
    private final Requeue requeue;
    private final LlmDrafts llmDrafts;
    /** Null when the learned model is off. */
    private final ModelScoring modelScoring;
    private final ConnectorHealthCheck healthCheck;
    private final TaskQueries queries;
    private final Approvals approvals;
    private final Corrections corrections;
    private final BrandHeads brandHeads;
    private final OutboxDispatcher dispatcher;
    /** Where alert triggers raise alerts: stored, routed and sent to Slack by {@link #alertDispatcher}. */
    private final AlertSink alerts;
    private final AlertDispatcher alertDispatcher;
    private final CloseableHttpClient slackClient;
    private final MentionAlerts mentionAlerts;
    private final ServiceLevelClock serviceLevelClock;
    private final FollowUps followUps;
    private final SpikeDetector spikes;
    private final ConnectorAlerts connectorAlerts;
    private final DailyDigest digest;
    private final AlertTriggers alertTriggers;
    private final Timings timings;
    private final EarshotMetrics metrics;
    private final boolean office;
    private EarshotScheduler scheduler;
    /** This node's own check of what the cluster shares (the team model): every node runs it, not one of them. */
    private java.util.concurrent.ScheduledExecutorService sharedStateWatch;
    /** How often each node looks for a correction taken on another node. */
    static final Duration SHARED_STATE_EVERY = Duration.ofSeconds(15);
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
            // The port first: one in use must stop the start before any connector polls.
            wiring.startWeb();
            wiring.startScheduler();
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
            b.append("  web queue  ").append(url).append("/  (sign in with an account: earshot user add NAME --role admin)")
                    .append('\n');
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
        this.metrics = new EarshotMetrics(clock);
        Map<String, Connector> metered = new LinkedHashMap<>();
        if (!office) {
            built.forEach((id, c) -> metered.put(id, metrics.metered(c)));
        }
        this.connectors = java.util.Collections.unmodifiableMap(metered);
        // While the H2 file is held by another process, the web port's /health says so (not for the office).
        try (org.earshot.web.StartingHealthServer starting = new org.earshot.web.StartingHealthServer(
                config.web().host(), config.web().port())) {
            this.database = Database.open(config.storage(), office ? waiting -> { } : starting::waitingFor);
        }
        metrics.readingFrom(database);
        try {
            // The drafter reads by meaning with the scorer's model (the same shared instance; none with EARSHOT_MODEL=lexicon).
            this.drafter = new ReplyDrafter(config.policy(), channels, config.analysis().maxChars(),
                    LearnedNegativity.preferred());
            // The learned model loads on the first mention scored (EARSHOT_MODEL=lexicon: never).
            MentionScorer scorer = new MentionScorer(LearnedNegativity.preferred(), config.analysis().maxChars());
            MentionReader reader = new MentionReader(
                    LanguageDetector.load(new Languages(config.reading().languages())), scorer.model(),
                    scorer.model() == null ? null : IntentExamples.load(scorer.model(), config.reading().intentExamples()),
                    config.analysis().maxChars());
            // Each brand's own negativity head, fitted to its corrections and stored (none without the model).
            this.brandHeads = scorer.model() == null ? null : new BrandHeads(database, correctionStore,
                    new org.earshot.store.BrandHeadStore(), reader, LearnedNegativity.shippedHead(),
                    LearnedNegativity.NAME, new CurrentBrandHeads(), clock);
            if (brandHeads != null) {
                brandHeads.reload();
            }
            this.corrections = new Corrections(database, tasks, mentions, correctionStore, audit, teamCorrections,
                    clock, brandHeads == null ? brand -> { } : brandHeads::refit);
            corrections.reloadModel();
            Triage plainTriage = new Triage(reader, scorer, teamCorrections, drafter, config.serviceLevels(),
                    new BusinessClock(config.alerts().businessHours()), metrics::scored);
            Triage triage = brandHeads == null ? plainTriage : plainTriage.withBrandHeads(brandHeads.current());
            Map<String, BrandMatcher> matchers = config.brands().stream()
                    .collect(Collectors.toMap(b -> b.id(), BrandMatcher::new));
            // The model reads new mentions in its own job, so a poll stores and queues them at the lexicon's speed.
            this.modelScoring = scorer.model() == null ? null : new ModelScoring(database, tasks, triage, clock);
            this.intake = new MentionIntake(database, mentions, tasks, cursors, health, triage.withModelLater(),
                    matchers, clock);
            this.requeue = new Requeue(database, intake, connectors, clock);
            this.llmDrafts = new LlmDrafts(database, tasks, drafter, clock);
            this.healthCheck = new ConnectorHealthCheck(database, health, mentions, config.connectors().values().stream()
                    .filter(ConnectorConfig::enabled).toList(), clock);
            this.queries = new TaskQueries(database, tasks, audit);
            this.accounts = new org.earshot.account.Accounts(database, new org.earshot.store.AccountStore(),
                    org.earshot.account.LoginThrottle.standard(database, clock), clock);
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
                    new SlackMessage(config.alerts().queueUrl(), config.alerts().businessHours().zone(),
                            BrandNames.of(config.brands())), clock,
                    timings.alertDeliveryLease(), timings.alertDeliveryBackoff()).countingSends(metrics::slackSent);
            config.alerts().routes().forEach(r -> metrics.slackRoute(r.name()));
            drafter.timeModelCalls(metrics::modelCalled);
            AlertsConfig alerting = config.alerts();
            String queueUrl = alerting.queueUrl();
            List<String> brandIds = config.brands().stream().map(b -> b.id()).toList();
            this.mentionAlerts = new MentionAlerts(database, tasks, alerts, queueUrl, clock);
            this.serviceLevelClock = new ServiceLevelClock(database, tasks, config.serviceLevels(), channels,
                    new BusinessClock(alerting.businessHours()), alerting.breachWarning(), queueUrl, alerts, clock);
            this.followUps = new FollowUps(database, tasks, audit, alerting.breachWarning(), queueUrl, alerts, clock);
            this.spikes = new SpikeDetector(database, mentions, new Incidents(database, tasks, outbox, audit, drafter),
                    alerting.spike(), brandIds, BrandNames.of(config.brands()), queueUrl, alerts, clock);
            this.connectorAlerts = new ConnectorAlerts(healthCheck, config.connectors().values().stream()
                    .collect(Collectors.toMap(ConnectorConfig::id, ConnectorConfig::brand)), Duration.ofHours(1), 3,
                    queueUrl, alerts, clock);
            this.digest = new DailyDigest(database, mentions, tasks, serviceLevelClock, brandIds,
                    alerting.businessHours().zone(), alerting.digestAt(), queueUrl, alerts, clock,
                    BrandNames.of(config.brands()));
            this.alertTriggers = new AlertTriggers(mentionAlerts, serviceLevelClock, followUps, spikes, connectorAlerts,
                    digest);
            this.timings = timings;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static Map<String, Connector> buildConnectors(EarshotConfig config, List<ConnectorFactory> factories) {
        Map<String, Connector> built = new LinkedHashMap<>();
        ConnectorFactory.enabledIn(config, factories).forEach((c, factory) -> {
            ConnectorFactory f = factory.orElseThrow(() -> ConnectorFactory.unknownType(config, c, factories));
            built.put(c.id(), paced(f.createChecked(c, config.brand(c.brand())), f));
        });
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
                drafter.usesLlm() ? llmDrafts::runOnce : null,
                config.storage().retention() == null ? null : () -> retention().pruneOnce(),
                modelScoring == null ? null : this::scoreWithModelOnce);
        scheduler.start();
        sharedStateWatch = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "earshot-shared-state");
            t.setDaemon(true);
            return t;
        });
        sharedStateWatch.scheduleWithFixedDelay(() -> {
            try {
                refreshSharedStateOnce();
            } catch (RuntimeException e) {
                LOG.warn("shared state: checking for new corrections failed: {}", e.getMessage());
            }
        }, SHARED_STATE_EVERY.toMillis(), SHARED_STATE_EVERY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /**
     * One look at what the nodes of a cluster share, as each node's own schedule runs it: the team model is
     * rebuilt when the newest correction in the database changed. (Stopped alert routes need no look: the
     * alert delivery reads them from the database every run.) Answers whether the model was rebuilt.
     */
    public boolean refreshSharedStateOnce() {
        boolean heads = brandHeads != null && brandHeads.reloadIfChanged();
        return corrections.reloadModelIfChanged() | heads;
    }

    /** The brands' own negativity heads (fitted to their corrections); empty when the learned model is off. */
    public java.util.Optional<BrandHeads> brandHeads() {
        return java.util.Optional.ofNullable(brandHeads);
    }


    /** What {@code /metrics} would answer now, in Prometheus's text format. */
    public String metricsPage() {
        return metrics.scrape();
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
        try {
            web = new WebServer(config.web().host(), config.web().port(), token, queries, approvals, corrections,
                    followUps, this::connectorHealth, this::alertRouteHealth, serviceLevelClock).withQuarantine(requeue)
                    .withOperations(this::readiness, metrics::scrape)
                    .withAccounts(accounts)
                    .withTeamWork(teamWork()).withReports(reports());
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof java.net.BindException) {
                throw new ConfigException(config.file(), "web.port", config.web().port() + " is in use on "
                        + config.web().host() + " (another Earshot, or another program): stop it or choose another port");
            }
            throw e;
        }
        web.start();
    }

    /** The pruning of mentions that never became tasks, after {@code storage.retention} (none when unset). */
    public Retention retention() {
        java.time.Duration keep = config.storage().retention();
        if (keep == null) {
            throw new IllegalStateException("storage.retention is not set: every mention is kept");
        }
        return new Retention(database, keep, clock);
    }

    /** Tasks and the audit log as rows, for {@code earshot export}. */
    public Export export() {
        return new Export(database);
    }

    /** Copies the H2 database online into {@code zip} (PostgreSQL: pg_dump). */
    public void backupTo(java.nio.file.Path zip) {
        database.backupTo(zip);
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

    /** The team's accounts, sessions and API tokens. */
    public org.earshot.account.Accounts accounts() {
        return accounts;
    }

    /** Items a connector could not read, and reading them again. */
    public Requeue requeue() {
        return requeue;
    }

    public EarshotConfig config() {
        return config;
    }

    /** The database this run keeps everything in; for tools that write to it the way the daemon does (the demo's history). */
    public Database database() {
        return database;
    }

    /** The ids of the connectors this run polls, in config order. */
    public List<String> connectorIds() {
        return List.copyOf(connectors.keySet());
    }

    // The jobs the scheduler runs, each run once: tools and tests drive the daemon with these.

    /** One poll of one connector, as its scheduled job runs it: the new mentions stored, and alerted if pressing. */
    public MentionIntake.PollOutcome pollOnce(String connectorId) {
        Connector connector = connectors.get(connectorId);
        if (connector == null) {
            throw new IllegalArgumentException("no connector '" + connectorId + "'; this run has " + connectorIds());
        }
        return pollJob(connector);
    }

    /** One poll of every connector, in config order. */
    public List<MentionIntake.PollOutcome> pollAll() {
        return connectors.values().stream().map(this::pollJob).toList();
    }

    private MentionIntake.PollOutcome pollJob(Connector connector) {
        MentionIntake.PollOutcome outcome = intake.pollOnce(connector);
        mentionAlerts.raiseFor(outcome.newTaskIds());
        return outcome;
    }

    /**
     * The learned model's job, run once: every task waiting for its scores is scored, and those it made
     * pressing are alerted (once: a task alerted on already is not again). 0 when the model is off.
     */
    public int scoreWithModelOnce() {
        return modelScoring == null ? 0 : modelScoring.drain(mentionAlerts::raiseFor);
    }

    /** Where a connector's next poll starts, as it saved it; empty before its first poll. */
    public java.util.Optional<String> cursorOf(String connectorId) {
        return database.inTransaction(h -> cursors.find(h, connectorId));
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

    /** Where alerts are raised: stored once per key, routed, and sent by the alert delivery. */
    public AlertSink alerts() {
        return alerts;
    }

    // What the alert triggers read, for people and tests to see before an alert is raised.

    public SpikeDetector.Reading spikeReading(String brandId) {
        return spikes.read(brandId);
    }

    public List<ServiceLevelClock.AboutToBreach> aboutToBreach() {
        return serviceLevelClock.aboutToBreach();
    }

    public List<org.earshot.store.TaskStore.PendingFollowUp> pendingFollowUps() {
        return followUps.pending();
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

    /**
     * What {@code /health/ready} reports: the database answers, the scheduler runs, each connector and
     * each alert route. Only what this node cannot get past without a person is DOWN: no database, no
     * scheduler, a platform that refused the credentials, a route stopped for good.
     */
    public List<ReadinessCheck> readiness() {
        List<ReadinessCheck> checks = new java.util.ArrayList<>();
        ReadinessCheck db = databaseCheck();
        checks.add(db);
        boolean running = scheduler != null && scheduler.running();
        checks.add(running ? ReadinessCheck.up("scheduler", "running")
                : new ReadinessCheck("scheduler", ReadinessCheck.Status.DOWN, "not running"));
        if (db.status() == ReadinessCheck.Status.DOWN) {
            // The other checks read the database: each would wait the pool's 30 s for a connection too.
            return checks;
        }
        try {
            for (ConnectorHealth h : connectorHealth()) {
                ReadinessCheck.Status status = h.healthy() ? ReadinessCheck.Status.UP
                        : h.lastErrorPermanent() && h.consecutiveFailures() > 0 ? ReadinessCheck.Status.DOWN
                        : ReadinessCheck.Status.DEGRADED;
                checks.add(new ReadinessCheck("connector " + h.connectorId(), status, h.healthy() ? "ok" : h.problem()));
            }
            checks.add(outboxCheck());
            for (RouteHealth r : alertRouteHealth()) {
                ReadinessCheck.Status status = r.ok() ? ReadinessCheck.Status.UP
                        : r.stopped() ? ReadinessCheck.Status.DOWN : ReadinessCheck.Status.DEGRADED;
                checks.add(new ReadinessCheck("alert route " + r.route(), status, r.ok() ? "ok" : r.problem()));
            }
        } catch (RuntimeException e) {
            // Their health is read from the database, whose own check says DOWN already.
        }
        return checks;
    }

    /** How long {@code /health/ready} waits for the database's answer before it says DOWN. */
    static final Duration DATABASE_CHECK_WAIT = Duration.ofSeconds(3);
    private static final java.util.concurrent.ExecutorService DATABASE_CHECKS =
            java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "earshot-database-check");
                t.setDaemon(true);
                return t;
            });

    /**
     * The database answers {@code select 1} within {@link #DATABASE_CHECK_WAIT}: a PostgreSQL being
     * restarted leaves the pool waiting 30 s for a connection, and health must say so while it lasts.
     */
    private ReadinessCheck databaseCheck() {
        java.util.concurrent.Future<Integer> answer = DATABASE_CHECKS.submit(() ->
                database.inTransaction(h -> h.createQuery("select 1").mapTo(Integer.class).one()));
        try {
            answer.get(DATABASE_CHECK_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return ReadinessCheck.up("database", database.shared() ? "PostgreSQL" : "H2");
        } catch (java.util.concurrent.TimeoutException e) {
            return new ReadinessCheck("database", ReadinessCheck.Status.DOWN, "does not answer within "
                    + DATABASE_CHECK_WAIT.toSeconds() + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            return new ReadinessCheck("database", ReadinessCheck.Status.DOWN, "does not answer: "
                    + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ReadinessCheck("database", ReadinessCheck.Status.DOWN, "interrupted while asking it");
        }
    }

    /** The outbox: DEGRADED while replies wait to be posted again after a failure, or wait blocked for a person. */
    private ReadinessCheck outboxCheck() {
        OutboxStore.Retrying retrying = database.inTransaction(outbox::retrying);
        int blocked = database.inTransaction(outbox::blocked).size();
        if (retrying.replies() == 0 && blocked == 0) {
            return ReadinessCheck.up("outbox", "ok");
        }
        List<String> said = new java.util.ArrayList<>();
        if (retrying.replies() > 0) {
            said.add(retrying.replies() + " repl" + (retrying.replies() == 1 ? "y" : "ies")
                    + " failing, to be tried again; last: " + retrying.lastError());
        }
        if (blocked > 0) {
            said.add(blocked + " repl" + (blocked == 1 ? "y" : "ies") + " blocked until someone retries them");
        }
        return new ReadinessCheck("outbox", ReadinessCheck.Status.DEGRADED, String.join("; ", said));
    }

    /** Each alert route's webhook: ok, or what Slack last refused. */
    public List<RouteHealth> alertRouteHealth() {
        return alertDispatcher.routeHealth();
    }

    /**
     * Stops gracefully: the web queue first (no new approvals), then the scheduler (no new polls; the
     * post or Slack send under way finishes and is recorded, for up to {@link EarshotScheduler#GRACE}),
     * then the Slack client and the database. A SIGTERM runs this through {@code run}'s shutdown hook.
     */
    @Override
    public void close() {
        if (web != null) {
            web.close();
        }
        if (sharedStateWatch != null) {
            sharedStateWatch.shutdownNow();
        }
        if (scheduler != null) {
            scheduler.close();
        }
        try {
            slackClient.close();
        } catch (java.io.IOException e) {
            // Closing idle connections to Slack; nothing is lost if that fails.
        }
        metrics.close();
        database.close();
    }
}
