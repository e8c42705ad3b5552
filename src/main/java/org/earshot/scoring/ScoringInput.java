package org.earshot.scoring;

import java.time.Instant;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Platform;

/** What the scorer looks at: the words, who wrote them, how far they reach, and the person's history. */
public record ScoringInput(Platform platform, String text, String subject, Author author, CustomerHistory history,
                           Instant createdAt, Instant now) {
}
