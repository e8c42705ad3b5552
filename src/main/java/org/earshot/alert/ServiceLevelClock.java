package org.earshot.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.earshot.config.Durations;
import org.earshot.config.ServiceLevel;
import org.earshot.config.ServiceLevels;
import org.earshot.domain.Alert;
import org.earshot.domain.AlertKind;
import org.earshot.domain.Channels;
import org.earshot.domain.Mention;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.TaskState;
import org.earshot.store.Database;
import org.earshot.store.TaskStore;
import org.earshot.task.BusinessClock;

/**
 * Each unresolved task's two deadlines, counted in business hours from when its mention was heard:
 * the first response (met when the reply is posted) and the resolution (met when the reply is posted
 * without a promise to come back, the task is rejected, or its follow-up is done). Raises SLA_WARNING
 * within {@code breachWarning} of a deadline and SLA_BREACH once past it, once per task and deadline.
 */
public final class ServiceLevelClock {
    /** Which promise a deadline keeps. */
    public enum Target {
        FIRST_RESPONSE, RESOLUTION;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        String label() {
            return this == FIRST_RESPONSE ? "First response" : "Resolution";
        }
    }

    /** A deadline of a task still to be met. */
    public record Deadline(ResponseTask task, Target target, Instant due) {
    }

    /** A task close to (or past) a deadline; negative minutes are overdue. */
    public record AboutToBreach(ResponseTask task, Target target, Instant due, long minutesLeft) {
    }

    /**
     * Where a task awaiting its answer stands against its nearest deadline; negative minutes are
     * overdue. ABOUT_TO_BREACH within {@code breachWarning} of it, as the warning alert says.
     */
    public record Standing(Target target, Instant due, long minutesLeft, State state) {
        public enum State {
            ON_TIME, ABOUT_TO_BREACH, BREACHED;

            public String id() {
                return name().toLowerCase(Locale.ROOT);
            }
        }
    }

    private final Database db;
    private final TaskStore tasks;
    private final ServiceLevels levels;
    private final Channels channels;
    private final BusinessClock businessClock;
    private final Duration breachWarning;
    private final String queueUrl;
    private final AlertSink sink;
    private final Clock clock;

    /** @param channels whether each platform is social, which decides its service level when it has none of its own */
    public ServiceLevelClock(Database db, TaskStore tasks, ServiceLevels levels, Channels channels,
                             BusinessClock businessClock, Duration breachWarning, String queueUrl, AlertSink sink,
                             Clock clock) {
        this.db = db;
        this.tasks = tasks;
        this.levels = levels;
        this.channels = channels;
        this.businessClock = businessClock;
        this.breachWarning = breachWarning;
        this.queueUrl = queueUrl.endsWith("/") ? queueUrl.substring(0, queueUrl.length() - 1) : queueUrl;
        this.sink = sink;
        this.clock = clock;
    }

    /** The server's time, as this clock counts service levels. */
    public Instant now() {
        return clock.instant();
    }

    /** How long before a deadline a task counts as about to breach. */
    public Duration breachWarning() {
        return breachWarning;
    }

    /** The deadlines a task still has to meet, first response first. */
    public List<Deadline> deadlines(ResponseTask t) {
        if (t.isIncident()) {
            // An incident is no customer's wait: its SPIKE alert and its place at the head of the queue speak for it.
            return List.of();
        }
        ServiceLevel level = levels.forChannel(channels.of(t.mention().platform()));
        Instant heard = t.mention().receivedAt();
        List<Deadline> out = new ArrayList<>();
        if (awaitsFirstResponse(t.state())) {
            out.add(new Deadline(t, Target.FIRST_RESPONSE, businessClock.addWorkingTime(heard, level.firstResponse())));
        }
        out.add(new Deadline(t, Target.RESOLUTION, businessClock.addWorkingTime(heard, level.resolution())));
        return out;
    }

    private static boolean awaitsFirstResponse(TaskState state) {
        return state == TaskState.NEW || state == TaskState.APPROVED || state == TaskState.FAILED;
    }

    /** Raises the warnings and breaches that are due; @return how many alerts were new. */
    public int check() {
        Instant now = clock.instant();
        int raised = 0;
        for (ResponseTask t : db.inTransaction(tasks::unresolved)) {
            for (Deadline d : deadlines(t)) {
                Alert alert = null;
                if (!now.isBefore(d.due())) {
                    alert = alert(AlertKind.SLA_BREACH, d, now);
                } else if (!now.isBefore(d.due().minus(breachWarning))) {
                    alert = alert(AlertKind.SLA_WARNING, d, now);
                }
                if (alert != null && sink.raise(alert)) {
                    raised++;
                }
            }
        }
        return raised;
    }

    /**
     * Tasks within {@code breachWarning} of a deadline or past it, the least time left first; a task
     * appears once, with its nearest deadline.
     */
    public List<AboutToBreach> aboutToBreach() {
        Instant now = clock.instant();
        List<AboutToBreach> out = new ArrayList<>();
        for (ResponseTask t : db.inTransaction(tasks::unresolved)) {
            deadlines(t).stream().min(Comparator.comparing(Deadline::due))
                    .filter(d -> !now.isBefore(d.due().minus(breachWarning)))
                    .ifPresent(d -> out.add(new AboutToBreach(t, d.target(), d.due(),
                            Math.floorDiv(Duration.between(now, d.due()).toSeconds(), 60))));
        }
        out.sort(Comparator.comparingLong(AboutToBreach::minutesLeft).thenComparing(a -> a.task().id()));
        return out;
    }

    /**
     * The nearest deadline of a task still awaiting its answer (new, approved, or failing to post),
     * as of now; empty once the customer has an answer or the task was rejected.
     */
    public java.util.Optional<Standing> standing(ResponseTask t) {
        if (!awaitsFirstResponse(t.state())) {
            return java.util.Optional.empty();
        }
        Instant now = clock.instant();
        return deadlines(t).stream().min(Comparator.comparing(Deadline::due)).map(d -> {
            long minutes = Math.floorDiv(Duration.between(now, d.due()).toSeconds(), 60);
            Standing.State state = !now.isBefore(d.due()) ? Standing.State.BREACHED
                    : !now.isBefore(d.due().minus(breachWarning)) ? Standing.State.ABOUT_TO_BREACH
                    : Standing.State.ON_TIME;
            return new Standing(d.target(), d.due(), minutes, state);
        });
    }

    private Alert alert(AlertKind kind, Deadline d, Instant now) {
        ResponseTask t = d.task();
        Mention m = t.mention();
        String title = (kind == AlertKind.SLA_BREACH
                ? d.target().label() + " overdue (was due " + AlertTimes.format(d.due()) + ")"
                : d.target().label() + " due in " + Durations.format(Duration.between(now, d.due())
                        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES))) + ": " + AlertWords.personOn(m);
        List<String> facts = List.of("task: " + t.id(), "due: " + AlertTimes.format(d.due()),
                "heard: " + AlertTimes.format(m.receivedAt()), "state: " + t.state().name().toLowerCase(Locale.ROOT),
                "urgency: " + t.score().urgencyLevel().id());
        return new Alert(kind, kind.id() + ":" + d.target().id() + ":task-" + t.id(), m.brand(), m.platform(),
                t.score().urgencyLevel(), title, m.text(), facts, MentionAlerts.taskLink(queueUrl, t.id()), t.id(), now);
    }
}
