package org.earshot.connector;

/**
 * Posts one block of an approved reply on the mention's own channel, threaded; where the platform
 * has a public timeline of the brand's own, also a post of the brand's own at top level (an
 * incident's holding statement).
 *
 * <p>Implementations never retry a post on their own: the outbox calls again with the same
 * idempotency key after a failure, and the publisher must make that repeat harmless (the
 * platform's Idempotency-Key header, or a check that the reply is already there).
 */
public interface ReplyPublisher {

    PostedReply publish(ReplyBlock block) throws ConnectorException;

    /** Whether {@link #postTopLevel} can post here; a mailbox, a feed or a forum without a home of its own cannot. */
    default boolean postsTopLevel() {
        return false;
    }

    /** Why {@link #postTopLevel} cannot post here, said to the person who approved a statement for this channel. */
    default String whyNoTopLevel() {
        return "it takes replies only, not a post of the brand's own";
    }

    /** Posts a new post of the brand's own, not a reply; made harmless to repeat the same way as {@link #publish}. */
    default PostedReply postTopLevel(TopLevelPost post) throws ConnectorException {
        throw ConnectorException.permanentFailure("this channel cannot post a statement of its own, only replies",
                null);
    }
}
