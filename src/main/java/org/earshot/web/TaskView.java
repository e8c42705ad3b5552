package org.earshot.web;

import java.time.Instant;
import java.util.List;
import org.earshot.domain.Channel;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.ScoreCorrection;
import org.earshot.domain.Sentiment;
import org.earshot.domain.UrgencyLevel;
import org.earshot.domain.Warning;
import org.earshot.reply.ReplyDrafter;
import org.earshot.store.AuditLog;

/**
 * A task as the API shows it: camelCase fields, ISO-8601 times, lower-case enums except the state,
 * which stays upper-case because {@code ?state=NEW} filters on it. {@code history} and {@code thread}
 * (replies, reposts and quotes folded into this task) are null in lists, and so is {@code corrections}
 * (every relabelling of the task); {@code scores.correction} (people's labels, by whom) is null until
 * someone relabels the task. {@code warnings} are the draft's, each with its kind (hard, soft, notice),
 * its rule's id and its text; {@code draft.warnings} keeps them as the one-line strings ("hard: ...")
 * scripts read before warnings had kinds. {@code channel} is what the mention's platform can do, as its
 * connector declares: the queue reads it instead of knowing platforms. {@code language} is the
 * mention's (ISO 639-1, "en"), null for tasks opened before languages were read.
 * {@code assignee} is the person or
 * team the task is assigned to (null for nobody), {@code snoozedUntil} when a snoozed task comes back, and
 * {@code version} when the task last changed: an approval that sends it is refused (409) if the task
 * changed since.
 */
