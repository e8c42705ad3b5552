package org.earshot.connector;

/**
 * A platform could not be read or written. {@code permanent} means trying again will not help
 * (bad credentials, a deleted post, a locked thread); otherwise the schedule tries again later.
 */
public class ConnectorException extends Exception {
    private final boolean permanent;

    public ConnectorException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public static ConnectorException transientFailure(String message, Throwable cause) {
        return new ConnectorException(message, false, cause);
    }

    public static ConnectorException permanentFailure(String message, Throwable cause) {
        return new ConnectorException(message, true, cause);
    }

    public boolean isPermanent() {
        return permanent;
    }
}
