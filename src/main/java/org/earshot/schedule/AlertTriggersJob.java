package org.earshot.schedule;

import org.earshot.alert.AlertTriggers;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the alert triggers: service levels, follow-ups, spikes, connector health, the digest. */
@DisallowConcurrentExecution
public final class AlertTriggersJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(AlertTriggersJob.class);

    private final AlertTriggers triggers;

    AlertTriggersJob(AlertTriggers triggers) {
        this.triggers = triggers;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            triggers.runOnce();
        } catch (RuntimeException e) {
            LOG.error("alerts: triggers crashed: {}", e.getMessage(), e);
        }
    }
}
