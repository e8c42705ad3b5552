package org.earshot.domain;

import java.time.Instant;

/**
 * A person's relabelling of a task's sentiment and/or urgency level.
 *
 * @param scorerSentiment    what the scorer said when the task was opened
 * @param sentiment          the person's label, or null when this correction left sentiment alone
 * @param urgencyLevel       the person's label, or null when this correction left urgency alone
 * @param mentionText        the text as the scorer read it: the subject line, then the body
 */
public record ScoreCorrection(
        long id,
        long taskId,
        long mentionId,
        Sentiment scorerSentiment,
        UrgencyLevel scorerUrgencyLevel,
        Sentiment sentiment,
        UrgencyLevel urgencyLevel,
        String actor,
        Instant at,
        String mentionText) {
}
