package org.earshot.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A burst of complaints about a brand, answered by one task with a holding statement: posted once, at top
 * level, on each channel the complaints came from. Kept up to date while the burst lasts.
 *
 * @param channels  the connectors the complaints came from, busiest first
 * @param platforms their platforms, in the same order
 * @param notPosted the channels the statement was not posted on, each with why (a feed is read-only); a
 *                  channel neither here nor among the posts still gets the statement once it is approved
 */
public record Incident(String brand, Instant startedAt, Instant lastHeardAt, int mentions, List<String> channels,
                       List<Platform> platforms, String summary, Map<String, String> notPosted) {
    public Incident {
        channels = List.copyOf(channels);
        platforms = List.copyOf(platforms);
        notPosted = notPosted == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(notPosted));
    }

    /** A burst whose statement was not yet left out of any channel. */
    public Incident(String brand, Instant startedAt, Instant lastHeardAt, int mentions, List<String> channels,
                    List<Platform> platforms, String summary) {
        this(brand, startedAt, lastHeardAt, mentions, channels, platforms, summary, Map.of());
    }

    /** "mastodon-main, x-support" */
    public String channelList() {
        return String.join(", ", channels);
    }
}
