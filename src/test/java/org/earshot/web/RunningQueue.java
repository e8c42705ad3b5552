package org.earshot.web;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.earshot.Wiring;
import org.earshot.alert.FollowUps;
import org.earshot.alert.RouteHealth;
import org.earshot.alert.ServiceLevelClock;
import org.earshot.config.BusinessHours;
import org.earshot.config.ReplyPolicy;
import org.earshot.config.ServiceLevels;
import org.earshot.config.StorageConfig;
import org.earshot.connector.ConnectorHealth;
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
import org.earshot.scoring.CurrentTeamCorrections;
import org.earshot.store.AuditLog;
import org.earshot.store.CorrectionStore;
import org.earshot.store.Database;
import org.earshot.store.MentionStore;
import org.earshot.store.OutboxStore;
import org.earshot.store.TaskStore;
import org.earshot.task.Approvals;
import org.earshot.task.BusinessClock;
import org.earshot.task.Corrections;
import org.earshot.task.TaskQueries;
import org.earshot.testing.MutableClock;

/** A real H2 database in a temp dir, tasks put in through the real stores, and the web server in front. */
final class RunningQueue implements AutoCloseable {
    static final String TOKEN = "test-token-5f2c9a";

    final Database db;
    final TaskQueries queries;
    final Approvals approvals;
    final Corrections corrections;
    final CurrentTeamCorrections teamCorrections = new CurrentTeamCorrections();
    final WebServer server;
    /** The team's accounts; tests sign in with them or use the service token. */
    final org.earshot.account.Accounts accounts;
    private final MentionStore mentions = new MentionStore();
    private final TaskStore tasks = new TaskStore();
    private final OutboxStore outbox = new OutboxStore();
    private int nextExternalId = 1;

    /** Mastodon's first response is due an hour after the mention is heard (the social default). */
    static final Duration FIRST_RESPONSE = ServiceLevels.SOCIAL_DEFAULT.firstResponse();
    static final Duration BREACH_WARNING = Duration.ofMinutes(30);

    /** The server's clock for service levels: fixed, so "due in 25 min" stays 25 minutes while a test runs. */
    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    RunningQueue(Path dir, List<ConnectorHealth> health) {
        this(dir, health, List.of());
    }

    RunningQueue(Path dir, List<ConnectorHealth> health, List<RouteHealth> alertRoutes) {
        db = Database.open(new StorageConfig("jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=FALSE", "sa", ""));
        AuditLog audit = new AuditLog();
        queries = new TaskQueries(db, tasks, audit);
        ReplyPolicy policy = new ReplyPolicy("calm", "Sam from Acme Support", Duration.ofHours(4),
                List.of(), List.of("refund"), Map.of());
        approvals = new Approvals(db, tasks, mentions, outbox, audit, new ReplyDrafter(policy, Wiring.CHANNELS), Clock.systemUTC());
        corrections = new Corrections(db, tasks, mentions, new CorrectionStore(), audit, teamCorrections,
                Clock.systemUTC());
        FollowUps followUps = new FollowUps(db, tasks, audit, Duration.ofMinutes(30), "http://127.0.0.1",
                alert -> true, Clock.systemUTC());
        ServiceLevelClock serviceLevels = new ServiceLevelClock(db, tasks, new ServiceLevels(Map.of()), Wiring.CHANNELS,
                new BusinessClock(BusinessHours.ALWAYS), BREACH_WARNING, "http://127.0.0.1", alert -> true, clock);
        server = new WebServer("127.0.0.1", 0, TOKEN, queries, approvals, corrections, followUps, () -> health,
                () -> alertRoutes, serviceLevels);
        // No connector is configured here: reading an item again says so and keeps it.
        org.earshot.intake.MentionIntake intake = new org.earshot.intake.MentionIntake(db, mentions, tasks,
                new org.earshot.store.CursorStore(), new org.earshot.store.HealthStore(),
                new org.earshot.task.Triage(new org.earshot.scoring.MentionScorer(), new ReplyDrafter(policy, Wiring.CHANNELS),
                        new ServiceLevels(Map.of())), Map.of(), clock);
        server.withQuarantine(new org.earshot.intake.Requeue(db, intake, Map.of(), clock));
        accounts = new org.earshot.account.Accounts(db, new org.earshot.store.AccountStore(),
                org.earshot.account.LoginThrottle.standard(db, clock), clock);
        server.withAccounts(accounts);
        server.withTeamWork(new org.earshot.task.TeamWork(db, new org.earshot.store.TeamStore(), audit, clock));
        server.withReports(new org.earshot.task.Reports(db, new org.earshot.store.ReportStore(), new ServiceLevels(Map.of()),
                Wiring.CHANNELS, new BusinessClock(BusinessHours.ALWAYS)));
        server.start();
    }

