package org.earshot.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scheduled routine run inside catch-and-log, so that one crash never stops the schedule: the
 * routine runs again at its next turn. Platform failures never reach here (intake records them on
 * the connector's health); what does is the unexpected, such as a database hiccup.
 */
@DisallowConcurrentExecution
public final class RoutineJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(RoutineJob.class);

    private final String name;
    private final Runnable routine;

    RoutineJob(String name, Runnable routine) {
        this.name = name;
        this.routine = routine;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            routine.run();
        } catch (RuntimeException e) {
            LOG.error("{} crashed: {}", name, e.getMessage(), e);
        }
    }
}
