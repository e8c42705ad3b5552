package org.earshot.store;

import java.sql.SQLException;

/**
 * The database refused or failed. The message carries the database's own words, and the cause is the
 * driver's {@link SQLException} when there is one, so that a caller can tell a unique key by its state.
 */
public class StoreException extends RuntimeException {
    StoreException(String message) {
        super("database: " + message);
    }

    StoreException(RuntimeException failure) {
        this(failure, sqlCause(failure));
    }

    private StoreException(RuntimeException failure, SQLException sql) {
        super("database: " + (sql == null ? failure.getMessage() : sql.getMessage()), sql == null ? failure : sql);
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
