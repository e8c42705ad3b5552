package org.earshot.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.earshot.domain.Alert;
import org.earshot.domain.AlertKind;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.Sentiment;
import org.earshot.store.Database;
import org.earshot.store.MentionStore;
import org.earshot.store.TaskStore;

/**
 * Once a day per brand, at {@code digestAt} in the business-hours zone: the day's volume, its
 * sentiment split, the tasks still open and how many of them are overdue, and the most frequent
 * reasons. Covers the 24 hours before today's digest time; a daemon started later in the day still
 * sends today's digest, once ({@code digest:<brand>:<date>}).
 */
public final class DailyDigest {
    private static final int TOP_PROBLEMS = 3;

    private final Database db;
    private final MentionStore mentions;
    private final TaskStore tasks;
    private final ServiceLevelClock serviceLevels;
    private final List<String> brands;
    private final ZoneId zone;
    private final LocalTime digestAt;
    private final String queueUrl;
    private final AlertSink sink;
    private final Clock clock;
    private final BrandNames names;

    public DailyDigest(Database db, MentionStore mentions, TaskStore tasks, ServiceLevelClock serviceLevels,
                       List<String> brands, ZoneId zone, LocalTime digestAt, String queueUrl, AlertSink sink,
                       Clock clock) {
        this(db, mentions, tasks, serviceLevels, brands, zone, digestAt, queueUrl, sink, clock, BrandNames.IDS);
    }

    public DailyDigest(Database db, MentionStore mentions, TaskStore tasks, ServiceLevelClock serviceLevels,
                       List<String> brands, ZoneId zone, LocalTime digestAt, String queueUrl, AlertSink sink,
                       Clock clock, BrandNames names) {
        this.names = names;
        this.db = db;
        this.mentions = mentions;
        this.tasks = tasks;
        this.serviceLevels = serviceLevels;
        this.brands = List.copyOf(brands);
        this.zone = zone;
        this.digestAt = digestAt;
        this.queueUrl = queueUrl.endsWith("/") ? queueUrl.substring(0, queueUrl.length() - 1) : queueUrl;
        this.sink = sink;
        this.clock = clock;
    }

    /** Sends today's digests once their time has come; @return how many were new. */
    public int check() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant to = ZonedDateTime.of(today, digestAt, zone).toInstant();
        if (now.isBefore(to)) {
            return 0;
        }
        Instant from = ZonedDateTime.of(today.minusDays(1), digestAt, zone).toInstant();
        int raised = 0;
        for (String brand : brands) {
            if (sink.raise(digest(brand, today, from, to, now))) {
                raised++;
            }
        }
        return raised;
    }

    Alert digest(String brand, LocalDate date, Instant from, Instant to, Instant now) {
        long volume = db.inTransaction(c -> mentions.countForBrand(c, brand, from, to));
        List<ResponseTask> opened = db.inTransaction(c -> tasks.createdSince(c, from)).stream()
                .filter(t -> t.brand().equals(brand) && t.createdAt().isBefore(to) && !isOwn(t))
                .toList();
        Map<Sentiment, Long> split = new EnumMap<>(Sentiment.class);
        for (Sentiment s : Sentiment.values()) {
            split.put(s, 0L);
        }
        opened.forEach(t -> split.merge(t.score().sentiment(), 1L, Long::sum));
        List<ResponseTask> open = db.inTransaction(tasks::unresolved).stream()
                .filter(t -> t.brand().equals(brand)).toList();
        long breached = open.stream().filter(t -> serviceLevels.deadlines(t).stream()
                .anyMatch(d -> !now.isBefore(d.due()))).count();
        Map<String, Long> reasons = new TreeMap<>();
        opened.stream().filter(t -> t.score().sentiment() == Sentiment.NEGATIVE)
                .flatMap(t -> t.score().reasons().stream()).forEach(r -> reasons.merge(r, 1L, Long::sum));
        String top = reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_PROBLEMS).map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining("; "));
        String period = PERIOD.format(from.atZone(zone)) + " – " + PERIOD.format(to.atZone(zone)) + " (" + zone.getId()
                + ")";
        List<String> facts = new ArrayList<>();
        facts.add("mentions heard " + period + ": " + volume + ", in " + opened.size() + " task(s)"
                + (volume > opened.size() ? " (the rest joined conversations already open)" : ""));
        facts.add("sentiment of those " + opened.size() + " task(s): " + split.entrySet().stream()
                .map(e -> e.getKey().id() + " " + e.getValue()).collect(Collectors.joining(", ")));
        facts.add("unresolved now: " + open.size() + " task(s), " + breached + " past a deadline");
        facts.add("top problems in the negative ones: " + (top.isEmpty() ? "none" : top));
        long since = now.isAfter(to) ? db.inTransaction(c -> mentions.countForBrand(c, brand, to, now)) : 0;
        if (since > 0) {
            facts.add("heard since " + PERIOD.format(to.atZone(zone)) + ": " + since
                    + " more, counted in tomorrow's digest");
        }
        return new Alert(AlertKind.DIGEST, "digest:" + brand + ":" + date, brand, null, null,
                "Daily digest for " + names.of(brand) + ", " + date,
                volume + " mention(s) heard " + period + "; " + open.size() + " task(s) unresolved now, " + breached
                        + " past a deadline.", facts, queueUrl + "/", null, now);
    }

    private static final java.time.format.DateTimeFormatter PERIOD =
            java.time.format.DateTimeFormatter.ofPattern("EEE d MMM HH:mm", java.util.Locale.ENGLISH);

    private static boolean isOwn(ResponseTask t) {
        return t.isIncident();
    }
}