record TaskView(
        long id,
        String state,
        MentionView mention,
        ChannelView channel,
        ScoresView scores,
        DraftView draft,
        List<WarningView> warnings,
        DecisionView decision,
        DeliveryView delivery,
        Instant createdAt,
        Instant dueAt,
        List<HistoryEntry> history,
        List<MentionView> thread,
        List<CorrectionView> corrections,
        ServiceLevelView serviceLevel,
        CustomerView customer,
        IncidentView incident,
        String language,
        String assignee,
        Instant snoozedUntil,
        String version) {

    /**
     * What an incident's task answers (null for a mention's task, whose {@code mention} says it; an incident's
     * {@code mention} is null): the burst's complaints so far, from when, and the connectors they came from,
     * busiest first, on each of which approving posts the statement once, at top level, except those in
     * {@code notPosted}, each with why it was not posted there.
     */
    record IncidentView(String brand, int mentions, Instant startedAt, Instant lastHeardAt, List<String> channels,
                        List<String> platforms, String summary, java.util.Map<String, String> notPosted) {
        static IncidentView of(org.earshot.domain.Incident i) {
            return i == null ? null : new IncidentView(i.brand(), i.mentions(), i.startedAt(), i.lastHeardAt(),
                    i.channels(), i.platforms().stream().map(org.earshot.domain.Platform::id).toList(), i.summary(),
                    i.notPosted());
        }
    }

    /**
     * What the team knew of the person when the mention was heard, on every channel: earlier mentions,
     * how many were complaints, how many were answered, and the platforms they came from.
     */
    record CustomerView(int previousMentions, int previousComplaints, int previousReplies, List<String> channels) {
        static CustomerView of(org.earshot.domain.CustomerHistory h) {
            return new CustomerView(h.previousMentions(), h.previousComplaints(), h.previousReplies(),
                    h.channels().stream().map(org.earshot.domain.Platform::id).toList());
        }
    }

    /**
     * The task's nearest service-level deadline as of the server's clock (null once the customer has an
     * answer): {@code target} first_response or resolution, {@code minutesLeft} negative when overdue,
     * {@code state} on_time, about_to_breach or breached.
     */
    record ServiceLevelView(String target, Instant dueAt, long minutesLeft, String state) {
        static ServiceLevelView of(org.earshot.alert.ServiceLevelClock.Standing s) {
            return new ServiceLevelView(s.target().id(), s.due(), s.minutesLeft(), s.state().id());
        }
    }

    record MentionView(long id, String connectorId, String brand, String platform, String externalId,
                       AuthorView author, String text, String subject, String url, Instant createdAt,
                       Instant receivedAt) {
    }

    /**
     * {@code canReply} false (and {@code readOnly} true) where approving closes the task as answered by hand;
     * {@code maxLength} the characters one post may have (with the @handle where the platform adds it), null
     * for none; {@code threadsBlocks} whether the
     * reply goes out as several blocks or one message.
     */
    record ChannelView(String id, boolean canReply, boolean readOnly, Integer maxLength, boolean threadsBlocks) {
        static ChannelView of(Channel c) {
            return new ChannelView(c.platform().id(), c.canReply(), c.readOnly(),
                    c.hasLimit() ? c.maxPostLength() : null, c.threadsBlocks());
        }
    }

    record AuthorView(String handle, String name, long followers) {
    }

    record ScoresView(double negativity, String sentiment, double urgency, String urgencyLevel, double priority,
                      List<String> reasons, ScoresCorrectionView correction) {
    }

    /** The labels people set (null where nobody did), the scorer's own, and who corrected last, when. */
    record ScoresCorrectionView(String sentiment, String urgencyLevel, String scorerSentiment,
                                String scorerUrgencyLevel, String by, Instant at) {
    }

    /** One relabelling as it was sent: null where it left a label alone. */
    record CorrectionView(Instant at, String by, String sentiment, String urgencyLevel, String scorerSentiment,
                          String scorerUrgencyLevel) {
    }

    /** {@code escalatedTo} names who takes a crisis ("the legal team"), null for every other draft. */
    record DraftView(String intent, String text, List<String> blocks, List<String> warnings, boolean followUp,
                     String escalatedTo) {
    }

    /** One warning: {@code kind} hard (approving needs an override), soft or notice; {@code rule} a stable id. */
    record WarningView(String kind, String rule, String text) {
        static List<WarningView> of(List<Warning> warnings) {
            return warnings.stream().map(w -> new WarningView(w.kind().id(), w.rule(), w.text())).toList();
        }
    }

    record DecisionView(String actor, Instant at, String approvedText, String rejectReason) {
    }

    /** {@code blocked}: the outbox stopped trying (refused for good, or out of attempts) until someone retries it. */
    record DeliveryView(int attempts, String lastError, String postedReplyId, Instant postedAt, boolean blocked) {
    }

    record HistoryEntry(Instant at, String actor, String action, String detail) {
    }

    static TaskView of(ResponseTask t, Channel channel, ServiceLevelView serviceLevel) {
        return of(t, channel, null, null, null, serviceLevel);
    }

    private static MentionView mention(org.earshot.domain.Mention m) {
        if (m == null) {
            return null;
        }
        return new MentionView(m.id(), m.connectorId(), m.brand(), m.platform().id(), m.externalId(),
                new AuthorView(m.author().handle(), m.author().name(), m.author().followers()),
                m.text(), m.subject(), m.url(), m.createdAt(), m.receivedAt());
    }

    static TaskView of(ResponseTask t, Channel channel, List<AuditLog.Entry> history, List<org.earshot.domain.Mention> thread,
                       List<ScoreCorrection> corrections, ServiceLevelView serviceLevel) {
        var m = t.mention();
        var s = t.score();
        var d = t.draft();
        return new TaskView(
                t.id(),
                t.state().name(),
                mention(m),
                ChannelView.of(channel),
                new ScoresView(s.negativity(), s.sentiment().id(), s.urgency(), s.urgencyLevel().id(), s.priority(),
                        s.reasons(), correction(t.correction())),
                new DraftView(d.intent().id(), d.text(), d.blocks(), d.warningLines(), d.followUp(),
                        ReplyDrafter.escalatedTo(d).orElse(null)),
                WarningView.of(d.warnings()),
                new DecisionView(t.decision().actor(), t.decision().at(), t.decision().approvedText(),
                        t.decision().rejectReason()),
                new DeliveryView(t.delivery().attempts(), t.delivery().lastError(), t.delivery().postedReplyId(),
                        t.delivery().postedAt(), t.delivery().blocked()),
                t.createdAt(),
                t.dueAt(),
                history == null ? null
                        : history.stream().map(e -> new HistoryEntry(e.at(), e.actor(), e.action(), e.detail()))
                                .toList(),
                thread == null ? null : thread.stream().map(TaskView::mention).toList(),
                corrections == null ? null : corrections.stream().map(k -> new CorrectionView(k.at(), k.actor(),
                        id(k.sentiment()), id(k.urgencyLevel()), id(k.scorerSentiment()),
                        id(k.scorerUrgencyLevel()))).toList(),
                serviceLevel,
                CustomerView.of(t.customer()),
                IncidentView.of(t.incident()), t.language(),
                t.handling().assignee(),
                t.handling().snoozedUntil(),
                t.handling().version() == null ? null : t.handling().version().toString());
    }

    private static ScoresCorrectionView correction(ResponseTask.Correction k) {
        if (!k.any()) {
            return null;
        }
        return new ScoresCorrectionView(id(k.sentiment()), id(k.urgencyLevel()), id(k.scorerSentiment()),
                id(k.scorerUrgencyLevel()), k.actor(), k.at());
    }

    private static String id(Sentiment s) {
        return s == null ? null : s.id();
    }

    private static String id(UrgencyLevel u) {
        return u == null ? null : u.id();
    }
}
