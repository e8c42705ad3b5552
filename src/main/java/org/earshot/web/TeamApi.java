package org.earshot.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.Sentiment;
import org.earshot.domain.UrgencyLevel;
import org.earshot.store.TeamStore;
import org.earshot.task.Approvals;
import org.earshot.task.Corrections;
import org.earshot.task.TeamWork;

/**
 * Team work on tasks, routed here by {@link TaskApi} (same token, same errors):
 * {@code POST /api/tasks/{id}/assign} {@code {"assignee"}} (a person, "team:billing", or null to unassign);
 * {@code POST /api/tasks/{id}/snooze} {@code {"until"}} or {@code {"minutes"}} (null or 0 wakes it);
 * {@code GET|POST /api/tasks/{id}/notes} {@code {"text"}} with @names; {@code POST /api/tasks/{id}/presence}
 * {@code {"person", "activity": viewing|editing|left}}, answering who else has it open; and
 * {@code POST /api/tasks/bulk} {@code {"ids", "action": reject|assign|relabel, ...}}, answering each task's outcome.
 */
final class TeamApi {
    private static final Set<String> TASK_ACTIONS = Set.of("assign", "snooze", "notes", "presence");
    private static final int MAX_BULK = 500;

    record AssignRequest(String assignee, String actor) {
    }

    record SnoozeRequest(String until, Long minutes, String actor) {
    }

    record NoteRequest(String text, String actor) {
    }

    record PresenceRequest(String person, String activity) {
    }

    record BulkRequest(List<Long> ids, String action, String reason, String assignee, String sentiment,
                       String urgencyLevel, String actor) {
    }

    record NoteView(long id, String author, String text, List<String> mentions, Instant at) {
        static NoteView of(TeamStore.Note n) {
            return new NoteView(n.id(), n.author(), n.text(), n.mentions(), n.at());
        }
    }

    record PresenceView(String person, String activity, Instant seenAt) {
    }

    /** One task's outcome in a bulk action: {@code error} null when it was done. */
    record BulkOutcome(long id, boolean done, String error) {
    }

    private final TeamWork team;
    private final Approvals approvals;
    private final Corrections corrections;
    private final Function<ResponseTask, TaskView> detail;
    private final java.util.function.LongFunction<ResponseTask> find;

    TeamApi(TeamWork team, Approvals approvals, Corrections corrections, java.util.function.LongFunction<ResponseTask> find,
            Function<ResponseTask, TaskView> detail) {
        this.team = team;
        this.approvals = approvals;
        this.corrections = corrections;
        this.find = find;
        this.detail = detail;
    }

    /** @param parts the path after {@code /api/} */
    static boolean serves(List<String> parts) {
        return parts.size() == 2 && parts.get(0).equals("tasks") && parts.get(1).equals("bulk")
                || parts.size() == 3 && parts.get(0).equals("tasks") && TASK_ACTIONS.contains(parts.get(2));
    }

    void route(HttpExchange exchange, String method, List<String> parts, long id) throws IOException {
        if (parts.size() == 2) {
            TaskApi.allow(method, "POST");
            bulk(exchange);
            return;
        }
        switch (parts.get(2)) {
            case "assign" -> {
                TaskApi.allow(method, "POST");
                AssignRequest body = orEmpty(JsonExchange.readBody(exchange, AssignRequest.class),
                        new AssignRequest(null, null));
                team.assign(id, body.assignee(), TaskApi.actor(exchange, body.actor()));
                JsonExchange.send(exchange, 200, detail.apply(find.apply(id)));
            }
            case "snooze" -> {
                TaskApi.allow(method, "POST");
                SnoozeRequest body = orEmpty(JsonExchange.readBody(exchange, SnoozeRequest.class),
                        new SnoozeRequest(null, null, null));
                if (body.minutes() != null && (body.until() == null || body.until().isBlank())) {
                    team.snoozeFor(id, minutes(body.minutes()), TaskApi.actor(exchange, body.actor()));
                } else {
                    team.snooze(id, until(body.until()), TaskApi.actor(exchange, body.actor()));
                }
                JsonExchange.send(exchange, 200, detail.apply(find.apply(id)));
            }
            case "notes" -> notes(exchange, method, id);
            default -> presence(exchange, method, id);
        }
    }

