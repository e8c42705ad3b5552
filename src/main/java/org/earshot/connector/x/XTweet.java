package org.earshot.connector.x;

import java.time.Instant;
import java.util.Optional;

/**
 * One post as either API reports it, before it becomes a mention.
 *
 * @param conversationId the root of the post's conversation (v2 only; v1.1 does not say)
 * @param inReplyToId    the post it answers, if any
 * @param quotedId       the post it quotes, if any
 * @param retweetedId    the post it reposts, if any
 * @param replies        replies so far, or -1 when the API does not say (v1.1)
 */
record XTweet(
        String id,
        String text,
        Instant createdAt,
        String authorId,
        Optional<String> username,
        String authorName,
        long followers,
        Optional<String> conversationId,
        Optional<String> inReplyToId,
        Optional<String> quotedId,
        Optional<String> retweetedId,
        long likes,
        long reposts,
        long replies,
        long quotes,
        String lang) {
}
