package org.earshot.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.earshot.store.AuditLog;
import org.earshot.store.Database;
import org.earshot.store.TeamStore;

/**
 * How a team shares the queue: assigning a task to a person or a team, snoozing it until a time (it is
 * hidden from the open list until then), notes with @names, and who is viewing or editing a task now.
 * Each change but presence is written to the audit log under who made it.
 */
public final class TeamWork {
    /** A page beats every few seconds while a task is open; a person not heard from for this long has left. */
    public static final Duration PRESENCE_TIMEOUT = Duration.ofSeconds(15);
    public static final int MAX_NOTE_LENGTH = 4000;
    private static final int MAX_NAME_LENGTH = 200;
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@([\\p{L}\\p{N}_.-]{1,60})");

    /** What someone does with an open task. */
    public enum Activity {
        VIEWING, EDITING;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Database db;
    private final TeamStore team;
    private final AuditLog audit;
    private final Clock clock;

    public TeamWork(Database db, TeamStore team, AuditLog audit, Clock clock) {
        this.db = db;
        this.team = team;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param assignee a person ("bea"), a team ("team:billing"), or null to unassign */
    public void assign(long taskId, String assignee, String actor) {
        String who = assignee == null || assignee.isBlank() ? null : name(assignee, "assignee");
        Instant now = clock.instant();
        db.useTransaction(c -> {
            if (!team.assign(c, taskId, who)) {
                throw new TaskNotFoundException(taskId);
            }
            audit.record(c, now, taskId, actor, who == null ? "unassigned" : "assigned", who == null ? "" : who);
        });
    }

    /** @param until when the task comes back to the open list; null or past to wake it now */
    public void snooze(long taskId, Instant until, String actor) {
        Instant now = clock.instant();
        Instant wake = until == null || !until.isAfter(now) ? null : until;
        db.useTransaction(c -> {
            if (!team.snooze(c, taskId, wake)) {
                throw new TaskNotFoundException(taskId);
            }
            audit.record(c, now, taskId, actor, wake == null ? "woken" : "snoozed", wake == null ? "" : "until " + wake);
        });
    }

    /** Snoozes the task for a while from now; zero wakes it now. */
    public void snoozeFor(long taskId, Duration howLong, String actor) {
        snooze(taskId, howLong.isZero() ? null : clock.instant().plus(howLong), actor);
    }

    /** Leaves a note on the task; the @names in it are kept with it. */
    public TeamStore.Note note(long taskId, String text, String actor) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a note needs some text");
        }
        String body = text.strip();
        if (body.length() > MAX_NOTE_LENGTH) {
            throw new IllegalArgumentException("a note is at most " + MAX_NOTE_LENGTH + " characters, but this one has "
                    + body.length());
        }
        Instant now = clock.instant();
        List<String> names = mentions(body);
        return db.inTransaction(c -> {
            if (team.version(c, taskId).isEmpty()) {
                throw new TaskNotFoundException(taskId);
            }
            long id = team.addNote(c, taskId, actor, body, names, now);
            audit.record(c, now, taskId, actor, "noted", body);
            return new TeamStore.Note(id, taskId, actor, body, names, now);
        });
    }

    public List<TeamStore.Note> notes(long taskId) {
        return db.inTransaction(c -> team.notes(c, taskId));
    }

    /**
     * A beat from a person's page: they have the task open (or left it, with a null activity). @return the
     * others who have it open now
     */
    public List<TeamStore.Presence> beat(long taskId, String person, Activity activity) {
        Instant now = clock.instant();
        String who = name(person, "person");
        return db.inTransaction(c -> {
            if (team.version(c, taskId).isEmpty()) {
                throw new TaskNotFoundException(taskId);
            }
            if (activity == null) {
                team.leave(c, taskId, who);
            } else {
                team.beat(c, taskId, who, activity.id(), now);
            }
            List<TeamStore.Presence> others = new ArrayList<>();
            for (TeamStore.Presence p : team.present(c, taskId, now.minus(PRESENCE_TIMEOUT))) {
                if (!p.person().equals(who)) {
                    others.add(p);
                }
            }
            return others;
        });
    }

    /** The @names a note mentions, lower case, each once, in order. */
    static List<String> mentions(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            names.add(m.group(1).replaceAll("[.-]+$", "").toLowerCase(Locale.ROOT));
        }
        return List.copyOf(names);
    }

    private static String name(String raw, String field) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException(field + " is blank");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_NAME_LENGTH + " characters");
        }
        return name;
    }
}
