package org.earshot.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.earshot.domain.Draft;
import org.earshot.domain.Incident;
import org.earshot.domain.Platform;
import org.earshot.domain.Score;
import org.jdbi.v3.core.Handle;

/** Incidents: a task of their own kind, the burst they answer, and the statement's post on each channel. */
public final class IncidentStore {
    private final TaskStore tasks;

    public IncidentStore(TaskStore tasks) {
        this.tasks = tasks;
    }

    /** An incident found by its task. */
    public record Stored(long taskId, Incident incident) {
    }

    /** Opens an incident: its task (no mention) and the burst as it is now; @return the task's id */
    public long open(Handle h, Incident incident, Score score, Draft statement, Instant now, Instant dueAt) {
        long taskId = tasks.insertIncident(h, score, statement, now, dueAt);
        h.createUpdate(InsertStatement.into("incident", "task_id", "brand", "started_at", "last_heard_at", "mentions",
                        "channels", "platforms", "summary", "updated_at"))
                .bind("task_id", taskId).bind("brand", incident.brand()).bind("started_at", incident.startedAt())
                .bind("last_heard_at", incident.lastHeardAt()).bind("mentions", incident.mentions())
                .bind("channels", String.join(",", incident.channels()))
                .bind("platforms", String.join(",", incident.platforms().stream().map(Platform::name).toList()))
                .bind("summary", incident.summary()).bind("updated_at", now)
                .execute();
        return taskId;
    }

    /** The brand's latest incident still waiting for approval, or whose burst was heard at or after {@code since}. */
    public Optional<Stored> lasting(Handle h, String brand, Instant since) {
        return h.createQuery("select i.task_id from incident i join response_task t on t.id = i.task_id"
                        + " where i.brand = :brand and (i.last_heard_at >= :since or t.state = 'NEW')"
                        + " order by i.last_heard_at desc, i.task_id desc limit 1")
                .bind("brand", brand).bind("since", since)
                .mapTo(Long.class).findFirst()
                .flatMap(id -> tasks.find(h, id)).map(t -> new Stored(t.id(), t.incident()));
    }

    /** The burst as it grew: more mentions, perhaps more channels. */
    public void update(Handle h, long taskId, Incident incident, Instant now) {
        h.createUpdate("update incident set last_heard_at = :last, mentions = :mentions, channels = :channels,"
                        + " platforms = :platforms, summary = :summary, updated_at = :now where task_id = :task")
                .bind("last", incident.lastHeardAt()).bind("mentions", incident.mentions())
                .bind("channels", String.join(",", incident.channels()))
                .bind("platforms", String.join(",", incident.platforms().stream().map(Platform::name).toList()))
                .bind("summary", incident.summary()).bind("now", now).bind("task", taskId)
                .execute();
    }

    /** The channels the statement is already posted on, with the platform's id for each post. */
    public Map<String, String> posts(Handle h, long taskId) {
        Map<String, String> out = new LinkedHashMap<>();
        h.createQuery("select connector_id, posted_id from incident_post where task_id = :task order by posted_at")
                .bind("task", taskId)
                .map((rs, ctx) -> Map.entry(rs.getString("connector_id"), rs.getString("posted_id")))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * The channels the statement is settled on: posted (in {@code incident_post}) or left out for a reason
     * ({@code incident.not_posted}); every other channel of the incident still gets it once.
     */
    public java.util.Set<String> settled(Handle h, long taskId) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>(posts(h, taskId).keySet());
        out.addAll(notPosted(h, taskId).keySet());
        return out;
    }

    /** The channels the statement was left out of, each with why. */
    public Map<String, String> notPosted(Handle h, long taskId) {
        return h.createQuery("select not_posted from incident where task_id = :task").bind("task", taskId)
                .mapTo(String.class).findFirst().map(Json::readMap).orElse(Map.of());
    }

    /** Settles a channel the statement cannot go to (a feed, a connector taken out), with why, for good. */
    public void recordNotPosted(Handle h, long taskId, String connectorId, String why) {
        Map<String, String> reasons = new LinkedHashMap<>(notPosted(h, taskId));
        reasons.put(connectorId, why);
        h.createUpdate("update incident set not_posted = :reasons where task_id = :task")
                .bind("reasons", Json.write(reasons)).bind("task", taskId)
                .execute();
    }

    public void recordPost(Handle h, long taskId, String connectorId, String postedId, String url, Instant now) {
        h.createUpdate(InsertStatement.into("incident_post", "task_id", "connector_id", "posted_id", "url", "posted_at"))
                .bind("task_id", taskId).bind("connector_id", connectorId).bind("posted_id", postedId)
                .bind("url", url == null ? "" : url).bind("posted_at", now)
                .execute();
    }
}
