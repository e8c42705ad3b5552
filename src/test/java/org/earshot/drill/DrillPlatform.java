package org.earshot.drill;

import java.nio.file.Path;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A simulated platform for the kill -9 drill that keeps its own record of every post (reply, comment,
 * mail) it really made, made when the request arrives and before its answer is sent; some answers are
 * held open, so that the drill can kill the daemon while it waits for one.
 */
interface DrillPlatform extends AutoCloseable {

    /** A post the platform made: its id, the post or mail it answers, its text, and the key it came with, if any. */
    record Post(String id, String inReplyTo, String text, String idempotencyKey) {
    }

    enum Kind { MASTODON, X, REDDIT, BLUESKY, MAIL }

    static DrillPlatform open(Kind kind, RandomGenerator random, double heldShare, long heldMillis) {
        if (kind == Kind.MAIL) {
            return new TruthfulMailServer(random, heldShare, heldMillis);
        }
        return new TruthfulPlatform(kind, Path.of("wiremock", kind.name().toLowerCase(java.util.Locale.ROOT)), random,
                heldShare, heldMillis);
    }

    /** Forgets every post and request, for the next drill on a fresh database. */
    void reset();

    List<Post> posts();

    /** Requests to post (POSTs, SMTP transactions), the re-sends the platform absorbed included. */
    long postRequests();

    /** Waits up to {@code millis} for a post whose answer is being held open; false if none came. */
    boolean awaitHeldPost(long millis) throws InterruptedException;

    /** The {@code connectors:} entry (indented by two) that points the daemon at this platform as it is now. */
    String connectorYaml();

    /** What a reply to the mention with this Earshot id names as its parent on the platform. */
    default String parentIdOf(String mentionExternalId) {
        return mentionExternalId;
    }

    /** Whether a reply's later blocks answer the block before (a thread), not the mention (mail). */
    default boolean threadsBlocks() {
        return true;
    }

    @Override
    void close();
}
