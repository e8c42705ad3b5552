package org.earshot.scoring;

import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Engagement;

/**
 * What is known about a mention besides its words: who wrote it and to how many people, how far the
 * post has spread, what the person complained about before, and how long it has waited.
 */
record Signals(Author author, CustomerHistory history, Engagement engagement, double hoursWaited) {
    /** Reposts carry a post furthest, replies keep it alive, likes show it was seen. */
    double shares() {
        return engagement.reposts() + engagement.replies() / 2.0 + engagement.likes() / 10.0;
    }

    /** "1.2k reposts, 3.4k likes": reposts first, then the bigger of likes and replies. */
    String spread() {
        long reposts = engagement.reposts();
        boolean likesMore = engagement.likes() >= engagement.replies();
        long other = likesMore ? engagement.likes() : engagement.replies();
        String otherName = likesMore ? (other == 1 ? " like" : " likes") : (other == 1 ? " reply" : " replies");
        if (reposts == 0) {
            return Audience.count(other) + otherName;
        }
        String first = Audience.count(reposts) + (reposts == 1 ? " repost" : " reposts");
        return other == 0 ? first : first + ", " + Audience.count(other) + otherName;
    }
}
