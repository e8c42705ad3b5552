package org.earshot.scoring;

import java.time.Instant;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Engagement;
import org.earshot.domain.Platform;

/**
 * What the scorer looks at: the words, who wrote them, how far they reach (the author's audience and
 * the post's own spread), the person's history, and how long the mention has waited.
 */
public record ScoringInput(Platform platform, String text, String subject, Author author, CustomerHistory history,
                           Instant createdAt, Instant now, Engagement engagement) {

    public ScoringInput {
        engagement = engagement == null ? Engagement.NONE : engagement;
    }

    /** A mention whose spread is unknown. */
    public ScoringInput(Platform platform, String text, String subject, Author author, CustomerHistory history,
                        Instant createdAt, Instant now) {
        this(platform, text, subject, author, history, createdAt, now, Engagement.NONE);
    }
}
