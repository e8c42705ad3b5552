package org.earshot.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.earshot.Wiring;
import org.earshot.config.ReplyPolicy;
import org.earshot.domain.Author;
import org.earshot.domain.Draft;
import org.earshot.domain.Platform;
import org.junit.jupiter.api.Test;

/** The hear-back time comes from what is left of the task's service level, and a late reply says so. */
class HearBackFromTheClockTest {
    private static final String BAG = "my bag still hasn't arrived after 3 days";
    private final ReplyDrafter drafter = new ReplyDrafter(new ReplyPolicy("friendly", "Alex from the care team",
            Duration.ofHours(24), List.of(), List.of("voucher"), Map.of()), Wiring.CHANNELS);

    private Draft draft(Platform platform, String text, Duration left) {
        return drafter.draft(new DraftInput(platform, new Author("kim", "Kim", 10), text, null, null, null)
                .withTimeLeft(left));
    }

    @Test
    void theTimePromisedIsNeverPastWhatIsLeftOfTheServiceLevel() {
        assertThat(HearBack.fitting(Duration.ofHours(24), BAG, Duration.ofMinutes(210))).contains(Duration.ofHours(3));
        assertThat(HearBack.fitting(Duration.ofHours(24), BAG, Duration.ofMinutes(47))).contains(Duration.ofMinutes(45));
        assertThat(HearBack.fitting(Duration.ofHours(1), BAG, Duration.ofHours(5))).contains(Duration.ofHours(1));
        assertThat(HearBack.fitting(Duration.ofHours(24), BAG, null)).contains(Duration.ofHours(24));
    }

    @Test
    void aDeadlineTheCustomerNamedStillWinsOverTheServiceLevel() {
        assertThat(HearBack.fitting(Duration.ofHours(24), "boarding closes in 20 minutes", Duration.ofHours(3)))
                .contains(Duration.ofMinutes(10));
    }

    @Test
    void aServiceLevelRunOutOrAlmostRunOutPromisesNoTime() {
        assertThat(HearBack.fitting(Duration.ofHours(24), BAG, Duration.ofMinutes(-30))).isEqualTo(Optional.empty());
        assertThat(HearBack.fitting(Duration.ofHours(24), BAG, Duration.ofMinutes(3))).isEqualTo(Optional.empty());
    }

    @Test
    void aDraftWithTwoHoursLeftPromisesTwoHoursNotTheFullDay() {
        assertThat(draft(Platform.X, BAG, Duration.ofHours(2)).text()).contains("within 2 hours").doesNotContain("24 hours");
    }

    @Test
    void aDraftPastTheServiceLevelSaysAsSoonAsICanTodayNotAFreshDay() {
        Draft d = draft(Platform.X, BAG, Duration.ofMinutes(-90));
        assertThat(d.text()).contains("you'll hear back from me as soon as I can today").doesNotContain("within")
                .doesNotContain("24 hours");
    }

    @Test
    void aLateDraftInFrenchSaysItInFrench() {
        Draft d = draft(Platform.X, "Bonjour, ma valise n'est pas arrivée et je suis à Paris depuis trois jours", Duration.ZERO);
        assertThat(d.text()).contains("dès que possible").doesNotContain("24 heures");
    }

    @Test
    void aReadOnlyChannelPromisesNoHearBackFromMeEvenWhenLate() {
        Draft d = draft(Platform.RSS, BAG, Duration.ofMinutes(-5));
        assertThat(d.text()).doesNotContain("hear back from me").doesNotContain("as soon as I can today");
    }
}
