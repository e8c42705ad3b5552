package org.earshot.domain;

import java.time.Instant;
import java.util.List;

/**
 * Something a person should hear about. Raising the same {@code dedupKey} twice sends one message,
 * even across restarts.
 *
 * @param platform the platform concerned, or null (a digest, a spike across platforms)
 * @param level    the urgency level concerned, or null; CRITICAL always goes through quiet hours
 * @param text     plain text (escaped for Slack when sent)
 * @param facts    short "label: value" lines shown under the text (scores, reasons, due times)
 * @param link     the task or queue URL, or empty
 * @param taskId   the task concerned, or null
 */
public record Alert(
        AlertKind kind,
        String dedupKey,
        String brand,
        Platform platform,
        UrgencyLevel level,
        String title,
        String text,
        List<String> facts,
        String link,
        Long taskId,
        Instant raisedAt) {

    public Alert {
        facts = List.copyOf(facts);
        link = link == null ? "" : link;
    }
}
