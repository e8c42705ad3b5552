package org.earshot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.earshot.connector.Connector;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.MentionSource;
import org.earshot.connector.PollResult;
import org.earshot.connector.ReplyPublisher;
import org.earshot.domain.TaskState;
import org.earshot.store.Database;

/**
 * What {@code /metrics} shows, in Prometheus's text format. Counted here as it happens: each poll's
 * latency and what it fetched (per connector), each post and each failed post (per platform), the
 * scoring time, each LLM call's time, each Slack message per route and outcome. Read from the database on each scrape, so that every node of a cluster shows the same:
 * mentions stored per connector, tasks per state, the age of the oldest task waiting for a person, and
 * alerts per route and delivery state. Plus the JVM's and the process's own meters.
 */
public final class EarshotMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Clock clock;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Timer scoring;
    private Database database;
    private MultiGauge mentionsStored;
    private MultiGauge tasks;
    private MultiGauge alerts;
    private final AtomicReference<Double> oldestOpenTaskAge = new AtomicReference<>(0.0);

    public EarshotMetrics(Clock clock) {
        this.clock = clock;
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        scoring = Timer.builder("earshot.scoring").description("Scoring one mention (lexicon and learned model)")
                .register(registry);
        modelTimer("ok");
    }

    /** Reads the stored figures from this database on each scrape. */
    public EarshotMetrics readingFrom(Database db) {
        this.database = db;
        mentionsStored = MultiGauge.builder("earshot.mentions.stored").description("Mentions stored, per connector")
                .register(registry);
        tasks = MultiGauge.builder("earshot.tasks").description("Tasks in each state").register(registry);
        alerts = MultiGauge.builder("earshot.alerts").description("Alerts raised, per route and delivery state")
                .register(registry);
        Gauge.builder("earshot.oldest.open.task.age", oldestOpenTaskAge, AtomicReference::get).baseUnit("seconds")
                .description("How long the oldest task waiting for a person (NEW) has waited").register(registry);
        return this;
    }

    /** The connector with its polls timed and counted, and its posts counted, under its id and platform. */
    public Connector metered(Connector c) {
        String platform = c.platform().id();
        MentionSource source = c.source();
        ReplyPublisher publisher = c.publisher();
        Counter fetched = Counter.builder("earshot.mentions.fetched").tag("connector", c.id())
                .description("Items the connector's polls brought in").register(registry);
        MentionSource timed = new MentionSource() {
            @Override
            public PollResult poll(String cursor) throws ConnectorException {
                Timer.Sample sample = Timer.start(registry);
                String outcome = "failed";
                try {
                    PollResult result = source.poll(cursor);
                    fetched.increment(result.mentions().size());
                    outcome = "ok";
                    return result;
                } finally {
                    sample.stop(Timer.builder("earshot.poll").description("One poll of one connector")
                            .tags("connector", c.id(), "outcome", outcome).register(registry));
                }
            }

            @Override
            public List<org.earshot.domain.IncomingMention> reread(org.earshot.connector.UnreadableItem item)
                    throws ConnectorException {
                return source.reread(item);
            }
        };
        if (publisher != null) {
            // Registered at zero, so a dashboard's rate() of posts and failures starts with the daemon,
            // not with the first post.
            registry.counter("earshot.posts", "platform", platform);
            registry.counter("earshot.post.failures", "platform", platform, "permanent", "true");
            registry.counter("earshot.post.failures", "platform", platform, "permanent", "false");
        }
        ReplyPublisher counted = publisher == null ? null : block -> {
            try {
                var posted = publisher.publish(block);
                registry.counter("earshot.posts", "platform", platform).increment();
                return posted;
            } catch (ConnectorException e) {
                registry.counter("earshot.post.failures", "platform", platform, "permanent",
                        String.valueOf(e.isPermanent())).increment();
                throw e;
            } catch (RuntimeException e) {
                registry.counter("earshot.post.failures", "platform", platform, "permanent", "false").increment();
                throw e;
            }
        };
        return new Connector(c.id(), c.platform(), c.brand(), c.schedule(), timed, counted);
    }

    /** One call of the LLM drafter ("ok" or "failed"), in this long, its retries included. */
    public void modelCalled(String outcome, Duration took) {
        modelTimer(outcome).record(took);
    }

    /** One message to Slack on this route, and what became of it ("sent", "try_later", "refused"). */
    public void slackSent(String route, String outcome) {
        Counter.builder("earshot.slack.sends").description("Messages sent to Slack, per route and outcome")
                .tags("route", route, "outcome", outcome).register(registry).increment();
    }

    /** Before any send, so that a route shows 0 until its first message. */
    public void slackRoute(String route) {
        for (String outcome : new String[] {"sent", "try_later", "refused"}) {
            Counter.builder("earshot.slack.sends").description("Messages sent to Slack, per route and outcome")
                    .tags("route", route, "outcome", outcome).register(registry);
        }
    }

    private Timer modelTimer(String outcome) {
        return Timer.builder("earshot.model").description("One call of the LLM that drafts replies, retries included")
                .tags("outcome", outcome).register(registry);
    }

    /** One mention scored, in this long. */
    public void scored(Duration took) {
        scoring.record(took);
    }

    /** The page Prometheus scrapes, with the stored figures read now. */
    public String scrape() {
        if (database != null) {
            try {
                readStoredFigures();
            } catch (RuntimeException e) {
                // The database is down: the process meters still answer, /health/ready says why.
            }
        }
        return registry.scrape();
    }

    private void readStoredFigures() {
        List<Object[]> byConnector = rows("select connector_id, count(*) from mention group by connector_id");
        List<MultiGauge.Row<?>> mentionRows = new ArrayList<>();
        byConnector.forEach(r -> mentionRows.add(MultiGauge.Row.of(Tags.of("connector", (String) r[0]),
                ((Number) r[1]).doubleValue())));
        mentionsStored.register(mentionRows, true);

        java.util.Map<String, Double> perState = new java.util.LinkedHashMap<>();
        for (TaskState s : TaskState.values()) {
            perState.put(s.name(), 0.0);
        }
        rows("select state, count(*) from response_task group by state")
                .forEach(r -> perState.put((String) r[0], ((Number) r[1]).doubleValue()));
        List<MultiGauge.Row<?>> taskRows = new ArrayList<>();
        perState.forEach((state, n) -> taskRows.add(MultiGauge.Row.of(Tags.of("state", state), n)));
        tasks.register(taskRows, true);

        List<MultiGauge.Row<?>> alertRows = new ArrayList<>();
        rows("select coalesce(route, '(none)'), state, count(*) from alert group by coalesce(route, '(none)'), state")
                .forEach(r -> alertRows.add(MultiGauge.Row.of(Tags.of("route", (String) r[0], "state", (String) r[1]),
                        ((Number) r[2]).doubleValue())));
        alerts.register(alertRows, true);

        Instant oldest = database.inTransaction(h -> h.createQuery(
                        "select min(created_at) from response_task where state = 'NEW'")
                .mapTo(Instant.class).findOne().orElse(null));
        oldestOpenTaskAge.set(oldest == null ? 0.0
                : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0));
    }

    private List<Object[]> rows(String sql) {
        return database.inTransaction(h -> h.createQuery(sql).map((rs, ctx) -> {
            int n = rs.getMetaData().getColumnCount();
            Object[] row = new Object[n];
            for (int i = 0; i < n; i++) {
                row[i] = rs.getObject(i + 1);
            }
            return row;
        }).list());
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
