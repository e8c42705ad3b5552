package org.earshot.config;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/** The team's working days and hours in its time zone. */
public record BusinessHours(ZoneId zone, Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {
    /** Every day, all day: service-level clocks run without pause. */
    public static final BusinessHours ALWAYS = new BusinessHours(ZoneOffset.UTC, EnumSet.allOf(DayOfWeek.class),
            LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    public BusinessHours {
        days = Set.copyOf(days);
    }

    public boolean isAlways() {
        return days.size() == 7 && opens.equals(closes);
    }

    public boolean isOpen(Instant at) {
        if (isAlways()) {
            return true;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalTime t = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !t.isBefore(opens) && t.isBefore(closes);
    }
}
