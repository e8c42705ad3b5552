package org.earshot.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.earshot.domain.Platform;
import org.earshot.domain.Sentiment;
import org.junit.jupiter.api.Test;

/**
 * A modest, honest bar on development data: 4,200 tweets rated by people from -4 to +4 (VADER
 * project, MIT licence), read from the shared folder beside the project when it is there, and
 * skipped with a message when it is not. Only
 * clearly rated tweets count (|rating| >= 1.5), and a neutral answer counts as wrong.
 */
class VaderDevelopmentDataTest {
    private static final Path RELATIVE = Path.of("shared", "data", "vader_tweets_groundtruth.txt");

    @Test
    void signAgreesWithPeopleOnClearlyRatedTweets() throws IOException {
        Path data = find();
        assumeTrue(data != null, "skipped: no " + RELATIVE + " beside the project or above it");
        MentionScorer scorer = new MentionScorer();
        int clear = 0;
        int agree = 0;
        for (String line : Files.readAllLines(data, StandardCharsets.UTF_8)) {
            String[] cells = line.strip().split("\t", 3);
            if (cells.length < 3) {
                continue;
            }
            double rating = Double.parseDouble(cells[1]);
            if (Math.abs(rating) < 1.5) {
                continue;
            }
            clear++;
            Sentiment got = scorer.score(new ScoringInput(Platform.X, cells[2], "", null, null, null, null)).sentiment();
            if (got == (rating > 0 ? Sentiment.POSITIVE : Sentiment.NEGATIVE)) {
                agree++;
            }
        }
        double accuracy = agree / (double) clear;
        System.out.printf("VADER tweets: sign agreement %.1f%% on %d clearly rated tweets%n", 100 * accuracy, clear);
        assertThat(clear).isGreaterThan(1000);
        assertThat(accuracy).isGreaterThan(0.80);
    }

    /** ../shared beside a clone of the project; ../../shared beside a worktree's folder. */
    private static Path find() {
        Path dir = Path.of("").toAbsolutePath().getParent();
        for (int up = 0; up < 2 && dir != null; up++, dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(RELATIVE))) {
                return dir.resolve(RELATIVE);
            }
        }
        return null;
    }
}
