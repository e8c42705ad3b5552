package org.earshot.domain;

/** What the team already knows about a person, across channels, before this mention. */
public record CustomerHistory(int previousMentions, int previousComplaints, int previousReplies) {
    public static final CustomerHistory NONE = new CustomerHistory(0, 0, 0);
}
