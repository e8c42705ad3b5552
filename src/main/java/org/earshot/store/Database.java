package org.earshot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import javax.sql.DataSource;
import org.earshot.config.StorageConfig;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The database: a pool, the schema brought up to date by numbered migrations, and transactions. The
 * stores take the transaction's {@link org.jdbi.v3.core.Handle}, so that what one piece of work writes
 * commits or rolls back together.
 */
public final class Database implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Database.class);
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean shared;

    private Database(HikariDataSource dataSource, boolean shared) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        Timestamps.register(jdbi);
        PlatformColumns.register(jdbi);
        this.shared = shared;
    }

    /** How long {@link #open} waits for an H2 file another process holds, and how often it tries again. */
    static final java.time.Duration LOCK_WAIT = java.time.Duration.ofMinutes(10);
    static final java.time.Duration LOCK_RETRY = java.time.Duration.ofSeconds(2);

    public static Database open(StorageConfig storage) {
        return open(storage, LOCK_WAIT, LOCK_RETRY, waiting -> { });
    }

    /**
     * As {@link #open(StorageConfig)}, telling {@code whileWaiting} why the start waits (each try while
     * another process holds the H2 file), so that the daemon's health can say so before the database is open.
     */
    public static Database open(StorageConfig storage, java.util.function.Consumer<String> whileWaiting) {
        return open(storage, LOCK_WAIT, LOCK_RETRY, whileWaiting);
    }

    static Database open(StorageConfig storage, java.time.Duration wait, java.time.Duration retry) {
        return open(storage, wait, retry, waiting -> { });
    }

    /**
     * Opens the database; an H2 file that another process holds (another Earshot, a console left open)
     * is waited for: one line on the log says so and every half minute again, without a stack trace,
     * and the start carries on once the file is free. After {@code wait} it gives up with that same message.
     */
    static Database open(StorageConfig storage, java.time.Duration wait, java.time.Duration retry,
                         java.util.function.Consumer<String> whileWaiting) {
        long started = System.nanoTime();
        long giveUp = System.nanoTime() + wait.toNanos();
        long nextSay = 0;
        while (true) {
            try {
                return openOnce(storage);
            } catch (RuntimeException e) {
                if (!heldByAnotherProcess(e)) {
                    throw e;
                }
                String message = "the H2 database " + storage.jdbcUrl() + " is in use by another process (another"
                        + " Earshot or an H2 console on the same file)";
                if (System.nanoTime() > giveUp) {
                    throw new StoreException(message + "; waited " + wait.toSeconds() + " s for it, giving up. Stop"
                            + " that process, or give this one a storage.dataDir of its own.");
                }
                whileWaiting.accept(message + ": waiting for it to be released (for "
                        + java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)
                        + " s so far, at most " + wait.toSeconds() + " s)");
                if (System.nanoTime() >= nextSay) {
                    LOG.warn("{}: waiting for it to be released, trying again every {} s (at most {} s)", message,
                            retry.toSeconds(), wait.toSeconds());
                    nextSay = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
                }
                try {
                    Thread.sleep(retry.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new StoreException(message + "; interrupted while waiting for it");
                }
            }
        }
    }

    /** H2's "Database may be already in use" (90020), anywhere in the causes. */
    static boolean heldByAnotherProcess(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getErrorCode() == 90020) {
                return true;
            }
        }
        return false;
    }

    private static Database openOnce(StorageConfig storage) {
        FreshH2File.of(storage.jdbcUrl()).ifPresent(fresh -> {
            fresh.discardLeftovers();
            // Closing the pool closes its last connection, and H2 closes the file with it.
            migrated(new StorageConfig(fresh.jdbcUrl(), storage.user(), storage.password())).close();
            fresh.moveIntoPlace();
        });
        return migrated(storage);
    }

    private static Database migrated(StorageConfig storage) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(durableCommits(storage.jdbcUrl()));
        // Blank means "as the URL says" (jdbc:postgresql://host/db?user=...), not an empty user name.
        if (storage.user() != null && !storage.user().isBlank()) {
            hikari.setUsername(storage.user());
            hikari.setPassword(storage.password());
        }
        hikari.setMaximumPoolSize(8);
        hikari.setPoolName("earshot");
        HikariDataSource ds = new HikariDataSource(hikari);
        boolean shared = storage.jdbcUrl().startsWith("jdbc:postgresql:");
        try {
            Flyway flyway = Flyway.configure().dataSource(ds)
                    .locations("classpath:db/migration", "classpath:org/earshot/store/migration")
                    // Versions were handed out to parallel branches, so a database already at a later one
                    // must still take a lower one merged after it.
                    .outOfOrder(true).load();
            refuseNewerSchema(flyway, storage.jdbcUrl());
            flyway.migrate();
            if (shared) {
                // Quartz's own tables, in a history of their own, after Earshot's: the baseline lets a
                // database that ran Earshot before clustering existed take them too.
                Flyway.configure().dataSource(ds).locations("classpath:db/quartz/postgresql")
                        .table("quartz_schema_history").baselineOnMigrate(true).baselineVersion("0").load().migrate();
            }
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, shared);
    }

    /**
     * Flyway by default ignores applied migrations it does not know ("future" ones) and goes on: a jar
     * started on a database a newer Earshot has migrated would then read a schema it was not written for.
     */
    private static void refuseNewerSchema(Flyway flyway, String jdbcUrl) {
        List<String> unknown = java.util.Arrays.stream(flyway.info().all())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .map(m -> m.getVersion().getVersion()).toList();
        if (unknown.isEmpty()) {
            return;
        }
        MigrationInfo known = flyway.info().current();
        String newest = java.util.Arrays.stream(flyway.info().all()).filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS
                        && m.getState() != MigrationState.FUTURE_FAILED).reduce((a, b) -> b)
                .map(m -> m.getVersion().getVersion()).orElse(known == null ? "none" : known.getVersion().getVersion());
        throw new SchemaTooNewException("the database " + jdbcUrl.replaceAll("(?i)(password=)[^;&]*", "$1…")
                + " has schema version " + unknown.get(unknown.size() - 1) + ", newer than this Earshot knows (up to "
                + newest + "): a newer Earshot migrated it. Start that version (or newer), or restore a backup"
                + " taken before the upgrade; this one will not touch it.");
    }

    /**
     * Copies the H2 database, online, into a zip ({@code BACKUP TO}); restore by unzipping it in place of
     * the data folder's {@code earshot.mv.db} while Earshot is stopped. PostgreSQL has {@code pg_dump}.
     */
    public void backupTo(java.nio.file.Path zip) {
        if (shared) {
            throw new IllegalArgumentException("this is PostgreSQL: back it up with pg_dump (see the README)");
        }
        useTransaction(h -> h.execute("BACKUP TO '" + zip.toAbsolutePath().toString().replace("'", "''") + "'"));
    }

    /**
     * An H2 file database with {@code WRITE_DELAY=0}, unless the URL sets it already. H2's MVStore
     * otherwise hands committed data to the operating system in the background, up to a second after
     * the commit returned: a kill -9 in that second lost approvals the API had answered 200. With no
     * delay each commit writes its pages to the file before it returns, which survives the process
     * dying; it does not force them to the disk (no fsync), so a power loss can still take the last
     * commits. PostgreSQL's commit is durable as it stands, and an in-memory H2 has nothing to keep.
     */
    static String durableCommits(String jdbcUrl) {
        boolean file = jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:h2:mem:")
                && !jdbcUrl.startsWith("jdbc:h2:tcp:") && !jdbcUrl.startsWith("jdbc:h2:ssl:");
        if (!file || jdbcUrl.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=")) {
            return jdbcUrl;
        }
        return jdbcUrl + ";WRITE_DELAY=0";
    }

    /**
     * Whether several nodes can share this database: PostgreSQL, where Quartz keeps the schedule so
     * that the nodes of a cluster take turns. H2 is one node's file.
     */
    public boolean shared() {
        return shared;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Work with a result, in one transaction: it commits when the work returns, else rolls back. */
    public <T> T inTransaction(HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.inTransaction(work);
        } catch (JdbiException e) {
            throw new StoreException(e);
        }
    }

    /** Work without a result, in one transaction: it commits when the work returns, else rolls back. */
    public void useTransaction(HandleConsumer<RuntimeException> work) {
        try {
            jdbi.useTransaction(work);
        } catch (JdbiException e) {
            throw new StoreException(e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
