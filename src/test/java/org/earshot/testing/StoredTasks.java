package org.earshot.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.earshot.domain.Author;
import org.earshot.domain.Draft;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Intent;
import org.earshot.domain.Platform;
import org.earshot.domain.Score;
import org.earshot.domain.Sentiment;
import org.earshot.domain.UrgencyLevel;
import org.earshot.store.Database;
import org.earshot.store.MentionStore;
import org.earshot.store.TaskStore;

/** Puts mentions and their tasks straight into the stores, at the times a test chooses. */
public final class StoredTasks {
    private final Database db;
    private final MentionStore mentions = new MentionStore();
    private final TaskStore tasks = new TaskStore();
    private int next;

    public StoredTasks(Database db) {
        this.db = db;
    }

    /** A mention heard at {@code at} and its open task, due at {@code at} (the clocks under test decide their own times). */
    public long task(String brand, Platform platform, Sentiment sentiment, UrgencyLevel level, Instant at,
                     List<String> reasons, boolean followUp) {
        String id = "m-" + (++next);
        IncomingMention incoming = new IncomingMention(platform, id, new Author("@dana", "Dana Reyes", 1200),
                "my bag never arrived " + id, "", at, "https://example.test/" + id, Map.of());
        return db.inTransaction(c -> {
            long mentionId = mentions.insertIfNew(c, "social", brand, incoming, at).getAsLong();
            Score score = new Score(sentiment == Sentiment.NEGATIVE ? 0.8 : 0.1, sentiment,
                    level == UrgencyLevel.CRITICAL ? 0.9 : 0.3, level, 1.0, reasons);
            Draft draft = new Draft(Intent.COMPLAINT, "Hi Dana, sorry about that.", List.of("Hi Dana, sorry about that."),
                    List.of(), followUp);
            return tasks.insert(c, mentionId, score, draft, at, at);
        });
    }

    public long task(Platform platform, UrgencyLevel level, Instant at) {
        return task("acme", platform, Sentiment.NEGATIVE, level, at, List.of("delay"), false);
    }

    public long mentionOnly(String brand, Sentiment sentiment, Instant at) {
        return task(brand, Platform.MASTODON, sentiment, UrgencyLevel.NORMAL, at, List.of(), false);
    }
}
