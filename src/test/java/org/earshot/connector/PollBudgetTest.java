package org.earshot.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollBudgetTest {
    private final PollBudget x = new PollBudget(60, Duration.ofMinutes(15), "X");

    @Test
    void sixtyRequestsInFifteenMinutesAllowOnePollEveryFifteenSeconds() {
        assertThat(x.fastestSchedule()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aScheduleFasterThanTheBudgetIsSlowedToItAndASlowerOneIsKept() {
        assertThat(x.paced(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(15));
        assertThat(x.paced(Duration.ofMinutes(2))).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aBudgetNeedsARequestAndAWindow() {
        assertThatThrownBy(() -> new PollBudget(0, Duration.ofMinutes(1), "none"))
                .hasMessage("a poll budget needs at least one request in a positive window, but was 0 per PT1M");
    }
}
