package org.earshot.scoring;

import java.time.Instant;
import org.earshot.Wiring;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Engagement;
import org.earshot.domain.Platform;
import org.earshot.domain.Score;
import org.earshot.reply.DraftInput;
import org.earshot.reply.ReplyDrafter;
import org.earshot.testing.TestConfigs;

/**
 * Run in its own JVM with {@code -Dearshot.countWork=true} by {@link LongTextsTakeLinearWorkTest}: scores
 * and drafts one phrase repeated to each size given, reading the whole text (no cut), and prints the
 * steps each took: {@code <phrase number> <kilobytes> <steps>} a line. The phrases come one an argument,
 * after the sizes joined by commas.
 */
public final class LongTextWorkProbe {
    public static void main(String[] args) {
        String[] sizes = args[0].split(",");
        MentionScorer scorer = new MentionScorer(null, Integer.MAX_VALUE);
        ReplyDrafter drafter = new ReplyDrafter(TestConfigs.policy(), Wiring.CHANNELS, Integer.MAX_VALUE);
        Author author = new Author("traveller", "A Traveller", 120);
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        for (int p = 1; p < args.length; p++) {
            for (String size : sizes) {
                System.out.println(p + " " + size + " " + steps(args[p], Integer.parseInt(size), scorer, drafter, author, now));
            }
        }
    }

    private static long steps(String phrase, int kb, MentionScorer scorer, ReplyDrafter drafter, Author author,
                              Instant now) {
        {
            String text = phrase.repeat(kb * 1024 / phrase.length() + 1);
            long before = WorkCount.steps();
            Score score = scorer.score(new ScoringInput(Platform.X, text, null, author, CustomerHistory.NONE, now, now,
                    Engagement.NONE));
            drafter.draft(new DraftInput(Platform.X, author, text, null, score, CustomerHistory.NONE));
            return WorkCount.steps() - before;
        }
    }
}
