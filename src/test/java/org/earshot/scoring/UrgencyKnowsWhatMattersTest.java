package org.earshot.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Platform;
import org.earshot.domain.Score;
import org.earshot.domain.UrgencyLevel;
import org.junit.jupiter.api.Test;

/** The level is about the mention itself: what happened, not how long it waited. */
class UrgencyKnowsWhatMattersTest {
    private static final Instant NOW = Instant.parse("2026-03-14T10:00:00Z");
    private final MentionScorer scorer = new MentionScorer();

    private Score score(String text) {
        return score(text, NOW);
    }

    private Score score(String text, Instant created) {
        return scorer.score(new ScoringInput(Platform.X, text, null, new Author("pat", "Pat", 120),
                CustomerHistory.NONE, created, NOW));
    }

    @Test
    void aSmokingPowerBankThatSmellsOfBurningIsCritical() {
        Score s = score("@VoltGear the power bank is smoking and smells like burning, what do I do");
        assertThat(s.urgencyLevel()).isEqualTo(UrgencyLevel.CRITICAL);
        assertThat(s.reasons().get(0)).startsWith("safety");
    }

    @Test
    void aSwellingBatteryLiftingTheTrackpadIsCritical() {
        Score s = score("@BookLaptops my laptop's battery swelling and the trackpad is lifting, is it safe to charge?");
        assertThat(s.urgencyLevel()).isEqualTo(UrgencyLevel.CRITICAL);
    }

    @Test
    void medicationInALostBagIsCritical() {
        assertThat(score("@SkyWays my bag is lost and my insulin is in it, I need it tonight").urgencyLevel())
                .isEqualTo(UrgencyLevel.CRITICAL);
        assertThat(score("@SkyWays lost luggage with my son's inhaler inside, please find it").urgencyLevel())
                .isEqualTo(UrgencyLevel.CRITICAL);
        assertThat(score("@SkyWays my suitcase never arrived and all my medication was in it").urgencyLevel())
                .isEqualTo(UrgencyLevel.CRITICAL);
    }

    @Test
    void anOutageLongPastWithPraiseSinceIsNoAlarm() {
        Score s = score("@FiberNet the outage last year was rough but they've been rock solid since");
        assertThat(s.urgencyLevel()).isIn(UrgencyLevel.LOW, UrgencyLevel.NORMAL);
        assertThat(s.reasons()).noneMatch(r -> r.startsWith("outage"));
    }

    @Test
    void aSafetyReportRanksAboveAQuestionAboutBikes() {
        Score bikes = score("@RailCo can I bring my bike on the 8:15 tomorrow? is there a bike space?");
        Score safety = score("@RailCo the door on carriage 4 opened while the train was moving");
        assertThat(safety.priority()).isGreaterThan(bikes.priority());
        assertThat(safety.urgencyLevel()).isEqualTo(UrgencyLevel.CRITICAL);
    }

    @Test
    void timeWaitedIsNeitherTheLevelNorAReason() {
        String text = "@ShopCo where is my parcel? tracking hasn't moved";
        Score fresh = score(text, NOW);
        Score old = score(text, NOW.minusSeconds(13 * 24 * 3600));
        assertThat(old.urgencyLevel()).isEqualTo(fresh.urgencyLevel());
        assertThat(old.urgency()).isEqualTo(fresh.urgency());
        assertThat(old.reasons()).isEqualTo(fresh.reasons()).noneMatch(r -> r.startsWith("waiting"));
        assertThat(old.priority()).isGreaterThan(fresh.priority());
    }

    @Test
    void aParcelThatNeverCameIsHighWithTheWordsShown() {
        Score s = score("@QuickShip my parcel never came and the tracking says delivered");
        assertThat(s.urgencyLevel()).isEqualTo(UrgencyLevel.HIGH);
        assertThat(s.reasons()).anyMatch(r -> r.startsWith("lost goods: "));
    }

    @Test
    void beingLockedOutOfOnesOwnAccountIsHigh() {
        Score s = score("@CloudMail I'm locked out of my account and the reset link goes nowhere");
        assertThat(s.urgencyLevel()).isEqualTo(UrgencyLevel.HIGH);
        assertThat(s.reasons()).contains("locked out: 'locked out of my account'");
        assertThat(score("@GameHub my account was suspended overnight, I did nothing wrong").urgencyLevel())
                .isEqualTo(UrgencyLevel.HIGH);
    }

    @Test
    void anAccountNoLongerLockedIsNoAlarm() {
        assertThat(score("@CloudMail thanks, I'm not locked out anymore, all good").urgencyLevel())
                .isIn(UrgencyLevel.LOW, UrgencyLevel.NORMAL);
    }

    @Test
    void aLockedAccountThatCanWaitStaysBelowHigh() {
        assertThat(score("@CloudMail can't log in on my old laptop, no rush, I'll use my phone").urgencyLevel())
                .isIn(UrgencyLevel.LOW, UrgencyLevel.NORMAL);
    }
}