    private void notes(HttpExchange exchange, String method, long id) throws IOException {
        if (method.equals("POST")) {
            NoteRequest body = JsonExchange.readBody(exchange, NoteRequest.class);
            if (body == null || body.text() == null || body.text().isBlank()) {
                throw new HttpError(400, "a note needs its text: send {\"text\": \"...\"}");
            }
            JsonExchange.send(exchange, 201, NoteView.of(team.note(id, body.text(), TaskApi.actor(exchange, body.actor()))));
            return;
        }
        TaskApi.allow(method, "GET");
        find.apply(id);
        JsonExchange.send(exchange, 200, Map.of("notes", team.notes(id).stream().map(NoteView::of).toList()));
    }

    private void presence(HttpExchange exchange, String method, long id) throws IOException {
        TaskApi.allow(method, "POST");
        PresenceRequest body = orEmpty(JsonExchange.readBody(exchange, PresenceRequest.class), new PresenceRequest(null, null));
        // A signed-in person is who the session says, like every actor; only the service token names one.
        boolean serviceToken = Caller.of(exchange).via() == Caller.Via.SERVICE_TOKEN;
        if (serviceToken && (body.person() == null || body.person().isBlank())) {
            throw new HttpError(400, "presence needs who: send {\"person\": \"...\", \"activity\": \"viewing\"}");
        }
        String person = serviceToken ? body.person().strip() : Caller.of(exchange).name();
        String activity = body.activity() == null ? "viewing" : body.activity().strip();
        TeamWork.Activity what = activity.equalsIgnoreCase("left") ? null
                : TaskListParams.named(activity, TeamWork.Activity.class, "activity");
        List<PresenceView> others = team.beat(id, person, what).stream()
                .map(p -> new PresenceView(p.person(), p.activity(), p.seenAt())).toList();
        JsonExchange.send(exchange, 200, Map.of("others", others));
    }

    /** @return null (wake now) when absent */
    private static Instant until(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new HttpError(400, "until must be a time like 2026-12-03T09:00:00Z, but was '" + raw + "'");
        }
    }

    private static Duration minutes(long minutes) {
        if (minutes < 0 || minutes > 60L * 24 * 90) {
            throw new HttpError(400, "minutes must be from 0 to 129600 (90 days), but was " + minutes);
        }
        return Duration.ofMinutes(minutes);
    }

    private void bulk(HttpExchange exchange) throws IOException {
        BulkRequest body = JsonExchange.readBody(exchange, BulkRequest.class);
        if (body == null || body.ids() == null || body.ids().isEmpty() || body.action() == null) {
            throw new HttpError(400, "send {\"ids\": [1, 2], \"action\": \"reject\" | \"assign\" | \"relabel\", ...}");
        }
        if (body.ids().size() > MAX_BULK) {
            throw new HttpError(400, "at most " + MAX_BULK + " tasks at once, but " + body.ids().size() + " were sent");
        }
        String actor = TaskApi.actor(exchange, body.actor());
        java.util.function.LongConsumer act;
        switch (body.action().strip().toLowerCase(java.util.Locale.ROOT)) {
            case "reject" -> {
                if (body.reason() == null || body.reason().isBlank()) {
                    throw new HttpError(400, "a bulk rejection needs a reason: send {\"reason\": \"...\"}");
                }
                act = id -> approvals.reject(id, body.reason(), actor);
            }
            case "assign" -> act = id -> team.assign(id, body.assignee(), actor);
            case "relabel" -> {
                Sentiment sentiment = TaskApi.label("sentiment", body.sentiment(), Sentiment.class);
                UrgencyLevel level = TaskApi.label("urgencyLevel", body.urgencyLevel(), UrgencyLevel.class);
                if (sentiment == null && level == null) {
                    throw new HttpError(400, "a bulk relabel needs 'sentiment' or 'urgencyLevel', or both");
                }
                act = id -> corrections.correct(id, sentiment, level, actor);
            }
            default -> throw new HttpError(400, "unknown bulk action '" + body.action()
                    + "', expected one of [reject, assign, relabel]");
        }
        List<BulkOutcome> outcomes = new ArrayList<>();
        for (long id : new java.util.LinkedHashSet<>(body.ids())) {
            try {
                act.accept(id);
                outcomes.add(new BulkOutcome(id, true, null));
            } catch (RuntimeException e) {
                // Each task on its own: one taken by a colleague meanwhile does not stop the others.
                outcomes.add(new BulkOutcome(id, false, e.getMessage()));
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("done", outcomes.stream().filter(BulkOutcome::done).count());
        answer.put("failed", outcomes.stream().filter(o -> !o.done()).count());
        answer.put("results", outcomes);
        JsonExchange.send(exchange, 200, answer);
    }

    private static <T> T orEmpty(T body, T empty) {
        return body == null ? empty : body;
    }
}
