package org.earshot.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.earshot.alert.RouteHealth;
import org.earshot.alert.ServiceLevelClock;
import org.earshot.connector.ConnectorHealth;
import org.earshot.domain.DisallowedTransitionException;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.Role;
import org.earshot.domain.Sentiment;
import org.earshot.domain.TaskState;
import org.earshot.domain.UrgencyLevel;
import org.earshot.domain.Warning;
import org.earshot.alert.FollowUps;
import org.earshot.task.Approvals;
import org.earshot.task.Corrections;
import org.earshot.task.ReplyRulesViolatedException;
import org.earshot.task.TaskConflictException;
import org.earshot.task.TaskNotFoundException;
import org.earshot.task.TaskQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API under {@code /api/}: tasks, decisions on them, people's corrections of their labels,
 * and the connectors' health. Every call needs a caller ({@link Authentication}: a token, or a signed-in
 * browser with its CSRF token) whose role allows it ({@link AccessRules}); every error is {@code {"error": "..."}}.
 */
final class TaskApi implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(TaskApi.class);
    private static final int MAX_ACTOR_LENGTH = 200;
    /** Who decided, when a service-token request does not say: a script without a name. */
    static final String DEFAULT_ACTOR = Caller.SERVICE;

    /**
     * {@code version}: the task's version when it was opened, refused with 409 if the task changed since;
     * {@code undoSeconds}: how long the outbox holds the reply so that the approval can be undone (0 to 60).
     */
    record ApproveRequest(String text, String actor, Boolean override, String version, Integer undoSeconds) {
    }

    record RejectRequest(String reason, String actor) {
    }

    record CorrectRequest(String sentiment, String urgencyLevel, String actor) {
    }

    record ActorRequest(String actor) {
    }

    private final Authentication authentication;
    private final TaskQueries queries;
    private final Approvals approvals;
    private final Corrections corrections;
    private final FollowUps followUps;
    private final Supplier<List<ConnectorHealth>> health;
    private final Supplier<List<RouteHealth>> alertRoutes;
    private final ServiceLevelClock serviceLevels;
    private volatile QuarantineApi quarantine;
    private volatile TeamApi team;
    private volatile ReportsApi reports;

    TaskApi(Authentication authentication, TaskQueries queries, Approvals approvals, Corrections corrections, FollowUps followUps,
            Supplier<List<ConnectorHealth>> health, Supplier<List<RouteHealth>> alertRoutes,
            ServiceLevelClock serviceLevels) {
        this.authentication = authentication;
        this.queries = queries;
        this.approvals = approvals;
        this.corrections = corrections;
        this.followUps = followUps;
        this.health = health;
        this.alertRoutes = alertRoutes;
        this.serviceLevels = serviceLevels;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            try {
                Caller caller = authentication.caller(exchange);
                Authentication.checkCsrf(exchange, caller);
                AccessRules.Need need = AccessRules.need(exchange.getRequestMethod(), apiPath(exchange));
                if (!caller.role().includes(need.role())) {
                    throw caller.refused(need.role(), need.what());
                }
                exchange.setAttribute(Caller.ATTRIBUTE, caller);
                route(exchange);
            } catch (HttpError e) {
                JsonExchange.sendError(exchange, e.status(), e.getMessage());
            } catch (TaskNotFoundException e) {
                JsonExchange.sendError(exchange, 404, e.getMessage());
            } catch (TaskConflictException | DisallowedTransitionException e) {
                JsonExchange.sendError(exchange, 409, e.getMessage());
            } catch (ReplyRulesViolatedException e) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("error", e.getMessage());
                body.put("violations", e.violations().stream().map(Warning::line).toList());
                body.put("warnings", TaskView.WarningView.of(e.violations()));
                JsonExchange.send(exchange, 422, body);
            } catch (RuntimeException e) {
                JsonExchange.sendFailure(exchange, e, LOG);
            }
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        List<String> parts = apiPath(exchange);
        if (team != null && TeamApi.serves(parts)) {
            team.route(exchange, method, parts, parts.size() == 3 ? taskId(parts.get(1)) : 0);
        } else if (parts.equals(List.of("health"))) {
            allow(method, "GET");
            JsonExchange.send(exchange, 200, HealthView.of(health.get(), alertRoutes.get(), queries.blockedReplies()));
        } else if (parts.equals(List.of("tasks"))) {
            allow(method, "GET");
            listTasks(exchange);
        } else if (parts.size() == 2 && parts.get(0).equals("tasks")) {
            allow(method, "GET");
            JsonExchange.send(exchange, 200, detail(queries.get(taskId(parts.get(1)))));
        } else if (parts.size() == 3 && parts.get(0).equals("tasks") && parts.get(2).equals("approve")) {
            allow(method, "POST");
            approve(exchange, taskId(parts.get(1)));
        } else if (parts.size() == 3 && parts.get(0).equals("tasks") && parts.get(2).equals("undo")) {
            allow(method, "POST");
            ActorRequest body = JsonExchange.readBody(exchange, ActorRequest.class);
            JsonExchange.send(exchange, 200, detail(approvals.undo(taskId(parts.get(1)),
                    actor(exchange, body == null ? null : body.actor()))));
        } else if (parts.size() == 3 && parts.get(0).equals("tasks") && parts.get(2).equals("check")) {
            allow(method, "POST");
            check(exchange, taskId(parts.get(1)));
        } else if (parts.size() == 3 && parts.get(0).equals("tasks") && parts.get(2).equals("reject")) {
            allow(method, "POST");
            reject(exchange, taskId(parts.get(1)));
        } else if (parts.size() == 3 && parts.get(0).equals("tasks") && parts.get(2).equals("correct")) {
            allow(method, "POST");
            correct(exchange, taskId(parts.get(1)));
        } else if (parts.size() == 3 && parts.get(0).equals("tasks") && parts.get(2).equals("retry")) {
            allow(method, "POST");
            retry(exchange, taskId(parts.get(1)));
        } else if (parts.size() == 3 && parts.get(0).equals("tasks") && parts.get(2).equals("follow-up-done")) {
            allow(method, "POST");
            followUpDone(exchange, taskId(parts.get(1)));
        } else if (parts.size() == 3 && parts.get(0).equals("tasks") && parts.get(2).equals("draft")) {
            allow(method, "POST");
            ApproveRequest body = JsonExchange.readBody(exchange, ApproveRequest.class);
            if (body == null || body.text() == null || body.text().isBlank()) {
                throw new HttpError(400, "send the proposed draft: {\"text\": \"...\"}");
            }
            long id = taskId(parts.get(1));
            JsonExchange.send(exchange, 200, detail(approvals.propose(id, body.text(), actor(exchange, body.actor()))));
        } else if (parts.size() == 3 && parts.get(0).equals("tasks") && parts.get(2).equals("audit")) {
            allow(method, "GET");
            AuditExport.sendJson(exchange, queries.history(queries.get(taskId(parts.get(1))).id()));
        } else if (parts.equals(List.of("audit.csv"))) {
            allow(method, "GET");
            String task = query(exchange).get("task");
            AuditExport.sendCsv(exchange, task == null || task.isBlank() ? queries.auditLog(AuditExport.MAX_ROWS)
                    : queries.history(queries.get(taskId(task)).id()));
        } else if (!parts.isEmpty() && (parts.get(0).equals("accounts") || parts.get(0).equals("tokens"))
                && authentication.accounts() != null) {
            new AccountApi(authentication.accounts()).route(exchange, method, parts);
        } else if (!parts.isEmpty() && parts.get(0).equals("reports") && reports != null) {
            reports.route(exchange, method, parts.subList(1, parts.size()), query(exchange));
        } else if (!parts.isEmpty() && parts.get(0).equals("quarantine") && quarantine != null) {
            quarantine.route(exchange, method, parts.subList(1, parts.size()));
        } else {
            throw new HttpError(404, "no such API path: " + exchange.getRequestURI().getPath());
        }
    }

    /** The path after {@code /api/}, split at slashes. */
    private static List<String> apiPath(HttpExchange exchange) {
        return Arrays.stream(exchange.getRequestURI().getPath().split("/")).filter(p -> !p.isEmpty()).skip(1).toList();
    }

    /** Serves assignment, snoozing, notes, presence and bulk actions too (see {@link TeamApi}); before the server starts. */
    void serveTeamWork(org.earshot.task.TeamWork work) {
        this.team = new TeamApi(work, approvals, corrections, queries::get, this::detail);
    }

    /** Serves {@code /api/reports} too (see {@link ReportsApi}); before the server starts. */
    void serveReports(org.earshot.task.Reports r) {
        this.reports = new ReportsApi(r);
    }

    /** Serves {@code /api/quarantine} too; before the server starts. */
    void serveQuarantine(QuarantineApi api) {
        this.quarantine = api;
    }

    /**
     * A page of tasks with what the page needs around it: {@code tasks} as it always was, {@code total} (every
     * task the filter matches, on all pages), {@code limit}, {@code offset}, and {@code counts} per state (the
     * other filters kept), per urgency level, and against the service level (see {@link TaskListParams}).
     */
    private void listTasks(HttpExchange exchange) throws IOException {
        java.time.Instant now = serviceLevels == null ? java.time.Instant.now() : serviceLevels.now();
        java.time.Duration warning = serviceLevels == null ? java.time.Duration.ZERO : serviceLevels.breachWarning();
        org.earshot.domain.TaskFilter filter = TaskListParams.read(query(exchange), now.plus(warning));
        var page = queries.page(filter, now, now.plus(warning));
        List<TaskView> tasks = page.tasks().stream().map(t -> TaskView.of(t, approvals.channel(t), serviceLevel(t))).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tasks", tasks);
        body.put("total", page.total());
        body.put("limit", filter.limit());
        body.put("offset", filter.offset());
        body.put("counts", TaskCountsView.of(page));
        JsonExchange.send(exchange, 200, body);
    }

    private void approve(HttpExchange exchange, long id) throws IOException {
        ApproveRequest body = JsonExchange.readBody(exchange, ApproveRequest.class);
        if (body == null) {
            body = new ApproveRequest(null, null, null, null, null);
        }
        if (body.text() != null && body.text().isBlank()) {
            throw new HttpError(400, "'text' is blank; leave it out to approve the draft as it is, or reject the task");
        }
        boolean override = Boolean.TRUE.equals(body.override());
        Caller caller = Caller.of(exchange);
        if (override && !caller.role().includes(Role.ADMIN)) {
            throw caller.refused(Role.ADMIN, "approving past a hard reply rule");
        }
        int undoSeconds = body.undoSeconds() == null ? 0 : body.undoSeconds();
        if (undoSeconds < 0 || undoSeconds > 60) {
            throw new HttpError(400, "undoSeconds must be from 0 to 60, but was " + undoSeconds);
        }
        java.time.Instant version = null;
        if (body.version() != null && !body.version().isBlank()) {
            try {
                version = java.time.Instant.parse(body.version().strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new HttpError(400, "version must be the task's 'version' as the API gave it, but was '"
                        + body.version() + "'");
            }
        }
        ResponseTask task = approvals.approve(id, body.text(), actor(exchange, body.actor()), override,
                version, java.time.Duration.ofSeconds(undoSeconds));
        JsonExchange.send(exchange, 200, detail(task));
    }

    /** The reply rules an edit breaks, for the queue to show while the person edits. */
    private void check(HttpExchange exchange, long id) throws IOException {
        ApproveRequest body = JsonExchange.readBody(exchange, ApproveRequest.class);
        if (body == null || body.text() == null) {
            throw new HttpError(400, "send the text to check: {\"text\": \"...\"}");
        }
        List<Warning> warnings = approvals.check(id, body.text());
        Map<String, Object> answer = new LinkedHashMap<>();
        // "warnings" stays the one-line strings it always was; "details" has each one's kind and rule.
        answer.put("warnings", warnings.stream().map(Warning::line).toList());
        answer.put("details", TaskView.WarningView.of(warnings));
        // What approving this text would post, message by message, in order.
        answer.put("blocks", approvals.blocks(id, body.text()));
        JsonExchange.send(exchange, 200, answer);
    }

    private void reject(HttpExchange exchange, long id) throws IOException {
        RejectRequest body = JsonExchange.readBody(exchange, RejectRequest.class);
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            throw new HttpError(400, "a rejection needs a reason: send {\"reason\": \"...\"}");
        }
        ResponseTask task = approvals.reject(id, body.reason(), actor(exchange, body.actor()));
        JsonExchange.send(exchange, 200, detail(task));
    }

    /** Releases a blocked reply: the outbox posts it again from its first attempt. */
    private void retry(HttpExchange exchange, long id) throws IOException {
        ActorRequest body = JsonExchange.readBody(exchange, ActorRequest.class);
        ResponseTask task = approvals.retry(id, actor(exchange, body == null ? null : body.actor()));
        JsonExchange.send(exchange, 200, detail(task));
    }

    private void correct(HttpExchange exchange, long id) throws IOException {
        CorrectRequest body = JsonExchange.readBody(exchange, CorrectRequest.class);
        if (body == null || body.sentiment() == null && body.urgencyLevel() == null) {
            throw new HttpError(400, "a correction needs 'sentiment' (one of " + ids(Sentiment.values())
                    + ") or 'urgencyLevel' (one of " + ids(UrgencyLevel.values()) + "), or both");
        }
        Sentiment sentiment = label("sentiment", body.sentiment(), Sentiment.class);
        UrgencyLevel level = label("urgencyLevel", body.urgencyLevel(), UrgencyLevel.class);
        ResponseTask task = corrections.correct(id, sentiment, level, actor(exchange, body.actor()));
        JsonExchange.send(exchange, 200, detail(task));
    }

    private void followUpDone(HttpExchange exchange, long id) throws IOException {
        ActorRequest body = JsonExchange.readBody(exchange, ActorRequest.class);
        queries.get(id);
        if (!followUps.markDone(id, actor(exchange, body == null ? null : body.actor()))) {
            throw new HttpError(409, "task " + id + " has no open follow-up: its reply promised none, or the"
                    + " follow-up is done already");
        }
        JsonExchange.send(exchange, 200, detail(queries.get(id)));
    }

    private TaskView detail(ResponseTask task) {
        long id = task.id();
        return TaskView.of(task, approvals.channel(task), queries.history(id), queries.thread(id),
                corrections.forTask(id), serviceLevel(task));
    }

    /** Null when the server has no service-level clock (a queue without alerts) or the task has no deadline left. */
    private TaskView.ServiceLevelView serviceLevel(ResponseTask task) {
        return serviceLevels == null ? null
                : serviceLevels.standing(task).map(TaskView.ServiceLevelView::of).orElse(null);
    }

    /** A label as the API writes it ("negative", "high"), or null when the field was left out. */
    static <E extends Enum<E>> E label(String field, String raw, Class<E> type) {
        if (raw == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(raw.strip())) {
                return e;
            }
        }
        throw new HttpError(400, field + " must be one of " + ids(type.getEnumConstants()) + ", but was '" + raw + "'");
    }

    private static String ids(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    static void allow(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new HttpError(405, method + " is not allowed here; use " + allowed);
        }
    }

    private static long taskId(String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new HttpError(404, "no task '" + raw + "': task ids are numbers");
        }
    }

    /**
     * Who the audit log names: the signed-in account or the token's owner. Only the service token, which
     * scripts share, may name who it acts for; a person's request cannot write another name.
     */
    static String actor(HttpExchange exchange, String raw) {
        Caller caller = Caller.of(exchange);
        if (caller.via() != Caller.Via.SERVICE_TOKEN) {
            return caller.name();
        }
        if (raw == null || raw.isBlank()) {
            return DEFAULT_ACTOR;
        }
        String actor = raw.strip();
        if (actor.length() > MAX_ACTOR_LENGTH) {
            throw new HttpError(400, "actor is longer than " + MAX_ACTOR_LENGTH + " characters");
        }
        return actor;
    }

    static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.merge(key, value, (a, b) -> a + "," + b);
        }
        return params;
    }
}
