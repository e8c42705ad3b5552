package org.earshot.schedule;

import org.earshot.task.OutboxDispatcher;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Posts whatever approved replies are due. */
@DisallowConcurrentExecution
public final class OutboxJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxJob.class);

    private final OutboxDispatcher dispatcher;

    OutboxJob(OutboxDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            dispatcher.dispatchDue();
        } catch (RuntimeException e) {
            LOG.error("outbox: dispatch crashed: {}", e.getMessage(), e);
        }
    }
}
