package org.earshot.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.earshot.scoring.Scoring.NOW;
import static org.earshot.scoring.Scoring.score;

import java.time.Duration;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Platform;
import org.earshot.domain.Score;
import org.junit.jupiter.api.Test;

class PriorityTest {
    private final MentionScorer scorer = new MentionScorer();

    @Test
    void strandedTravellerComesBeforePraise() {
        Score stranded = score("Stuck at the airport overnight, flight cancelled, no hotel, two kids");
        Score praise = score("Thank you for the lovely flight, the crew was amazing!");
        assertThat(stranded.priority()).isGreaterThan(praise.priority());
    }

    @Test
    void strandedTravellerComesBeforeFamousPraise() {
        Score stranded = score("Stranded at the gate in Lisbon, nobody is answering");
        Score famousPraise = score("Thank you for the lovely flight!", 2_000_000, CustomerHistory.NONE);
        assertThat(stranded.priority()).isGreaterThan(famousPraise.priority());
    }

    @Test
    void criticalBeforeHighBeforeNormalBeforeLow() {
        double critical = score("Smoke in the cabin and nobody told us anything").priority();
        double high = score("You charged me twice for my seat").priority();
        double normal = score("The coffee on board was cold").priority();
        double low = score("Nice new uniforms!").priority();
        assertThat(critical).isGreaterThan(high);
        assertThat(high).isGreaterThan(normal);
        assertThat(normal).isGreaterThan(low);
    }

    @Test
    void waitingLongerRaisesPriorityAndSaysHowLong() {
        Score fresh = at(Duration.ZERO);
        Score old = at(Duration.ofHours(5));
        assertThat(old.priority()).isGreaterThan(fresh.priority());
        assertThat(old.reasons()).contains("waiting 5h");
        assertThat(at(Duration.ofDays(3)).reasons()).contains("waiting 3d");
    }

    @Test
    void biggerReachRaisesPriority() {
        assertThat(score("The coffee on board was cold", 50_000, CustomerHistory.NONE).priority())
                .isGreaterThan(score("The coffee on board was cold", 50, CustomerHistory.NONE).priority());
    }

    @Test
    void missingAuthorHistoryAndTimesAreTolerated() {
        Score s = scorer.score(new ScoringInput(Platform.MASTODON, "Where is my bag?", null, null, null, null, null));
        assertThat(s.reasons()).contains("where is my bag");
    }

    @Test
    void subjectIsScoredWithTheText() {
        Score s = scorer.score(new ScoringInput(Platform.EMAIL, "Booking XY7Q2, see below.", "Charged twice",
                new Author("a@example.com", "", 0), CustomerHistory.NONE, NOW, NOW));
        assertThat(s.reasons()).contains("money: 'charged twice'");
    }

    private Score at(Duration waited) {
        return scorer.score(new ScoringInput(Platform.X, "The coffee on board was cold", "",
                new Author("a", "A", 10), CustomerHistory.NONE, NOW.minus(waited), NOW));
    }
}
