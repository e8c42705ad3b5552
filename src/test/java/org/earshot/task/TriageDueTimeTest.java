package org.earshot.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import org.earshot.Wiring;
import org.earshot.config.BusinessHours;
import org.earshot.config.ServiceLevel;
import org.earshot.config.ServiceLevels;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Mention;
import org.earshot.domain.Platform;
import org.earshot.reply.ReplyDrafter;
import org.earshot.scoring.CurrentTeamCorrections;
import org.earshot.scoring.MentionScorer;
import org.earshot.testing.TestConfigs;
import org.junit.jupiter.api.Test;

class TriageDueTimeTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ServiceLevels LEVELS = new ServiceLevels(Map.of("email",
            new ServiceLevel(Duration.ofHours(12), Duration.ofHours(48))));

    private static Mention emailHeardAt(Instant at) {
        return new Mention(1, "mail", "acme", Platform.EMAIL, "<1@example>", new Author("dana@example.com", "Dana", 0),
                "My bag never arrived", "Lost bag", at, "", Map.of(), at);
    }

    @Test
    void aTasksDueTimeCountsOnlyBusinessHours() {
        BusinessHours weekdays = new BusinessHours(LONDON, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0), LocalTime.of(17, 30));
        Triage triage = new Triage(new MentionScorer(), new CurrentTeamCorrections(),
                new ReplyDrafter(TestConfigs.policy(), Wiring.CHANNELS), LEVELS, new BusinessClock(weekdays));
        Instant friday = LocalDateTime.parse("2026-11-20T16:00").atZone(LONDON).toInstant();

        Instant due = triage.assess(emailHeardAt(friday), CustomerHistory.NONE, friday).dueAt();

        assertThat(due).isEqualTo(LocalDateTime.parse("2026-11-24T11:00").atZone(LONDON).toInstant());
    }

    @Test
    void withoutBusinessHoursTheDueTimeIsPlainWallClock() {
        Triage triage = new Triage(new MentionScorer(), new ReplyDrafter(TestConfigs.policy(), Wiring.CHANNELS), LEVELS);
        Instant friday = Instant.parse("2026-11-20T16:00:00Z");

        assertThat(triage.assess(emailHeardAt(friday), CustomerHistory.NONE, friday).dueAt())
                .isEqualTo(Instant.parse("2026-11-21T04:00:00Z"));
    }
}
