package org.earshot.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the durations people write in config files: 500ms, 30s, 5m, 12h, 2d. */
public final class Durations {
    private static final Pattern SHAPE = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    public static Optional<Duration> parse(String text) {
        Matcher m = SHAPE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        });
    }

    /** The short form again, for messages and the UI. */
    public static String format(Duration d) {
        long s = d.toSeconds();
        if (s % 86_400 == 0 && s > 0) return s / 86_400 + "d";
        if (s % 3_600 == 0 && s > 0) return s / 3_600 + "h";
        if (s % 60 == 0 && s > 0) return s / 60 + "m";
        return d.toMillis() % 1000 == 0 ? s + "s" : d.toMillis() + "ms";
    }
}
