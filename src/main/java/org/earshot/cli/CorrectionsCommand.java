package org.earshot.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.earshot.scoring.MentionScorer;
import org.earshot.scoring.TeamCorrections;
import org.earshot.store.CorrectionStore;
import org.earshot.store.Database;
import org.earshot.store.MentionStore;
import org.earshot.store.TaskStore;
import org.earshot.task.CorrectionAccuracy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "corrections",
        description = {"Shows how the team's corrections change the labels: every corrected task is scored by the "
                + "scorer alone and with a team model learned from all the other corrections (leave one out), and "
                + "both are compared with the labels people gave. Then the terms the team model learned."})
public final class CorrectionsCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--terms", defaultValue = "10", paramLabel = "N",
            description = "How many learned terms to show per label kind (default: ${DEFAULT-VALUE}).")
    int terms;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = Database.open(config.load().storage())) {
            CorrectionAccuracy.Report report = new CorrectionAccuracy(db, new TaskStore(), new MentionStore(),
                    new CorrectionStore(), new MentionScorer()).measure();
            print(report, out);
        }
        out.flush();
        return 0;
    }

    void print(CorrectionAccuracy.Report r, PrintWriter out) {
        if (r.correctedTasks() == 0) {
            out.println("No corrections yet: relabel tasks in the queue (or POST /api/tasks/{id}/correct), "
                    + "then run this again.");
            return;
        }
        out.printf(Locale.ROOT, "%d corrected task(s); each scored by the scorer alone, then with a team model "
                + "learned from the other %d.%n%n", r.correctedTasks(), r.correctedTasks() - 1);
        out.printf(Locale.ROOT, "%-14s %9s   %-14s   %-14s %6s %7s%n", "", "corrected", "scorer alone",
                "with team model", "fixed", "broken");
        row(out, "sentiment", r.sentiment());
        row(out, "urgency level", r.urgencyLevel());
        out.println();
        out.printf(Locale.ROOT, "Terms learned from all %d correction(s):%n", r.model().size());
        terms(out, "sentiment", r.model().sentimentTerms(terms));
        terms(out, "urgency", r.model().urgencyTerms(terms));
    }

    private static void row(PrintWriter out, String name, CorrectionAccuracy.Tally t) {
        if (t.corrected() == 0) {
            out.printf(Locale.ROOT, "%-14s %9d   (nobody corrected this label)%n", name, 0);
            return;
        }
        out.printf(Locale.ROOT, "%-14s %9d   %-14s → %-14s %6d %7d%n", name, t.corrected(),
                share(t.rightBefore(), t.corrected()), share(t.rightAfter(), t.corrected()), t.fixed(), t.broken());
    }

    private static String share(int right, int of) {
        return String.format(Locale.ROOT, "%d/%d (%.1f%%)", right, of, 100.0 * right / of);
    }

    private static void terms(PrintWriter out, String kind, List<? extends TeamCorrections.LearnedTerm<?>> learned) {
        if (learned.isEmpty()) {
            out.printf(Locale.ROOT, "  %-10s none yet%n", kind);
            return;
        }
        for (TeamCorrections.LearnedTerm<?> t : learned) {
            out.printf(Locale.ROOT, "  %-10s %-28s → %-9s %d of %d%n", kind, "'" + t.term() + "'",
                    t.label().name().toLowerCase(Locale.ROOT), t.agreeing(), t.seen());
        }
    }
}
