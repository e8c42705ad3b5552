package org.earshot.connector;

/**
 * One item of a page cannot be read (no id, no author, a field of the wrong type, a date that is not
 * one): the item is kept in quarantine as an {@link UnreadableItem}, the rest of the page goes on.
 */
public final class MalformedItemException extends Exception {
    public MalformedItemException(String reason) {
        super(reason, null, false, false);
    }
}
