package org.earshot.domain;

import java.time.Instant;

/**
 * One mention's way to a reply: its scores, its draft, and what people decided. When people
 * relabelled it, {@code score} holds their labels and {@code correction} says who and what the scorer said.
 * An incident's task answers a burst of complaints instead of one mention: its {@code mention} is null and
 * {@code incident} says what the burst is; every other task has a mention and no incident.
 * {@code language} is the mention's, ISO 639-1 ("en"), or null for a task opened before languages were read.
 */
public record ResponseTask(
        long id,
        Mention mention,
        TaskState state,
        Score score,
        Draft draft,
        Decision decision,
        Delivery delivery,
        Instant createdAt,
        Instant dueAt,
        Correction correction,
        CustomerHistory customer,
        Incident incident,
        String language,
        Handling handling) {

    public boolean isIncident() {
        return incident != null;
    }

    /** The brand the task is for, whether it answers a mention or an incident. */
    public String brand() {
        return isIncident() ? incident.brand() : mention.brand();
    }

    /** The platform the task answers on: the mention's, or the incident's busiest channel's. */
    public Platform platform() {
        return isIncident() ? incident.platforms().get(0) : mention.platform();
    }

    /**
     * How the team handles it: who it is assigned to (null for nobody), until when it is snoozed (null for
     * not), and its version: when it last changed, which an approval may name to refuse a task that changed
     * since it was opened.
     */
    public record Handling(String assignee, Instant snoozedUntil, Instant version) {
        public static final Handling NONE = new Handling(null, null, null);
    }

    /** Who approved or rejected, when, and the exact approved text or the reason. */
    public record Decision(String actor, Instant at, String approvedText, String rejectReason) {
        public static final Decision NONE = new Decision(null, null, null, null);
    }

    /**
     * How posting went: attempts, the last error, and the platform's id for the posted reply.
     * {@code blocked} means the outbox stopped trying (the platform refused it for good, or the
     * attempts ran out) until a person retries it.
     */
    public record Delivery(int attempts, String lastError, String postedReplyId, Instant postedAt, boolean blocked) {
        public static final Delivery NONE = new Delivery(0, null, null, null, false);
    }

    /**
     * What people changed in the scores: the labels they set (null where nobody did), the scorer's own
     * labels, and who corrected last and when.
     */
    public record Correction(Sentiment sentiment, UrgencyLevel urgencyLevel, Sentiment scorerSentiment,
                             UrgencyLevel scorerUrgencyLevel, String actor, Instant at) {
        public static final Correction NONE = new Correction(null, null, null, null, null, null);

        public boolean any() {
            return actor != null;
        }
    }
}
