package org.earshot.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.earshot.config.EarshotConfig;
import org.earshot.config.StorageConfig;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server of the clustered-mode tests, given as {@code EARSHOT_TEST_POSTGRES_URL}
 * (`.ci/postgres` starts one and prints it). Without it those tests are skipped, except in CI, which
 * sets {@code EARSHOT_REQUIRE_POSTGRES} so that a missing server fails instead.
 */
public final class TestPostgres {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private TestPostgres() {
    }

    /** A new, empty schema on the test server, as the storage of a config; skips the test without a server. */
    public static StorageConfig freshSchema() {
        String url = System.getenv("EARSHOT_TEST_POSTGRES_URL");
        if (url == null && System.getenv("EARSHOT_REQUIRE_POSTGRES") != null) {
            throw new IllegalStateException("EARSHOT_REQUIRE_POSTGRES is set but EARSHOT_TEST_POSTGRES_URL is not:"
                    + " start a server with eval \"$(.ci/postgres)\"");
        }
        Assumptions.assumeTrue(url != null, "skipped: the clustered-mode tests need PostgreSQL;"
                + " run eval \"$(.ci/postgres)\" first to start one and set EARSHOT_TEST_POSTGRES_URL");
        String schema = "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
            s.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the test PostgreSQL at " + url + ": " + e.getMessage(), e);
        }
        return new StorageConfig(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, null, null);
    }

    /** {@code config} with its storage on {@code storage}. */
    public static EarshotConfig on(StorageConfig storage, EarshotConfig config) {
        return new EarshotConfig(config.file(), storage, config.web(), config.brands(), config.connectors(),
                config.serviceLevels(), config.slack(), config.policy(), config.alerts());
    }
}
