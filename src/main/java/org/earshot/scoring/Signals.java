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

    /** "1.2k reposts, 3.4k likes": the two biggest counts, for a reason. */
    String spread() {
        long[] counts = {engagement.reposts(), engagement.likes(), engagement.replies()};
        String[][] names = {{"repost", "reposts"}, {"like", "likes"}, {"reply", "replies"}};
        StringBuilder b = new StringBuilder();
        for (int shown = 0; shown < 2; shown++) {
            int best = -1;
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] > 0 && (best < 0 || counts[k] > counts[best])) {
                    best = k;
                }
            }
            if (best < 0) {
                break;
            }
            b.append(shown == 0 ? "" : ", ").append(Audience.count(counts[best])).append(' ')
                    .append(names[best][counts[best] == 1 ? 0 : 1]);
            counts[best] = 0;
        }
        return b.toString();
    }
}
