package org.earshot.alert;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.earshot.domain.Alert;
import org.earshot.domain.AlertKind;
import org.earshot.domain.Mention;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.UrgencyLevel;
import org.earshot.store.Database;
import org.earshot.store.TaskStore;

/**
 * Raises a NEW_MENTION alert for each new CRITICAL or HIGH task: who wrote, where, what, the scores
 * and why, when the answer is due, and a link to the task. Called after a poll's transaction
 * committed; the sweep over recent tasks catches what a crash between commit and raise missed, and
 * the sink's dedup key ({@code new_mention:task-<id>}) keeps both from alerting twice.
 */
public final class MentionAlerts {
    private final Database db;
    private final TaskStore tasks;
    private final AlertSink sink;
    private final String queueUrl;
    private final Clock clock;

    public MentionAlerts(Database db, TaskStore tasks, AlertSink sink, String queueUrl, Clock clock) {
        this.db = db;
        this.tasks = tasks;
        this.sink = sink;
        this.queueUrl = queueUrl.endsWith("/") ? queueUrl.substring(0, queueUrl.length() - 1) : queueUrl;
        this.clock = clock;
    }

    /** @return how many alerts were new */
    public int raiseFor(List<Long> newTaskIds) {
        if (newTaskIds.isEmpty()) {
            return 0;
        }
        List<ResponseTask> found = db.inTransaction(c -> {
            List<ResponseTask> out = new ArrayList<>();
            for (long id : newTaskIds) {
                tasks.find(c, id).ifPresent(out::add);
            }
            return out;
        });
        return raise(found);
    }

    /** Raises what tasks opened within {@code lookback} should have raised; repeats are ignored by the sink. */
    public int sweep(Duration lookback) {
        return raise(db.inTransaction(c -> tasks.createdSince(c, clock.instant().minus(lookback))));
    }

    private int raise(List<ResponseTask> found) {
        int raised = 0;
        for (ResponseTask t : found) {
            if (alerts(t.score().urgencyLevel()) && t.state().isOpen() && !isOwn(t) && sink.raise(alertFor(t))) {
                raised++;
            }
        }
        return raised;
    }

    /** Earshot's own incident tasks raise their SPIKE alert instead. */
    private static boolean isOwn(ResponseTask t) {
        return t.isIncident();
    }

    private static boolean alerts(UrgencyLevel level) {
        return level == UrgencyLevel.CRITICAL || level == UrgencyLevel.HIGH;
    }

    Alert alertFor(ResponseTask t) {
        Mention m = t.mention();
        String who = AlertWords.person(m);
        List<String> facts = new ArrayList<>();
        facts.add("from: " + who + ", " + m.author().followers() + " followers");
        facts.add("where: " + m.platform().id() + " via connector " + m.connectorId());
        facts.add(String.format(Locale.ROOT, "scores: negativity %.2f, sentiment %s, urgency %.2f (%s), priority %.2f",
                t.score().negativity(), t.score().sentiment().id(), t.score().urgency(), t.score().urgencyLevel().id(),
                t.score().priority()));
        if (!t.score().reasons().isEmpty()) {
            facts.add("reasons: " + String.join("; ", t.score().reasons()));
        }
        facts.add("due: " + AlertTimes.format(t.dueAt()));
        String text = m.subject().isBlank() ? m.text() : m.subject() + "\n" + m.text();
        return new Alert(AlertKind.NEW_MENTION, "new_mention:task-" + t.id(), m.brand(), m.platform(),
                t.score().urgencyLevel(), level(t.score().urgencyLevel()) + " mention by " + AlertWords.personOn(m),
                text, facts, taskLink(queueUrl, t.id()),
                t.id(), clock.instant());
    }

    /** "Critical", "High". */
    static String level(UrgencyLevel level) {
        String id = level.id();
        return id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1);
    }

    static String taskLink(String queueUrl, long taskId) {
        return queueUrl + "/tasks/" + taskId;
    }
}
