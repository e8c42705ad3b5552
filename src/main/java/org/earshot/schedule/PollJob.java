package org.earshot.schedule;

import org.earshot.connector.Connector;
import org.earshot.intake.MentionIntake;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls one connector. Never throws: a failed poll is on the connector's health and the schedule goes on. */
@DisallowConcurrentExecution
public final class PollJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(PollJob.class);

    private final Connector connector;
    private final MentionIntake intake;

    PollJob(Connector connector, MentionIntake intake) {
        this.connector = connector;
        this.intake = intake;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            intake.pollOnce(connector);
        } catch (RuntimeException e) {
            // Intake records platform failures itself; this catches the rest (a database hiccup).
            LOG.error("connector {}: poll crashed: {}", connector.id(), e.getMessage(), e);
        }
    }
}
