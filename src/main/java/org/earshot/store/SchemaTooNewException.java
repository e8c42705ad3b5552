package org.earshot.store;

/**
 * The database was migrated by a newer Earshot than this one: its schema has versions this jar does not
 * know, so this jar could misread or damage what the newer one wrote. It refuses to start.
 */
public final class SchemaTooNewException extends RuntimeException {
    public SchemaTooNewException(String message) {
        super(message);
    }
}
