package org.earshot.connector;

import org.earshot.domain.Mention;

/**
 * One block of a reply to post.
 *
 * @param inReplyToId    the platform id to thread under: the mention's own id for the first block,
 *                       the previous block's id after that
 * @param index          0-based position of this block in the reply
 * @param idempotencyKey the same on every attempt to post this block, different for every block
 */
public record ReplyBlock(Mention mention, String text, String inReplyToId, int index, int count, String idempotencyKey) {
}
