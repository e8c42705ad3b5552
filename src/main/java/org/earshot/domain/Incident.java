package org.earshot.domain;

import java.time.Instant;
import java.util.List;

/**
 * A burst of complaints about a brand, answered by one task with a holding statement: posted once, at top
 * level, on each channel the complaints came from. Kept up to date while the burst lasts.
 *
 * @param channels  the connectors the complaints came from, busiest first
 * @param platforms their platforms, in the same order
 */
public record Incident(String brand, Instant startedAt, Instant lastHeardAt, int mentions, List<String> channels,
                       List<Platform> platforms, String summary) {
    public Incident {
        channels = List.copyOf(channels);
        platforms = List.copyOf(platforms);
    }

    /** "mastodon-main, x-support" */
    public String channelList() {
        return String.join(", ", channels);
    }
}
