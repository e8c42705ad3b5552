package org.earshot.reply;

import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Platform;
import org.earshot.domain.Score;

/**
 * What the drafter answers: the mention, its scores, and the person's history; {@code press} when a
 * journalist wrote it (a news feed's article), so that the press office answers; {@code language} the
 * mention's ISO 639-1 code when the reading of the mention knows it (null: the drafter guesses).
 */
public record DraftInput(Platform platform, Author author, String text, String subject, Score score,
                         CustomerHistory history, boolean press, String language) {
    public DraftInput(Platform platform, Author author, String text, String subject, Score score,
                      CustomerHistory history, boolean press) {
        this(platform, author, text, subject, score, history, press, null);
    }

    public DraftInput(Platform platform, Author author, String text, String subject, Score score,
                      CustomerHistory history) {
        this(platform, author, text, subject, score, history, false);
    }
}
