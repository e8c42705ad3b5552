package org.earshot.config;

import java.time.Duration;

/** How soon a channel's customers get a first answer, and how soon their problem is solved. */
public record ServiceLevel(Duration firstResponse, Duration resolution) {
}
