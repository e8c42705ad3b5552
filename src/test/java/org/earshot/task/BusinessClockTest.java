package org.earshot.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.earshot.config.BusinessHours;
import org.junit.jupiter.api.Test;

class BusinessClockTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final BusinessHours WEEKDAYS = new BusinessHours(LONDON,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 30));
    private final BusinessClock clock = new BusinessClock(WEEKDAYS);

    private static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
    }

    @Test
    void twelveHoursFromFridayAfternoonIsDueTheFollowingTuesday() {
        // Friday 1.5h, Monday 8.5h, Tuesday the remaining 2h.
        assertThat(clock.addWorkingTime(london("2026-11-20T16:00"), Duration.ofHours(12)))
                .isEqualTo(london("2026-11-24T11:00"));
    }

    @Test
    void timeWithinTheSameWorkingDayIsPlainWallClock() {
        assertThat(clock.addWorkingTime(london("2026-11-23T10:00"), Duration.ofHours(1)))
                .isEqualTo(london("2026-11-23T11:00"));
    }

    @Test
    void aMentionOvernightStartsCountingWhenTheTeamOpens() {
        assertThat(clock.addWorkingTime(london("2026-11-23T22:15"), Duration.ofHours(1)))
                .isEqualTo(london("2026-11-24T10:00"));
        assertThat(clock.addWorkingTime(london("2026-11-24T06:00"), Duration.ofMinutes(30)))
                .isEqualTo(london("2026-11-24T09:30"));
    }

    @Test
    void aMentionAtTheWeekendStartsCountingOnMonday() {
        assertThat(clock.addWorkingTime(london("2026-11-21T12:00"), Duration.ofHours(1)))
                .isEqualTo(london("2026-11-23T10:00"));
    }

    @Test
    void timeThatEndsExactlyAtClosingIsDueAtClosing() {
        assertThat(clock.addWorkingTime(london("2026-11-23T17:00"), Duration.ofMinutes(30)))
                .isEqualTo(london("2026-11-23T17:30"));
    }

    @Test
    void noTimeToAddIsDueAtOnceEvenOutOfHours() {
        assertThat(clock.addWorkingTime(london("2026-11-21T12:00"), Duration.ZERO)).isEqualTo(london("2026-11-21T12:00"));
    }

    @Test
    void aWorkingDayIsEightAndAHalfHoursAcrossTheSpringClockChange() {
        // Clocks go forward on Sunday 2026-03-29; Friday 17:00 + 1h is Monday 09:30 London time (08:30 UTC).
        Instant due = clock.addWorkingTime(london("2026-03-27T17:00"), Duration.ofHours(1));
        assertThat(due).isEqualTo(london("2026-03-30T09:30")).isEqualTo(Instant.parse("2026-03-30T08:30:00Z"));
    }

    @Test
    void aWorkingDayIsEightAndAHalfHoursAcrossTheAutumnClockChange() {
        // Clocks go back on Sunday 2026-10-25.
        Instant due = clock.addWorkingTime(london("2026-10-23T09:00"), Duration.ofHours(17));
        assertThat(due).isEqualTo(london("2026-10-26T17:30")).isEqualTo(Instant.parse("2026-10-26T17:30:00Z"));
    }

    @Test
    void alwaysIsPlainWallClockAcrossNightsAndWeekends() {
        BusinessClock always = new BusinessClock(BusinessHours.ALWAYS);
        assertThat(always.addWorkingTime(Instant.parse("2026-11-21T23:00:00Z"), Duration.ofHours(12)))
                .isEqualTo(Instant.parse("2026-11-22T11:00:00Z"));
    }

    @Test
    void hoursPastMidnightRunIntoTheNextDay() {
        BusinessHours nights = new BusinessHours(LONDON, EnumSet.allOf(DayOfWeek.class), LocalTime.of(22, 0),
                LocalTime.of(6, 0));
        BusinessClock night = new BusinessClock(nights);
        assertThat(night.addWorkingTime(london("2026-11-23T23:00"), Duration.ofHours(8)))
                .isEqualTo(london("2026-11-24T23:00"));
        assertThat(night.addWorkingTime(london("2026-11-24T03:00"), Duration.ofHours(1)))
                .isEqualTo(london("2026-11-24T04:00"));
    }

    @Test
    void workingTimeBetweenCountsOnlyOpenHours() {
        assertThat(clock.workingTimeBetween(london("2026-11-20T16:00"), london("2026-11-24T11:00")))
                .isEqualTo(Duration.ofHours(12));
        assertThat(clock.workingTimeBetween(london("2026-11-24T11:00"), london("2026-11-20T16:00")))
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void negativeWorkingTimeIsRefusedWithTheValue() {
        assertThatThrownBy(() -> clock.addWorkingTime(london("2026-11-23T10:00"), Duration.ofMinutes(-5)))
                .hasMessageContaining("must not be negative, but was PT-5M");
    }
}
