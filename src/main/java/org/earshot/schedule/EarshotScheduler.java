package org.earshot.schedule;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;

/**
 * Quartz running one poll job per connector, the outbox job, the alert delivery job and, when alerts
 * are on (triggers given), the alert triggers job. Jobs are built with their dependencies by a
 * {@link JobFactory}, keyed by the job's name, not by reflection on empty constructors.
 */
public final class EarshotScheduler implements AutoCloseable {
    private final Scheduler scheduler;

    public EarshotScheduler(Collection<Connector> connectors, MentionIntake intake, MentionAlerts mentionAlerts,
                            OutboxDispatcher dispatcher, Duration outboxInterval, AlertDispatcher alertDelivery,
                            AlertTriggers alertTriggers, Duration alertInterval) {
        Map<String, Supplier<Job>> jobs = connectors.stream().collect(Collectors.toMap(
                c -> "poll-" + c.id(), c -> () -> new PollJob(c, intake, mentionAlerts)));
        jobs = new java.util.HashMap<>(jobs);
        jobs.put("outbox", () -> new OutboxJob(dispatcher));
        jobs.put("alert-delivery", () -> new AlertJob(alertDelivery));
        if (alertTriggers != null) {
            jobs.put("alert-triggers", () -> new AlertTriggersJob(alertTriggers));
        }
        Map<String, Supplier<Job>> byName = Map.copyOf(jobs);
        try {
            Properties props = new Properties();
            props.setProperty("org.quartz.scheduler.instanceName", "earshot-" + System.identityHashCode(this));
            props.setProperty("org.quartz.threadPool.threadCount", "4");
            props.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
            props.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
            scheduler = new StdSchedulerFactory(props).getScheduler();
            scheduler.setJobFactory((bundle, s) -> byName.get(bundle.getJobDetail().getKey().getName()).get());
            for (Connector c : connectors) {
                schedule("poll-" + c.id(), PollJob.class, c.schedule());
            }
            schedule("outbox", OutboxJob.class, outboxInterval);
            schedule("alert-delivery", AlertJob.class, outboxInterval);
            if (alertTriggers != null) {
                schedule("alert-triggers", AlertTriggersJob.class, alertInterval);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("scheduler: " + e.getMessage(), e);
        }
    }

    private void schedule(String name, Class<? extends Job> type, Duration every) throws SchedulerException {
        JobDetail job = JobBuilder.newJob(type).withIdentity(name, "earshot").build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(name, "earshot").startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(every.toMillis())
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        scheduler.scheduleJob(job, trigger);
    }

    public void start() {
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("scheduler: " + e.getMessage(), e);
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

    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("scheduler: " + e.getMessage(), e);
        }
    }
}