    /** An item a poll of connector "social" could not read, kept as the intake keeps it. */
    long quarantine(String externalId, String reason, String raw) {
        org.earshot.store.QuarantineStore store = new org.earshot.store.QuarantineStore();
        db.useTransaction(h -> store.hold(h, "social", org.earshot.domain.Platform.MASTODON, externalId,
                org.earshot.domain.QuarantinedItem.PayloadKind.RAW,
                raw.getBytes(java.nio.charset.StandardCharsets.UTF_8), false, reason, clock.instant()));
        return db.inTransaction(h -> store.open(h, 1).get(0).id());
    }

    /** Makes an account with a password of its own and answers the password. */
    String addAccount(String name, org.earshot.domain.Role role) {
        String password = name + "-password-1";
        accounts.add(name, role, password);
        return password;
    }

    /** A personal API token for a new account with this role. */
    String tokenFor(String name, org.earshot.domain.Role role) {
        addAccount(name, role);
        return accounts.addToken(name, "test").token();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A mention and its open task, as intake would store them. */
    record NewTask(String authorName, String text, double priority, UrgencyLevel urgencyLevel, String draft,
                   List<String> warnings, Duration dueIn) {
        NewTask(String authorName, String text, double priority) {
            this(authorName, text, priority, UrgencyLevel.NORMAL, "Hi, thanks for telling us. Sam is on it.",
                    List.of(), Duration.ofMinutes(25));
        }
    }

    long add(NewTask t) {
        return add(t, "en");
    }

    /** A task whose mention is in {@code language} (ISO 639-1). */
    long add(NewTask t, String language) {
        Instant now = clock.instant();
        // Heard so long ago that the first response falls due in dueIn, as the service-level clock counts it.
        Instant heard = now.plus(t.dueIn()).minus(FIRST_RESPONSE);
        String handle = "@" + t.authorName().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "")
                + "@social.example";
        IncomingMention m = new IncomingMention(Platform.MASTODON, "status-" + nextExternalId++,
                new Author(handle, t.authorName(), 12_400), t.text(), "", heard.minusSeconds(120),
                "https://social.example/@someone/1", Map.of("statusId", "1"));
        Score score = new Score(0.8, Sentiment.NEGATIVE, 0.7, t.urgencyLevel(), t.priority(),
                List.of("complaint: 'broken'", "audience 12k"));
        Draft draft = new Draft(Intent.COMPLAINT, t.draft(), List.of(t.draft()),
                t.warnings().stream().map(org.earshot.domain.Warning::fromLine).toList(), false);
        return db.inTransaction(c -> {
            long mentionId = mentions.insertIfNew(c, "mastodon-main", "Acme", m, heard).orElseThrow();
            return tasks.insert(c, mentionId, score, draft, now, now.plus(t.dueIn()),
                    mentions.historyBefore(c, m.platform(), m.author(), mentionId), language);
        });
    }

    long add(String authorName, String text, double priority) {
        return add(new NewTask(authorName, text, priority));
    }

    /** As if the task's approved reply promised to come back within a day. */
    void promiseFollowUp(long id) {
        db.useTransaction(c -> tasks.startFollowUp(c, id, Instant.now().plus(Duration.ofDays(1))));
    }

    /** Approved, then as if the outbox had tried it {@code attempts} times and stopped with {@code error}. */
    void blockReply(long id, String error, int attempts) {
        approvals.approve(id, null, "sam", false);
        // Whole milliseconds: the database keeps microseconds and may round a nanosecond time up past "now".
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        db.useTransaction(h -> {
            for (int i = 0; i < attempts; i++) {
                outbox.claim(h, id, now, now);
            }
            outbox.block(h, id, error, false, now);
            tasks.move(h, id, TaskState.APPROVED, TaskState.FAILED, now);
        });
    }

    ResponseTask task(long id) {
        return queries.get(id);
    }

    int outboxRows(long taskId) {
        return db.inTransaction(h -> h.createQuery("select count(*) from reply_outbox where task_id = :task")
                .bind("task", taskId).mapTo(Integer.class).one());
    }

    @Override
    public void close() {
        server.close();
        db.close();
    }
}
