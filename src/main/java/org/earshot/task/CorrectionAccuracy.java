package org.earshot.task;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Engagement;
import org.earshot.domain.Mention;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.Score;
import org.earshot.domain.ScoreCorrection;
import org.earshot.scoring.CommonTerms;
import org.earshot.scoring.MentionScorer;
import org.earshot.scoring.ScoringInput;
import org.earshot.scoring.TeamCorrections;
import org.earshot.store.CorrectionStore;
import org.earshot.store.Database;
import org.earshot.store.MentionStore;
import org.earshot.store.TaskStore;

/**
 * How much the team model helps, measured honestly: every corrected task is scored again by the
 * scorer alone, and then with a model learned from all the other corrections (leave one out), and
 * both are compared with the label people gave it.
 */
public final class CorrectionAccuracy {

    /**
     * One kind of label over the tasks people gave it: how many the scorer alone got right, how many
     * with the team model, and how many the model turned from wrong to right ({@code fixed}) or right to
     * wrong ({@code broken}).
     */
    public record Tally(int corrected, int rightBefore, int rightAfter, int fixed, int broken) {
        public double accuracyBefore() {
            return corrected == 0 ? 0 : rightBefore / (double) corrected;
        }

        public double accuracyAfter() {
            return corrected == 0 ? 0 : rightAfter / (double) corrected;
        }
    }

    /** The tallies, and the model learned from every correction (for its terms). */
    public record Report(int correctedTasks, Tally sentiment, Tally urgencyLevel, TeamCorrections model) {
    }

    private record Case(ScoreCorrection correction, TeamCorrections.Example example, Score before) {
    }

    private final Database db;
    private final TaskStore tasks;
    private final MentionStore mentions;
    private final CorrectionStore corrections;
    private final MentionScorer scorer;

    public CorrectionAccuracy(Database db, TaskStore tasks, MentionStore mentions, CorrectionStore corrections,
                              MentionScorer scorer) {
        this.db = db;
        this.tasks = tasks;
        this.mentions = mentions;
        this.corrections = corrections;
        this.scorer = scorer;
    }

    public Report measure() {
        List<Case> cases = db.inTransaction(c -> {
            List<Case> out = new ArrayList<>();
            List<ScoreCorrection> latest = corrections.latestPerTask(c);
            List<TeamCorrections.Example> examples = Corrections.examples(latest);
            for (int i = 0; i < latest.size(); i++) {
                ScoreCorrection k = latest.get(i);
                ResponseTask task = tasks.find(c, k.taskId()).orElseThrow(() -> new TaskNotFoundException(k.taskId()));
                Mention m = task.mention();
                CustomerHistory history = mentions.historyBefore(c, m.platform(), m.author(), m.id());
                // Scored as at the time the task was opened, so waiting time weighs as it did then.
                Score before = scorer.score(new ScoringInput(m.platform(), m.text(), m.subject(), m.author(), history,
                        m.createdAt(), task.createdAt(), Engagement.from(m.replyContext())));
                out.add(new Case(k, examples.get(i), before));
            }
            return out;
        });
        CommonTerms common = Corrections.commonTerms(db, mentions);
        List<Score> after = new ArrayList<>();
        for (Case k : cases) {
            List<TeamCorrections.Example> others = cases.stream().filter(o -> o != k).map(Case::example).toList();
            after.add(TeamCorrections.learn(others, common).adjust(k.example().text(), k.before()));
        }
        TeamCorrections all = TeamCorrections.learn(cases.stream().map(Case::example).toList(), common);
        return new Report(cases.size(),
                tally(cases, after, k -> k.sentiment(), Score::sentiment),
                tally(cases, after, k -> k.urgencyLevel(), Score::urgencyLevel),
                all);
    }

    private static <L> Tally tally(List<Case> cases, List<Score> after, Function<ScoreCorrection, L> truthOf,
                                   Function<Score, L> labelOf) {
        int corrected = 0;
        int rightBefore = 0;
        int rightAfter = 0;
        int fixed = 0;
        int broken = 0;
        for (int i = 0; i < cases.size(); i++) {
            L truth = truthOf.apply(cases.get(i).correction());
            if (truth == null) {
                continue;
            }
            boolean before = truth == labelOf.apply(cases.get(i).before());
            boolean now = truth == labelOf.apply(after.get(i));
            corrected++;
            rightBefore += before ? 1 : 0;
            rightAfter += now ? 1 : 0;
            fixed += !before && now ? 1 : 0;
            broken += before && !now ? 1 : 0;
        }
        return new Tally(corrected, rightBefore, rightAfter, fixed, broken);
    }
}
