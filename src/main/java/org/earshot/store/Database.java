package org.earshot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import javax.sql.DataSource;
import org.earshot.config.StorageConfig;
import org.flywaydb.core.Flyway;
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

    public static Database open(StorageConfig storage) {
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
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
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
