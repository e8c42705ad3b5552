package org.earshot.schedule;

import org.earshot.alert.MentionAlerts;
import org.earshot.connector.Connector;
import org.earshot.intake.MentionIntake;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls one connector and alerts its new pressing tasks. Never throws: a failed poll is on the connector's health and the schedule goes on. */
@DisallowConcurrentExecution
public final class PollJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(PollJob.class);

    private final Connector connector;
    private final MentionIntake intake;
    private final MentionAlerts mentionAlerts;

    PollJob(Connector connector, MentionIntake intake, MentionAlerts mentionAlerts) {
        this.connector = connector;
        this.intake = intake;
        this.mentionAlerts = mentionAlerts;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            // After the poll's transaction: a crash in between is caught up by the alert job's sweep.
            mentionAlerts.raiseFor(intake.pollOnce(connector).newTaskIds());
        } catch (RuntimeException e) {
            // Intake records platform failures itself; this catches the rest (a database hiccup).
            LOG.error("connector {}: poll crashed: {}", connector.id(), e.getMessage(), e);
        }
    }
}
