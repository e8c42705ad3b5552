package org.earshot.alert;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as a person reads them in an alert: to the minute, with the zone, never with microseconds. */
public final class AlertTimes {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE d MMM HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private AlertTimes() {
    }

    /** For example "Mon 23 Nov 09:00 UTC". */
    public static String format(Instant time) {
        return FORMAT.format(time);
    }
}
