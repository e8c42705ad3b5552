package org.earshot.schedule;

import org.earshot.alert.AlertDispatcher;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends whatever alerts are due to Slack. */
@DisallowConcurrentExecution
public final class AlertJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(AlertJob.class);

    private final AlertDispatcher dispatcher;

    AlertJob(AlertDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            dispatcher.dispatchDue();
        } catch (RuntimeException e) {
            LOG.error("alerts: dispatch crashed: {}", e.getMessage(), e);
        }
    }
}
