package org.earshot.config;

import java.time.LocalTime;

/** A daily window, such as quiet hours 22:00–07:00; it may cross midnight. */
public record TimeWindow(LocalTime from, LocalTime to) {

    public boolean contains(LocalTime t) {
        if (from.equals(to)) {
            return false;
        }
        return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }
}
