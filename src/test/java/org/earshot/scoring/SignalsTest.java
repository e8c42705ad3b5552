package org.earshot.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.earshot.scoring.Scoring.score;
import static org.earshot.scoring.Scoring.spread;
import static org.earshot.scoring.Scoring.waited;

import java.time.Duration;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Engagement;
import org.earshot.domain.Score;
import org.earshot.domain.UrgencyLevel;
import org.junit.jupiter.api.Test;

/** What is known besides the words: audience, spread, history and time waited. */
class SignalsTest {
    private static final String COMPLAINT = "The delay on my flight today was ridiculous";

    @Test
    void bigAudienceMakesAComplaintHighAndSaysHowBig() {
        Score s = score(COMPLAINT, 12_400, CustomerHistory.NONE);
        assertThat(s.urgencyLevel()).isEqualTo(UrgencyLevel.HIGH);
        assertThat(s.reasons()).contains("audience 12k");
        assertThat(score(COMPLAINT, 820_000, CustomerHistory.NONE).reasons()).contains("audience 820k");
        assertThat(score(COMPLAINT, 1_500_000, CustomerHistory.NONE).reasons()).contains("audience 1.5M");
    }

    @Test
    void bigAudiencePraiseIsNotUrgentButIsNamed() {
        Score s = score("Lovely crew on the Lisbon flight today", 500_000, CustomerHistory.NONE);
        assertThat(s.urgencyLevel()).isEqualTo(UrgencyLevel.LOW);
        assertThat(s.reasons()).contains("audience 500k");
    }

    @Test
    void aSpreadingComplaintIsHighAndSaysHowFar() {
        Score s = spread(COMPLAINT, new Engagement(3_400, 1_200, 310));
        assertThat(s.urgencyLevel()).isEqualTo(UrgencyLevel.HIGH);
        assertThat(s.reasons()).contains("spreading: 1.2k reposts, 3.4k likes");
    }

    @Test
    void aViralComplaintIsCritical() {
        Score s = spread(COMPLAINT, new Engagement(48_000, 12_500, 2_100));
        assertThat(s.urgencyLevel()).isEqualTo(UrgencyLevel.CRITICAL);
        assertThat(s.reasons()).contains("viral: 12k reposts, 48k likes");
    }

    @Test
    void aFewLikesAreNotSpread() {
        Score s = spread(COMPLAINT, new Engagement(12, 1, 2));
        assertThat(s.urgencyLevel()).isEqualTo(UrgencyLevel.NORMAL);
        assertThat(s.reasons()).noneMatch(r -> r.startsWith("spreading"));
    }

    @Test
    void spreadRaisesPriorityWithinABand() {
        assertThat(spread(COMPLAINT, new Engagement(30, 5, 3)).priority())
                .isGreaterThan(spread(COMPLAINT, Engagement.NONE).priority());
    }

    @Test
    void aRepeatComplainerIsHighAndCounted() {
        Score s = score("My refund still hasn't arrived", 80, new CustomerHistory(3, 1, 1));
        assertThat(s.urgencyLevel()).isEqualTo(UrgencyLevel.HIGH);
        assertThat(s.reasons()).contains("2nd complaint");
        assertThat(score("Still no refund", 80, new CustomerHistory(5, 2, 1)).reasons()).contains("3rd complaint");
        assertThat(score("Still no refund", 80, new CustomerHistory(15, 10, 1)).reasons()).contains("11th complaint");
    }

    @Test
    void earlierComplaintsAreNamedButDoNotMakePraiseUrgent() {
        Score s = score("Thanks, all sorted now!", 80, new CustomerHistory(4, 2, 2));
        assertThat(s.urgencyLevel()).isEqualTo(UrgencyLevel.LOW);
        assertThat(s.reasons()).contains("2 earlier complaints");
    }

    @Test
    void aComplaintThatWaitedKeepsItsLevelAndRisesInPriority() {
        Score fresh = waited("The wifi on board didn't work at all", Duration.ZERO);
        Score old = waited("The wifi on board didn't work at all", Duration.ofHours(14));
        assertThat(fresh.urgencyLevel()).isEqualTo(UrgencyLevel.NORMAL);
        assertThat(old.urgencyLevel()).isEqualTo(UrgencyLevel.NORMAL);
        assertThat(old.priority()).isGreaterThan(fresh.priority());
        assertThat(waited("The wifi on board didn't work at all", Duration.ofDays(3)).reasons())
                .noneMatch(r -> r.startsWith("waiting"));
    }

    @Test
    void praiseThatWaitedIsStillLow() {
        assertThat(waited("Lovely crew, thank you!", Duration.ofHours(20)).urgencyLevel()).isEqualTo(UrgencyLevel.LOW);
    }

    @Test
    void countsAreSaidTheWayPeopleSayThem() {
        assertThat(Audience.count(950)).isEqualTo("950");
        assertThat(Audience.count(1_250)).isEqualTo("1.2k");
        assertThat(Audience.count(12_400)).isEqualTo("12k");
        assertThat(Audience.count(3_400_000)).isEqualTo("3.4M");
        assertThat(Audience.followers(2_000_000)).isEqualTo("2M");
        assertThat(Audience.ordinal(2)).isEqualTo("2nd");
        assertThat(Audience.ordinal(12)).isEqualTo("12th");
        assertThat(Audience.ordinal(23)).isEqualTo("23rd");
    }
}
