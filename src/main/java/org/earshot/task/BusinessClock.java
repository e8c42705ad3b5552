package org.earshot.task;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.earshot.config.BusinessHours;

/**
 * Counts time the way a service level does: only while the team works. Pure; works in the
 * business-hours zone, so a day of 09:00–17:30 is 8.5 hours on the days clocks change too. Hours whose
 * closing time is not after the opening time run past midnight into the next day.
 */
public final class BusinessClock {
    private final BusinessHours hours;

    public BusinessClock(BusinessHours hours) {
        this.hours = hours;
    }

    /** The instant when {@code d} of working time has passed since {@code start}. */
    public Instant addWorkingTime(Instant start, Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("working time to add must not be negative, but was " + d);
        }
        if (hours.isAlways() || d.isZero()) {
            return start.plus(d);
        }
        if (hours.days().isEmpty()) {
            throw new IllegalStateException("business hours have no working day, so no deadline can be counted");
        }
        Instant cursor = start;
        Duration left = d;
        // The window that opened the day before may still be open (hours past midnight).
        LocalDate day = start.atZone(hours.zone()).toLocalDate().minusDays(1);
        while (true) {
            if (hours.days().contains(day.getDayOfWeek())) {
                Instant opens = ZonedDateTime.of(day, hours.opens(), hours.zone()).toInstant();
                Instant closes = closing(day);
                if (closes.isAfter(cursor)) {
                    Instant from = opens.isAfter(cursor) ? opens : cursor;
                    Duration available = Duration.between(from, closes);
                    if (left.compareTo(available) <= 0) {
                        return from.plus(left);
                    }
                    left = left.minus(available);
                    cursor = closes;
                }
            }
            day = day.plusDays(1);
        }
    }

    /** Working time between two instants; zero when {@code to} is not after {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (hours.isAlways()) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate day = from.atZone(hours.zone()).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(hours.zone()).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (!hours.days().contains(day.getDayOfWeek())) {
                continue;
            }
            Instant opens = ZonedDateTime.of(day, hours.opens(), hours.zone()).toInstant();
            Instant closes = closing(day);
            Instant a = opens.isAfter(from) ? opens : from;
            Instant b = closes.isBefore(to) ? closes : to;
            if (b.isAfter(a)) {
                total = total.plus(Duration.between(a, b));
            }
        }
        return total;
    }

    private Instant closing(LocalDate day) {
        LocalDate closingDay = hours.closes().isAfter(hours.opens()) ? day : day.plusDays(1);
        return ZonedDateTime.of(closingDay, hours.closes(), hours.zone()).toInstant();
    }
}
