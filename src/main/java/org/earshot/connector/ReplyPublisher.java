package org.earshot.connector;

/**
 * Posts one block of an approved reply on the mention's own channel, threaded.
 *
 * <p>Implementations never retry a post on their own: the outbox calls again with the same
 * idempotency key after a failure, and the publisher must make that repeat harmless (the
 * platform's Idempotency-Key header, or a check that the reply is already there).
 */
public interface ReplyPublisher {

    PostedReply publish(ReplyBlock block) throws ConnectorException;
}
