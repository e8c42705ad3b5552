package org.earshot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.earshot.config.StorageConfig;
import org.flywaydb.core.Flyway;

/** The database: a pool, the schema brought up to date by numbered migrations, and transactions. */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final boolean shared;

    private Database(HikariDataSource dataSource, boolean shared) {
        this.dataSource = dataSource;
        this.shared = shared;
    }

    public static Database open(StorageConfig storage) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(storage.jdbcUrl());
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
     * Whether several nodes can share this database: PostgreSQL, where Quartz keeps the schedule so
     * that the nodes of a cluster take turns. H2 is one node's file.
     */
    public boolean shared() {
        return shared;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Work that runs inside one transaction; it commits when the work returns, else rolls back. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    public <T> T inTransaction(TransactionWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
