package org.earshot.connector;

import java.time.Duration;
import org.earshot.domain.Platform;

/**
 * One configured account on one platform: how to read it, how to answer on it, how often to poll.
 *
 * @param id    the key under {@code connectors:} in the config; also the cursor's and health's name
 * @param brand the brand whose mentions this account receives
 */
public record Connector(String id, Platform platform, String brand, java.time.Duration schedule,
                        MentionSource source, ReplyPublisher publisher) {
    public Connector {
        if (schedule.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("schedule must be at least 1s, but was " + schedule);
        }
    }
}
