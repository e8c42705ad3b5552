package org.earshot.reply;

import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Platform;
import org.earshot.domain.Score;

/**
 * What the drafter answers: the mention, its scores, and the person's history; {@code press} when a
 * journalist wrote it (a news feed's article), so that the press office answers.
 */
public record DraftInput(Platform platform, Author author, String text, String subject, Score score,
                         CustomerHistory history, boolean press) {
    public DraftInput(Platform platform, Author author, String text, String subject, Score score,
                      CustomerHistory history) {
        this(platform, author, text, subject, score, history, false);
    }
}
