package org.earshot.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
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

/** Tasks of any brand, platform, level and language, put in through the real stores as intake stores them. */
final class VariedTasks {
    record Spec(String brand, Platform platform, UrgencyLevel level, String language, String author, String text,
                double priority, Duration dueIn) {
        Spec(String brand, Platform platform, UrgencyLevel level, String language, String author, String text) {
            this(brand, platform, level, language, author, text, 50, Duration.ofHours(3));
        }
    }

    private final Database db;
    private final Instant now;
    private final MentionStore mentions = new MentionStore();
    private final TaskStore tasks = new TaskStore();
    private int next = 1;

    VariedTasks(Database db, Instant now) {
        this.db = db;
        this.now = now;
    }

    long add(Spec s) {
        return db.inTransaction(c -> insert(c, s));
    }

    /** Many tasks in one transaction, as a busy day leaves them; their ids in the order given. */
    List<Long> addAll(List<Spec> specs) {
        return db.inTransaction(c -> specs.stream().map(s -> insert(c, s)).toList());
    }

    private long insert(org.jdbi.v3.core.Handle c, Spec s) {
        Instant heard = now.minusSeconds(60);
        String handle = s.author().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        IncomingMention m = new IncomingMention(s.platform(), "varied-" + next++, new Author(handle, s.author(), 900),
                s.text(), "", heard.minusSeconds(60), "https://example.test/" + handle, Map.of("statusId", "1"), "",
                s.language());
        Score score = new Score(0.7, Sentiment.NEGATIVE, 0.6, s.level(), s.priority(), List.of("complaint"));
        Draft draft = new Draft(Intent.COMPLAINT, "Sorry to hear that, we are on it.",
                List.of("Sorry to hear that, we are on it."), List.of(), false);
        long mentionId = mentions.insertIfNew(c, s.platform().id() + "-main", s.brand(), m, heard).orElseThrow();
        return tasks.insert(c, mentionId, score, draft, now, now.plus(s.dueIn()), CustomerHistory.NONE);
    }
}
