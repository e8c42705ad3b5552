package org.earshot.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What a team adds to a task around the decision: who it is assigned to, until when it is snoozed, the
 * notes people leave, and who has it open now. None of these change the task's version, so an approval
 * is not refused because someone assigned or noted it meanwhile.
 */
public final class TeamStore {

    /** A note on a task, with the @names it mentions (lower case). */
    public record Note(long id, long taskId, String author, String text, List<String> mentions, Instant at) {
    }

    /** Someone who has the task open, viewing or editing, as of their page's last beat. */
    public record Presence(String person, String activity, Instant seenAt) {
    }

    /** @return false when there is no such task */
    public boolean assign(Handle h, long taskId, String assignee) {
        return h.createUpdate("update response_task set assignee = :assignee where id = :id")
                .bind("assignee", assignee).bind("id", taskId).execute() == 1;
    }

    /** @param until null to wake it now */
    public boolean snooze(Handle h, long taskId, Instant until) {
        return h.createUpdate("update response_task set snoozed_until = :until where id = :id")
                .bind("until", until).bind("id", taskId).execute() == 1;
    }

    public long addNote(Handle h, long taskId, String author, String text, List<String> mentions, Instant at) {
        return h.createUpdate(InsertStatement.into("task_note", "task_id", "author", "text", "mentions", "at"))
                .bind("task_id", taskId).bind("author", author).bind("text", text)
                .bind("mentions", String.join(",", mentions)).bind("at", at)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** The task's notes, oldest first. */
    public List<Note> notes(Handle h, long taskId) {
        return h.createQuery("select * from task_note where task_id = :task order by id").bind("task", taskId)
                .map((rs, ctx) -> new Note(rs.getLong("id"), rs.getLong("task_id"), rs.getString("author"),
                        rs.getString("text"), rs.getString("mentions").isEmpty() ? List.of()
                                : List.of(rs.getString("mentions").split(",")), Timestamps.read(rs, "at")))
                .list();
    }

    /** Records that a person has the task open now (replacing what they did on it before). */
    public void beat(Handle h, long taskId, String person, String activity, Instant now) {
        h.createUpdate("delete from task_presence where task_id = :task and person = :person")
                .bind("task", taskId).bind("person", person).execute();
        h.createUpdate(InsertStatement.into("task_presence", "task_id", "person", "activity", "seen_at"))
                .bind("task_id", taskId).bind("person", person).bind("activity", activity).bind("seen_at", now)
                .execute();
    }

    /** A person closed the task (or left the page). */
    public void leave(Handle h, long taskId, String person) {
        h.createUpdate("delete from task_presence where task_id = :task and person = :person")
                .bind("task", taskId).bind("person", person).execute();
    }

    /** Who has the task open, as of a beat since {@code since}; older rows are cleared on the way. */
    public List<Presence> present(Handle h, long taskId, Instant since) {
        h.createUpdate("delete from task_presence where seen_at < :since").bind("since", since).execute();
        return h.createQuery("select person, activity, seen_at from task_presence where task_id = :task"
                        + " order by person")
                .bind("task", taskId)
                .map((rs, ctx) -> new Presence(rs.getString("person"), rs.getString("activity"),
                        Timestamps.read(rs, "seen_at")))
                .list();
    }

    /** The task's version: when it last changed (its draft, labels or state); empty when there is no such task. */
    public java.util.Optional<Instant> version(Handle h, long taskId) {
        return h.createQuery("select updated_at from response_task where id = :id").bind("id", taskId)
                .map((rs, ctx) -> Timestamps.read(rs, "updated_at")).findFirst();
    }
}
