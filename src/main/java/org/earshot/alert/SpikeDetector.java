package org.earshot.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.earshot.config.SpikeRule;
import org.earshot.domain.Alert;
import org.earshot.domain.AlertKind;
import org.earshot.domain.Platform;
import org.earshot.domain.UrgencyLevel;
import org.earshot.store.Database;
import org.earshot.store.MentionStore;
import org.earshot.task.Incidents;

/**
 * Per brand, the negative mentions of the last {@code window} against the same-size windows of the
 * {@code baseline} before it. A spike raises one SPIKE alert and opens one incident: a CRISIS task
 * with a holding statement to approve, instead of an alert per mention. While the incident is open no
 * other spike of the brand is raised; the alert's dedup key carries the window start rounded down to
 * the window size, so one spike alerts once.
 */
public final class SpikeDetector {
    /** What one brand's last window looked like against its baseline. */
    public record Reading(String brand, Instant windowStart, long count, double mean, double deviation,
                          double threshold, boolean spike) {
    }

    private final Database db;
    private final MentionStore mentions;
    private final Incidents incidents;
    private final SpikeRule rule;
    private final List<String> brands;
    private final String queueUrl;
    private final AlertSink sink;
    private final Clock clock;

    public SpikeDetector(Database db, MentionStore mentions, Incidents incidents, SpikeRule rule, List<String> brands,
                         String queueUrl, AlertSink sink, Clock clock) {
        this.db = db;
        this.mentions = mentions;
        this.incidents = incidents;
        this.rule = rule;
        this.brands = List.copyOf(brands);
        this.queueUrl = queueUrl.endsWith("/") ? queueUrl.substring(0, queueUrl.length() - 1) : queueUrl;
        this.sink = sink;
        this.clock = clock;
    }

    /** Checks every brand; @return the incident tasks opened */
    public List<Long> check() {
        List<Long> opened = new ArrayList<>();
        for (String brand : brands) {
            checkBrand(brand).ifPresent(opened::add);
        }
        return opened;
    }

    /** The last window of a brand against its baseline, without raising anything. */
    public Reading read(String brand) {
        return reading(brand, clock.instant(), negatives(brand, clock.instant()));
    }

    private List<MentionStore.Heard> negatives(String brand, Instant now) {
        Instant from = now.minus(rule.window()).minus(rule.baseline());
        return db.inTransaction(c -> mentions.negativeHeard(c, brand, from, now.plusNanos(1)));
    }

    private Reading reading(String brand, Instant now, List<MentionStore.Heard> heard) {
        Instant windowStart = now.minus(rule.window());
        int windows = (int) Math.max(1, rule.baseline().toSeconds() / rule.window().toSeconds());
        long[] baseline = new long[windows];
        long current = 0;
        for (MentionStore.Heard h : heard) {
            if (!h.receivedAt().isBefore(windowStart)) {
                current++;
            } else {
                long back = Duration.between(h.receivedAt(), windowStart).toNanos() - 1;
                int index = (int) (back / rule.window().toNanos());
                if (index >= 0 && index < windows) {
                    baseline[index]++;
                }
            }
        }
        double mean = 0;
        for (long n : baseline) {
            mean += n;
        }
        mean /= windows;
        double variance = 0;
        for (long n : baseline) {
            variance += (n - mean) * (n - mean);
        }
        double deviation = Math.sqrt(variance / windows);
        double threshold = mean + rule.sigmas() * deviation;
        boolean spike = current >= rule.minimumVolume() && current > threshold;
        return new Reading(brand, windowStart, current, mean, deviation, threshold, spike);
    }

    private Optional<Long> checkBrand(String brand) {
        Instant now = clock.instant();
        List<MentionStore.Heard> heard = negatives(brand, now);
        Reading r = reading(brand, now, heard);
        if (!r.spike()) {
            return Optional.empty();
        }
        if (incidents.isOpen(brand)) {
            return Optional.empty();
        }
        Instant bucket = Instant.ofEpochSecond(Math.floorDiv(r.windowStart().getEpochSecond(),
                rule.window().toSeconds()) * rule.window().toSeconds());
        // The incident goes where most of the complaints were heard, so its holding statement reaches them.
        Map.Entry<String, Long> busiest = heard.stream().filter(h -> !h.receivedAt().isBefore(r.windowStart()))
                .collect(Collectors.groupingBy(MentionStore.Heard::connectorId, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow();
        Platform platform = heard.stream().filter(h -> h.connectorId().equals(busiest.getKey())).findFirst()
                .orElseThrow().platform();
        String summary = String.format(Locale.ROOT, "%d negative mentions of %s in the last %s (usual: %.1f ± %.1f)",
                r.count(), brand, org.earshot.config.Durations.format(rule.window()), r.mean(), r.deviation());
        Optional<Long> incident = incidents.open(brand, platform, busiest.getKey(), bucket, summary, now);
        Map<Platform, Long> byPlatform = heard.stream().filter(h -> !h.receivedAt().isBefore(r.windowStart()))
                .collect(Collectors.groupingBy(MentionStore.Heard::platform, Collectors.counting()));
        List<String> facts = new ArrayList<>();
        facts.add(String.format(Locale.ROOT, "threshold: %.1f (mean + %.1f × deviation, at least %d)", r.threshold(),
                rule.sigmas(), rule.minimumVolume()));
        facts.add("where: " + byPlatform.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().id() + " " + e.getValue()).collect(Collectors.joining(", ")));
        incident.ifPresent(id -> facts.add("incident: task " + id + " with a holding statement to approve"));
        sink.raise(new Alert(AlertKind.SPIKE, "spike:" + brand + ":" + bucket, brand, null, UrgencyLevel.CRITICAL,
                "Spike of negative mentions of " + brand, summary, facts,
                incident.map(id -> MentionAlerts.taskLink(queueUrl, id)).orElse(queueUrl + "/"),
                incident.orElse(null), now));
        return incident;
    }
}
