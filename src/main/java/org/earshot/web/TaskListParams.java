package org.earshot.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.earshot.domain.Platform;
import org.earshot.domain.TaskFilter;
import org.earshot.domain.TaskState;
import org.earshot.domain.UrgencyLevel;

/**
 * {@code GET /api/tasks}'s query as a {@link TaskFilter}: {@code state}, {@code brand}, {@code platform},
 * {@code level}, {@code language} (each one value or several, comma-separated or repeated),
 * {@code assignee} (a name, or {@code none}), {@code aboutToBreach=true}, {@code q} (search),
 * {@code snoozed} (hide, include, only), {@code order} (priority, due, newest, oldest), {@code limit} and
 * {@code offset}. A value it cannot read is a 400 that says what it takes.
 */
final class TaskListParams {
    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 1000;

    private TaskListParams() {
    }

    /** @param breachBefore when {@code aboutToBreach=true}: the time before which a first response counts as about to breach */
    static TaskFilter read(Map<String, String> params, Instant breachBefore) {
        Set<TaskState> states = values(params.get("state"), raw -> named(raw, TaskState.class, "state"));
        Set<String> brands = values(params.get("brand"), raw -> raw);
        Set<Platform> platforms = values(params.get("platform"), raw -> {
            try {
                return Platform.valueOf(raw);
            } catch (IllegalArgumentException e) {
                throw new HttpError(400, "platform: " + e.getMessage());
            }
        });
        Set<UrgencyLevel> levels = values(params.get("level"), raw -> named(raw, UrgencyLevel.class, "level"));
        Set<String> languages = values(params.get("language"), raw -> raw.toLowerCase(Locale.ROOT));
        String assignee = blankToNull(params.get("assignee"));
        boolean aboutToBreach = flag(params.get("aboutToBreach"), "aboutToBreach");
        String q = blankToNull(params.get("q"));
        if (q != null && q.length() > 500) {
            throw new HttpError(400, "q is longer than 500 characters");
        }
        TaskFilter.Snoozed snoozed = params.containsKey("snoozed")
                ? named(params.get("snoozed"), TaskFilter.Snoozed.class, "snoozed") : TaskFilter.Snoozed.HIDE;
        String order = params.getOrDefault("order", "priority").strip();
        TaskFilter.Order ordering = order.equals("service-level") ? TaskFilter.Order.DUE
                : named(order, TaskFilter.Order.class, "order");
        int limit = number(params.get("limit"), "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        int offset = number(params.get("offset"), "offset", 0, Integer.MAX_VALUE, 0);
        return new TaskFilter(states, brands, platforms, levels, languages, assignee,
                aboutToBreach ? breachBefore : null, q, snoozed, ordering, limit, offset);
    }

    private static <T> Set<T> values(String raw, Function<String, T> parse) {
        Set<T> out = new LinkedHashSet<>();
        if (raw != null) {
            for (String s : raw.split(",")) {
                if (!s.isBlank()) {
                    out.add(parse.apply(s.strip()));
                }
            }
        }
        return out;
    }

    static <E extends Enum<E>> E named(String raw, Class<E> type, String param) {
        String wanted = raw.strip().replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(wanted)) {
                return e;
            }
        }
        throw new HttpError(400, "unknown " + param + " '" + raw + "', expected one of "
                + Arrays.stream(type.getEnumConstants()).map(e -> param.equals("state") ? e.name()
                        : e.name().toLowerCase(Locale.ROOT)).toList());
    }

    private static boolean flag(String raw, String param) {
        if (raw == null || raw.isBlank() || raw.equalsIgnoreCase("false")) {
            return false;
        }
        if (raw.equalsIgnoreCase("true")) {
            return true;
        }
        throw new HttpError(400, param + " must be true or false, but was '" + raw + "'");
    }

    private static int number(String raw, String param, int min, int max, int absent) {
        if (raw == null || raw.isBlank()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below, with the same message as an out-of-range number
        }
        throw new HttpError(400, param + " must be a whole number from " + min + " to "
                + (max == Integer.MAX_VALUE ? "any" : String.valueOf(max)) + ", but was '" + raw + "'");
    }

    private static String blankToNull(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }
}
