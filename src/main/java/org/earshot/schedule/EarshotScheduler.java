package org.earshot.schedule;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
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
        Map<String, Supplier<Job>> jobs = new java.util.HashMap<>();
        routines.forEach((name, routine) -> jobs.put(name, () -> new RoutineJob(name, routine)));
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
                schedule("poll-" + c.id(), c.schedule());
            }
            schedule("outbox", outboxInterval);
            schedule("alert-delivery", outboxInterval);
            if (alertTriggers != null) {
                schedule("alert-triggers", alertInterval);
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
