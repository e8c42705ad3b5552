package org.earshot.reply;

import java.time.Duration;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Platform;
import org.earshot.domain.Score;
import org.earshot.reading.MentionReading;

/**
 * What the drafter answers: the mention, its scores, and the person's history; {@code press} when a
 * journalist wrote it (a news feed's article), so that the press office answers. {@code reading} is
 * the mention as scoring read it (its lexicon analysis, language, embedding), or null: then the
 * drafter reads the text itself. {@code timeLeft} is what is left of the task's service level when it is
 * drafted (zero or negative when it has run out), or null when no task's clock runs: the hear-back
 * time is never promised past it.
 */
public record DraftInput(Platform platform, Author author, String text, String subject, Score score,
                         CustomerHistory history, boolean press, MentionReading reading, Duration timeLeft) {
    public DraftInput(Platform platform, Author author, String text, String subject, Score score,
                      CustomerHistory history, boolean press, MentionReading reading) {
        this(platform, author, text, subject, score, history, press, reading, null);
    }

    /** The same input, drafted with {@code left} of the service level to go. */
    public DraftInput withTimeLeft(Duration left) {
        return new DraftInput(platform, author, text, subject, score, history, press, reading, left);
    }

    /** The mention's language (ISO 639-1) as the reading detected it, or null when it was not read. */
    public String language() {
        return reading == null ? null : reading.language();
    }

    public DraftInput(Platform platform, Author author, String text, String subject, Score score,
                      CustomerHistory history, boolean press) {
        this(platform, author, text, subject, score, history, press, null);
    }

    public DraftInput(Platform platform, Author author, String text, String subject, Score score,
                      CustomerHistory history) {
        this(platform, author, text, subject, score, history, false);
    }
}
