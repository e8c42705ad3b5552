package org.earshot.store;

import java.sql.SQLException;

/** The database refused or failed; the message carries the database's own words. */
public class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super("database: " + cause.getMessage(), cause);
    }
}
