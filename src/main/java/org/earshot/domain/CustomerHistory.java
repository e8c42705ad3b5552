package org.earshot.domain;

import java.util.List;

/**
 * What the team already knows about a person, across channels, before this mention: how often they
 * wrote, how often they complained, how often they were answered, and on which platforms.
 */
public record CustomerHistory(int previousMentions, int previousComplaints, int previousReplies,
                              List<Platform> channels) {
    public static final CustomerHistory NONE = new CustomerHistory(0, 0, 0);

    public CustomerHistory {
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    /** Counts without the platforms, as the score filter's input gives them. */
    public CustomerHistory(int previousMentions, int previousComplaints, int previousReplies) {
        this(previousMentions, previousComplaints, previousReplies, List.of());
    }
}
