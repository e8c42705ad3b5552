package org.earshot.schedule;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.earshot.alert.AlertDispatcher;
import org.earshot.alert.AlertTriggers;
import org.earshot.alert.MentionAlerts;
import org.earshot.connector.Connector;
import org.earshot.intake.MentionIntake;
import org.earshot.task.OutboxDispatcher;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.spi.JobFactory;

/**
 * Quartz running one poll job per connector, the outbox job, the alert delivery job and, when alerts
 * are on (triggers given), the alert triggers job: in memory on one node, or, given the shared
 * PostgreSQL database, as one node of a cluster that runs each routine on one node at a time. Jobs are built with their dependencies by a
 * {@link JobFactory}, keyed by the job's name, not by reflection on empty constructors.
 */
public final class EarshotScheduler implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EarshotScheduler.class);
    private final Scheduler scheduler;
    /** How often the LLM's drafts job looks for tasks waiting for it. */
    static final Duration LLM_DRAFTS_EVERY = Duration.ofSeconds(2);
    /** How often the learned model looks for tasks waiting for its scores (it then scores all that wait). */
    static final Duration MODEL_SCORING_EVERY = Duration.ofSeconds(1);
    /** How often old mentions are pruned (storage.retention); the first pass runs at the start. */
    static final Duration RETENTION_EVERY = Duration.ofHours(1);

    public EarshotScheduler(Collection<Connector> connectors, MentionIntake intake, MentionAlerts mentionAlerts,
                            OutboxDispatcher dispatcher, Duration outboxInterval, AlertDispatcher alertDelivery,
                            Duration alertDeliveryInterval, AlertTriggers alertTriggers, Duration alertTriggersInterval,
                            DataSource sharedStore) {
        this(connectors, intake, mentionAlerts, dispatcher, outboxInterval, alertDelivery, alertDeliveryInterval,
                alertTriggers, alertTriggersInterval, sharedStore, null);
    }

    /** @param llmDrafts the LLM's drafts as their own routine (see {@code task.LlmDrafts}), or null when it is off */
    public EarshotScheduler(Collection<Connector> connectors, MentionIntake intake, MentionAlerts mentionAlerts,
                            OutboxDispatcher dispatcher, Duration outboxInterval, AlertDispatcher alertDelivery,
                            Duration alertDeliveryInterval, AlertTriggers alertTriggers, Duration alertTriggersInterval,
                            DataSource sharedStore, Runnable llmDrafts) {
        this(connectors, intake, mentionAlerts, dispatcher, outboxInterval, alertDelivery, alertDeliveryInterval,
                alertTriggers, alertTriggersInterval, sharedStore, llmDrafts, null);
    }

    /** @param retention the pruning of old mentions that never became tasks, hourly; null when retention is off */
    public EarshotScheduler(Collection<Connector> connectors, MentionIntake intake, MentionAlerts mentionAlerts,
                            OutboxDispatcher dispatcher, Duration outboxInterval, AlertDispatcher alertDelivery,
                            Duration alertDeliveryInterval, AlertTriggers alertTriggers, Duration alertTriggersInterval,
                            DataSource sharedStore, Runnable llmDrafts, Runnable retention) {
        this(connectors, intake, mentionAlerts, dispatcher, outboxInterval, alertDelivery, alertDeliveryInterval,
                alertTriggers, alertTriggersInterval, sharedStore, llmDrafts, retention, null);
    }

    /**
     * @param modelScoring the learned model's scores for tasks opened with the lexicon's (see
     *                     {@code task.ModelScoring}), every second; null when the model is off
     */
    public EarshotScheduler(Collection<Connector> connectors, MentionIntake intake, MentionAlerts mentionAlerts,
                            OutboxDispatcher dispatcher, Duration outboxInterval, AlertDispatcher alertDelivery,
                            Duration alertDeliveryInterval, AlertTriggers alertTriggers, Duration alertTriggersInterval,
                            DataSource sharedStore, Runnable llmDrafts, Runnable retention, Runnable modelScoring) {
        Map<String, Runnable> routines = new java.util.LinkedHashMap<>();
        for (Connector c : connectors) {
            // After the poll's transaction: a crash in between is caught up by the alert job's sweep.
            routines.put("poll-" + c.id(), () -> mentionAlerts.raiseFor(intake.pollOnce(c).newTaskIds()));
        }
        routines.put("outbox", dispatcher::dispatchDue);
        routines.put("alert-delivery", alertDelivery::dispatchDue);
        if (alertTriggers != null) {
            routines.put("alert-triggers", alertTriggers::runOnce);
        }
        if (llmDrafts != null) {
            routines.put("llm-drafts", llmDrafts);
        }
        if (retention != null) {
            routines.put("retention", retention);
        }
        if (modelScoring != null) {
            routines.put("model-scoring", modelScoring);
        }
        Map<String, Supplier<Job>> jobs = new java.util.HashMap<>();
        routines.forEach((name, routine) -> jobs.put(name, () -> new RoutineJob(name, routine)));
        Map<String, Supplier<Job>> byName = Map.copyOf(jobs);
        try {
            String node = "earshot-" + System.identityHashCode(this);
            // One thread per routine: a routine never runs twice at once, so none ever waits for a thread
            // that another routine holds (a slow poll or LLM call no longer delays the outbox).
            int threads = routines.size();
            Properties props = sharedStore == null ? QuartzProperties.singleNode(node, threads)
                    : QuartzProperties.clusterNode(sharedStore, node, nodeId(node), threads);
            StdSchedulerFactory factory = new StdSchedulerFactory(props);
            scheduler = factory.getScheduler();
            // Quartz registers schedulers JVM-wide by name and would hand a second node in the same
            // JVM (tests, two daemons in one process) this one; each EarshotScheduler owns its own.
            SchedulerRepository.getInstance().remove(scheduler.getSchedulerName());
            scheduler.setJobFactory((bundle, s) -> {
                Supplier<Job> job = byName.get(bundle.getJobDetail().getKey().getName());
                if (job == null) {
                    throw new SchedulerException("no routine named " + bundle.getJobDetail().getKey().getName()
                            + " on this node; all nodes of a cluster need the same connectors");
                }
                return job.get();
            });
            dropRoutinesNoLongerConfigured(byName.keySet());
            for (Connector c : connectors) {
                schedule("poll-" + c.id(), c.schedule());
            }
            schedule("outbox", outboxInterval);
            schedule("alert-delivery", alertDeliveryInterval);
            if (alertTriggers != null) {
                schedule("alert-triggers", alertTriggersInterval);
            }
            if (llmDrafts != null) {
                schedule("llm-drafts", LLM_DRAFTS_EVERY);
            }
            if (retention != null) {
                schedule("retention", RETENTION_EVERY);
            }
            if (modelScoring != null) {
                schedule("model-scoring", MODEL_SCORING_EVERY);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("scheduler: " + e.getMessage(), e);
        }
    }

    private void schedule(String name, Duration every) throws SchedulerException {
        JobDetail job = JobBuilder.newJob(RoutineJob.class).withIdentity(name, "earshot").build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(name, "earshot").startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(every.toMillis())
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        // Replacing keeps one job per name however many nodes start, and takes a changed interval.
        scheduler.scheduleJob(job, Set.of(trigger), true);
    }

    /** A connector removed from the config leaves its job in a shared schedule; nobody could run it. */
    private void dropRoutinesNoLongerConfigured(Set<String> configured) throws SchedulerException {
        for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals("earshot"))) {
            if (!configured.contains(key.getName())) {
                scheduler.deleteJob(key);
            }
        }
    }

    private static String nodeId(String fallback) {
        try {
            return java.net.InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid() + "-" + fallback;
        } catch (java.net.UnknownHostException e) {
            return fallback;
        }
    }

    public void start() {
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("scheduler: " + e.getMessage(), e);
        }
    }

    /** Whether the routines run: started, not paused, not shut down. */
    public boolean running() {
        try {
            return scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /** Runs a job now, out of schedule (the CLI and tests use it). */
    public void triggerNow(String jobName) {
        try {
            scheduler.triggerJob(new JobKey(jobName, "earshot"));
        } catch (SchedulerException e) {
            throw new IllegalStateException("scheduler: " + e.getMessage(), e);
        }
    }

    /** How long {@link #close()} waits for the routines running now (a post, a Slack send, a poll). */
    public static final Duration GRACE = Duration.ofSeconds(30);

    /** Stops at once starting routines, lets those running finish for up to {@link #GRACE}, then stops. */
    @Override
    public void close() {
        close(GRACE);
    }

    /**
     * Starts no routine any more (no poll, no outbox pass), waits up to {@code grace} for the ones running
     * now to finish (so a post under way is recorded as posted, once), then stops.
     *
     * @return whether every running routine finished in time
     */
    public boolean close(Duration grace) {
        try {
            scheduler.standby();
        } catch (SchedulerException e) {
            throw new IllegalStateException("scheduler: " + e.getMessage(), e);
        }
        Thread waiting = new Thread(() -> {
            try {
                scheduler.shutdown(true);
            } catch (SchedulerException e) {
                LOG.warn("scheduler: {}", e.getMessage());
            }
        }, "earshot-scheduler-shutdown");
        waiting.start();
        try {
            waiting.join(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (waiting.isAlive()) {
            LOG.warn("stopping with routines still running after {}s: {}", grace.toSeconds(), runningNames());
            return false;
        }
        return true;
    }

    private java.util.List<String> runningNames() {
        try {
            return scheduler.getCurrentlyExecutingJobs().stream().map(j -> j.getJobDetail().getKey().getName()).toList();
        } catch (SchedulerException e) {
            return java.util.List.of();
        }
    }
}
