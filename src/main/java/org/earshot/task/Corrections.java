package org.earshot.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.Score;
import org.earshot.domain.ScoreCorrection;
import org.earshot.domain.Sentiment;
import org.earshot.domain.UrgencyLevel;
import org.earshot.scoring.CommonTerms;
import org.earshot.scoring.CurrentTeamCorrections;
import org.earshot.scoring.ScoreBands;
import org.earshot.scoring.TeamCorrections;
import org.earshot.store.AuditLog;
import org.earshot.store.CorrectionStore;
import org.earshot.store.Database;
import org.earshot.store.MentionStore;
import org.earshot.store.TaskStore;

/**
 * People relabelling a task's sentiment and urgency level, in any state. The task shows their labels
 * at once (numbers and priority made to fit, so the queue re-sorts), every correction is kept and
 * audited, and the team model is rebuilt from all of them so that similar mentions arrive better labelled.
 */
public final class Corrections {
    /** How many of the latest mentions say which terms are too common to learn (see {@link CommonTerms}). */
    static final int RECENT_MENTIONS = 1000;
    /** Common terms change slowly; they are worked out again when a rebuild finds them older than this. */
    static final Duration COMMON_TERMS_MAX_AGE = Duration.ofHours(1);

    private final Database db;
    private final TaskStore tasks;
    private final MentionStore mentions;
    private final CorrectionStore corrections;
    private final AuditLog audit;
    private final CurrentTeamCorrections model;
    private final Clock clock;
    private final java.util.function.Consumer<String> brandCorrected;
    private final Object rebuilding = new Object();
    private CommonTerms common;
    private Instant commonAt;
    /** The newest correction the model in force was built with; -1 before the first build. */
    private volatile long builtThrough = -1;

    public Corrections(Database db, TaskStore tasks, MentionStore mentions, CorrectionStore corrections,
                       AuditLog audit, CurrentTeamCorrections model, Clock clock) {
        this(db, tasks, mentions, corrections, audit, model, clock, brand -> { });
    }

    /**
     * @param brandCorrected told the brand of each corrected mention once the correction is stored (its
     *                       negativity head is refitted: {@link BrandHeads#refit}); a failure there is
     *                       logged, the correction stands
     */
    public Corrections(Database db, TaskStore tasks, MentionStore mentions, CorrectionStore corrections,
                       AuditLog audit, CurrentTeamCorrections model, Clock clock,
                       java.util.function.Consumer<String> brandCorrected) {
        this.brandCorrected = brandCorrected;
        this.db = db;
        this.tasks = tasks;
        this.mentions = mentions;
        this.corrections = corrections;
        this.audit = audit;
        this.model = model;
        this.clock = clock;
    }

