package org.earshot.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.earshot.connector.ConnectorHealth;
import org.earshot.alert.FollowUps;
import org.earshot.alert.RouteHealth;
import org.earshot.alert.ServiceLevelClock;
import org.earshot.task.Approvals;
import org.earshot.task.Corrections;
import org.earshot.task.TaskQueries;

/**
 * The web queue and its REST API on the JDK's own HTTP server: {@code /} serves the page,
 * {@code /api/} the API. A few threads are plenty for a team's queue.
 */
public final class WebServer implements AutoCloseable {
    private static final int THREADS = 4;

    static {
        // The JDK's server writes an answer's headers and body apart; with Nagle's algorithm on, a client that
        // delays its ACK holds every small answer about 40 ms (the task list's and a static page's floor).
        // Read once, when the JDK's server first starts; a value set on the command line is kept.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final TaskApi api;
    private final Authentication authentication;

    /**
     * Binds the port at once (0 picks a free one, see {@link #port()}); serves after {@link #start()}.
     *
     * @param apiToken the service token: an admin for scripts, sent as a bearer token; must not be blank
     * @param health   the connectors' health as of now, asked on every {@code GET /api/health}
     */
    public WebServer(String host, int port, String apiToken, TaskQueries queries, Approvals approvals,
                     Corrections corrections, FollowUps followUps, Supplier<List<ConnectorHealth>> health) {
        this(host, port, apiToken, queries, approvals, corrections, followUps, health, List::of, null);
    }

    /**
     * @param alertRoutes   each alert route's health, shown next to the connectors' on {@code GET /api/health}
     * @param serviceLevels where each task stands against its service level, shown on every task; null for none
     */
    public WebServer(String host, int port, String apiToken, TaskQueries queries, Approvals approvals,
                     Corrections corrections, FollowUps followUps, Supplier<List<ConnectorHealth>> health,
                     Supplier<List<RouteHealth>> alertRoutes, ServiceLevelClock serviceLevels) {
        this.authentication = new Authentication(new BearerToken(apiToken));
        StaticFiles page = new StaticFiles();
        try {
            this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + " for the web queue: "
                    + e.getMessage(), e);
        }
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "earshot-web-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        this.api = new TaskApi(authentication, queries, approvals, corrections, followUps, health, alertRoutes, serviceLevels);
        server.createContext("/api/", api);
        SessionApi sessions = new SessionApi(authentication);
        server.createContext("/api/login", sessions);
        server.createContext("/api/logout", sessions);
        server.createContext("/api/session", sessions);
        server.createContext("/", page);
    }

    /** Serves {@code /api/quarantine} (see {@link QuarantineApi}); call before {@link #start()}. */
    public WebServer withQuarantine(org.earshot.intake.Requeue requeue) {
        api.serveQuarantine(new QuarantineApi(requeue));
        return this;
    }

    /** Serves {@code /health}, {@code /health/live}, {@code /health/ready} and {@code /metrics} (see {@link OperationsEndpoints}). */
    public WebServer withOperations(Supplier<List<ReadinessCheck>> readiness, Supplier<String> metrics) {
        OperationsEndpoints ops = new OperationsEndpoints(readiness, metrics);
        server.createContext("/health", ops.health());
        server.createContext("/metrics", ops.metrics());
        return this;
    }

    /**
     * Lets the team sign in with their accounts (the page's login, sessions, personal tokens) besides
     * the configured token, which stays an admin service token for scripts; call before {@link #start()}.
     */
    public WebServer withAccounts(org.earshot.account.Accounts accounts) {
        authentication.useAccounts(accounts);
        return this;
    }

    /** Serves assignment, snoozing, notes, presence and bulk actions (see {@link TeamApi}); call before {@link #start()}. */
    public WebServer withTeamWork(org.earshot.task.TeamWork work) {
        api.serveTeamWork(work);
        return this;
    }

    /** Serves {@code /api/reports} and their CSV (see {@link ReportsApi}); call before {@link #start()}. */
    public WebServer withReports(org.earshot.task.Reports reports) {
        api.serveReports(reports);
        return this;
    }

    public void start() {
        server.start();
    }

    /** The port the server listens on: the real one when 0 was asked for. */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Lets requests already running finish (for up to a second), then closes the port. The JDK 17
     * server's own {@code stop(delay)} always waits the whole delay, so the draining happens here.
     */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
