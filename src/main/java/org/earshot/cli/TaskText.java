package org.earshot.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.earshot.domain.ResponseTask;

/** How the CLI prints tasks: one line in lists, a block for {@code show}. */
final class TaskText {
    private TaskText() {
    }

    static String line(ResponseTask t, Instant now) {
        String text = (t.isIncident() ? t.incident().summary() : t.mention().text()).replaceAll("\\s+", " ").strip();
        if (text.length() > 70) {
            text = text.substring(0, 67) + "...";
        }
        return String.format(Locale.ROOT, "%5d  %6.2f  %-8s  %-8s  %-9s  %-22s  %-12s  %s", t.id(), t.score().priority(),
                t.score().urgencyLevel().id(), t.score().sentiment().id(), t.platform().id(),
                clip(t.isIncident() ? "incident" : t.mention().author().handle(), 22), due(t, now), text);
    }

    static String header() {
        return String.format(Locale.ROOT, "%5s  %6s  %-8s  %-8s  %-9s  %-22s  %-12s  %s", "id", "prio", "urgency",
                "mood", "platform", "author", "due", "mention");
    }

    static String block(ResponseTask t, Instant now) {
        StringBuilder b = new StringBuilder();
        b.append("task ").append(t.id()).append("  ").append(t.state()).append("  priority ")
                .append(String.format(Locale.ROOT, "%.2f", t.score().priority())).append("  due ").append(due(t, now))
                .append('\n');
        if (t.isIncident()) {
            b.append("incident ").append(t.incident().mentions()).append(" complaints about ")
                    .append(t.incident().brand()).append(" on ").append(t.incident().channelList()).append('\n');
            b.append("said     ").append(t.incident().summary()).append('\n');
            return b.append("draft    ").append(t.draft().text()).append('\n').toString();
        }
        b.append("from     ").append(t.mention().author().name()).append(" <").append(t.mention().author().handle())
                .append(">  on ").append(t.mention().platform().id()).append(" (").append(t.mention().connectorId())
                .append(")  followers ").append(t.mention().author().followers()).append('\n');
        if (!t.mention().subject().isBlank()) {
            b.append("subject  ").append(t.mention().subject()).append('\n');
        }
        b.append("said     ").append(t.mention().text().strip().replace("\n", "\n         ")).append('\n');
        b.append(String.format(Locale.ROOT, "scores   negativity %.2f (%s), urgency %.2f (%s)%n", t.score().negativity(),
                t.score().sentiment().id(), t.score().urgency(), t.score().urgencyLevel().id()));
        if (t.correction().any()) {
            b.append("relabel  by ").append(t.correction().actor()).append(" at ").append(t.correction().at())
                    .append(": ").append(correction(t.correction())).append('\n');
        }
        b.append("reasons  ").append(t.score().reasons().isEmpty() ? "-" : String.join("; ", t.score().reasons()))
                .append('\n');
        b.append("intent   ").append(t.draft().intent().id()).append(t.draft().followUp() ? "  (follow-up)" : "")
                .append('\n');
        b.append("draft    ").append(t.draft().text().replace("\n", "\n         ")).append('\n');
        t.draft().warnings().forEach(w -> b.append("warning  ").append(w.line()).append("  [").append(w.rule())
                .append("]\n"));
        if (t.decision().actor() != null) {
            b.append("decided  by ").append(t.decision().actor()).append(" at ").append(t.decision().at()).append('\n');
        }
        if (t.decision().rejectReason() != null) {
            b.append("rejected ").append(t.decision().rejectReason()).append('\n');
        }
        if (t.delivery().lastError() != null) {
            b.append("error    ").append(t.delivery().lastError()).append('\n');
        }
        if (t.delivery().blocked()) {
            b.append("blocked  after ").append(t.delivery().attempts()).append(" attempt(s); `earshot retry ")
                    .append(t.id()).append("` posts it again\n");
        }
        if (t.delivery().postedAt() != null) {
            b.append("posted   ").append(t.delivery().postedReplyId()).append(" at ").append(t.delivery().postedAt())
                    .append('\n');
        }
        return b.toString();
    }

    private static String correction(ResponseTask.Correction k) {
        StringBuilder b = new StringBuilder();
        if (k.sentiment() != null) {
            b.append("sentiment ").append(k.scorerSentiment().id()).append(" → ").append(k.sentiment().id());
        }
        if (k.urgencyLevel() != null) {
            b.append(b.length() > 0 ? ", " : "").append("urgency ").append(k.scorerUrgencyLevel().id()).append(" → ")
                    .append(k.urgencyLevel().id());
        }
        return b.toString();
    }

    static String due(ResponseTask t, Instant now) {
        Duration left = Duration.between(now, t.dueAt());
        if (left.isNegative()) {
            return "overdue " + human(left.negated());
        }
        return "in " + human(left);
    }

    private static String human(Duration d) {
        if (d.toDays() > 0) return d.toDays() + "d" + d.toHoursPart() + "h";
        if (d.toHours() > 0) return d.toHours() + "h" + d.toMinutesPart() + "m";
        return d.toMinutes() + "m";
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