    /**
     * @param sentiment    the person's sentiment, or null to leave it as it is
     * @param urgencyLevel the person's urgency level, or null to leave it as it is
     */
    public ResponseTask correct(long id, Sentiment sentiment, UrgencyLevel urgencyLevel, String actor) {
        if (sentiment == null && urgencyLevel == null) {
            throw new IllegalArgumentException("a correction needs a sentiment, an urgency level or both");
        }
        Instant now = clock.instant();
        String brand = db.inTransaction(c -> {
            tasks.lockState(c, id).orElseThrow(() -> new TaskNotFoundException(id));
            ResponseTask task = tasks.find(c, id).orElseThrow();
            if (task.isIncident()) {
                throw new IllegalArgumentException("task " + id + " is an incident, not a mention: there is no text"
                        + " to teach the scorer with");
            }
            ResponseTask.Correction before = task.correction();
            Sentiment scorerSentiment = before.any() ? before.scorerSentiment() : task.score().sentiment();
            UrgencyLevel scorerLevel = before.any() ? before.scorerUrgencyLevel() : task.score().urgencyLevel();
            String text = TeamCorrections.textOf(task.mention().subject(), task.mention().text());
            corrections.insert(c, new ScoreCorrection(0, id, task.mention().id(), scorerSentiment, scorerLevel,
                    sentiment, urgencyLevel, actor, now, text));
            ResponseTask.Correction after = new ResponseTask.Correction(
                    sentiment != null ? sentiment : before.sentiment(),
                    urgencyLevel != null ? urgencyLevel : before.urgencyLevel(),
                    scorerSentiment, scorerLevel, actor, now);
            tasks.relabel(c, id, ScoreBands.relabel(task.score(), sentiment, urgencyLevel), after, now);
            audit.record(c, now, id, actor, "corrected", detail(task.score(), sentiment, urgencyLevel));
            return task.mention().brand();
        });
        reloadModel();
        if (sentiment != null) {
            try {
                brandCorrected.accept(brand);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Corrections.class).warn(
                        "brand {}: its negativity head could not be refitted ({}); the correction is stored", brand,
                        e.toString());
            }
        }
        return db.inTransaction(c -> tasks.find(c, id)).orElseThrow(() -> new TaskNotFoundException(id));
    }

    /** The team model this node scores with now. */
    public TeamCorrections model() {
        return model.get();
    }

    /** Every correction of the task, oldest first. */
    public List<ScoreCorrection> forTask(long id) {
        return db.inTransaction(c -> corrections.forTask(c, id));
    }

    /**
     * Rebuilds the team model from every stored correction and puts it in force. One rebuild at a
     * time, so a rebuild that read older corrections can never replace a newer model.
     */
    public TeamCorrections reloadModel() {
        synchronized (rebuilding) {
            Instant now = clock.instant();
            if (common == null || now.isAfter(commonAt.plus(COMMON_TERMS_MAX_AGE))) {
                common = commonTerms(db, mentions);
                commonAt = now;
            }
            long[] newest = new long[1];
            List<ScoreCorrection> latest = db.inTransaction(c -> {
                newest[0] = corrections.newestId(c);
                return corrections.latestPerTask(c);
            });
            TeamCorrections learned = TeamCorrections.learn(examples(latest), common);
            model.replace(learned);
            builtThrough = newest[0];
            return learned;
        }
    }

    /**
     * Rebuilds the team model when the newest correction in the database is not the one it was built with:
     * a person corrected a task on another node (or this one) since. Every node runs this on a schedule,
     * so all nodes of a cluster score with the same model soon after any of them took a correction.
     *
     * @return whether the model was rebuilt
     */
    public boolean reloadModelIfChanged() {
        long newest = db.inTransaction(corrections::newestId);
        if (newest == builtThrough) {
            return false;
        }
        reloadModel();
        return true;
    }

    /** The terms too common among the latest mentions to learn. */
    static CommonTerms commonTerms(Database db, MentionStore mentions) {
        List<String> texts = db.inTransaction(c -> mentions.recent(c, RECENT_MENTIONS)).stream()
                .map(m -> TeamCorrections.textOf(m.subject(), m.text())).toList();
        return CommonTerms.of(texts);
    }

    /** What the team model learns from: each corrected mention's text with people's latest labels. */
    static List<TeamCorrections.Example> examples(List<ScoreCorrection> latestPerTask) {
        List<TeamCorrections.Example> out = new ArrayList<>();
        for (ScoreCorrection k : latestPerTask) {
            out.add(TeamCorrections.Example.of(k.mentionText(), k.sentiment(), k.urgencyLevel()));
        }
        return out;
    }

    private static String detail(Score shown, Sentiment sentiment, UrgencyLevel urgencyLevel) {
        List<String> parts = new ArrayList<>();
        if (sentiment != null) {
            parts.add("sentiment " + change(shown.sentiment().id(), sentiment.id()));
        }
        if (urgencyLevel != null) {
            parts.add("urgency " + change(shown.urgencyLevel().id(), urgencyLevel.id()));
        }
        return String.join("; ", parts);
    }

    private static String change(String from, String to) {
        return from.equals(to) ? to + " (confirmed)" : from + " → " + to;
    }
}
