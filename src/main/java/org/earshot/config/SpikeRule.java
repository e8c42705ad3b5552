package org.earshot.config;

import java.time.Duration;

/**
 * A spike: more negative mentions of a brand in the last {@code window} than the mean plus
 * {@code sigmas} standard deviations of the same window over the {@code baseline} before, and at least
 * {@code minimumVolume} of them.
 */
public record SpikeRule(Duration window, Duration baseline, double sigmas, int minimumVolume) {
    public static final SpikeRule DEFAULT = new SpikeRule(Duration.ofHours(1), Duration.ofDays(14), 3.0, 10);
}
