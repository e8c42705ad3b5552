package org.earshot.task;

import java.time.Instant;
import org.earshot.config.BusinessHours;
import org.earshot.config.ServiceLevels;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Draft;
import org.earshot.domain.Engagement;
import org.earshot.domain.Mention;
import org.earshot.domain.Score;
import org.earshot.reply.DraftInput;
import org.earshot.reply.ReplyDrafter;
import org.earshot.scoring.CurrentTeamCorrections;
import org.earshot.scoring.MentionScorer;
import org.earshot.scoring.ScoringInput;
import org.earshot.scoring.TeamCorrections;

/**
 * Turns a mention into what its task starts with: scores (the scorer's, then nudged by what the team
 * taught it through corrections), a draft, and the time its first answer is due.
 */
public final class Triage {
    private final MentionScorer scorer;
    private final CurrentTeamCorrections teamCorrections;
    private final ReplyDrafter drafter;
    private final ServiceLevels serviceLevels;
    private final BusinessClock businessClock;

    /** @param businessClock counts the first response's time in the team's business hours */
    public Triage(MentionScorer scorer, CurrentTeamCorrections teamCorrections, ReplyDrafter drafter,
                  ServiceLevels serviceLevels, BusinessClock businessClock) {
        this.scorer = scorer;
        this.teamCorrections = teamCorrections;
        this.drafter = drafter;
        this.serviceLevels = serviceLevels;
        this.businessClock = businessClock;
    }

    /** Service levels counted on the wall clock, around the clock. */
    public Triage(MentionScorer scorer, CurrentTeamCorrections teamCorrections, ReplyDrafter drafter,
                  ServiceLevels serviceLevels) {
        this(scorer, teamCorrections, drafter, serviceLevels, new BusinessClock(BusinessHours.ALWAYS));
    }

    /** Scores without team corrections: for tools and tests that have none. */
    public Triage(MentionScorer scorer, ReplyDrafter drafter, ServiceLevels serviceLevels) {
        this(scorer, new CurrentTeamCorrections(), drafter, serviceLevels);
    }

    /** @param llmPending the draft is the templates' while the LLM writes its own, as its own job ({@link LlmDrafts}) */
    public record Assessment(Score score, Draft draft, Instant dueAt, boolean llmPending) {
    }

    /** Lets the scorer's learned model read a poll's mentions before they are assessed (and their transaction opens). */
    public void readAhead(java.util.List<org.earshot.domain.IncomingMention> polled) {
        if (scorer.model() != null && !polled.isEmpty()) {
            scorer.readAhead(polled.stream().map(m -> MentionScorer.textOf(m.subject(), m.text())).toList());
        }
    }

    public Assessment assess(Mention m, CustomerHistory history, Instant now) {
        Score scored = scorer.score(new ScoringInput(m.platform(), m.text(), m.subject(), m.author(), history,
                m.createdAt(), now, Engagement.from(m.replyContext())));
        Score score = teamCorrections.get().adjust(scorer.analysed(TeamCorrections.textOf(m.subject(), m.text())), scored);
        DraftInput input = draftInput(m, score, history);
        Draft draft = drafter.templateDraft(input);
        // The same deadline the service-level clock alerts on.
        Instant due = businessClock.addWorkingTime(m.receivedAt(),
                serviceLevels.forChannel(drafter.channels().of(m.platform())).firstResponse());
        return new Assessment(score, draft, due, drafter.llmWrites(input, draft));
    }

    static DraftInput draftInput(Mention m, Score score, CustomerHistory history) {
        return new DraftInput(m.platform(), m.author(), m.text(), m.subject(), score, history,
                "true".equals(m.replyContext().get("press")));
    }
}
