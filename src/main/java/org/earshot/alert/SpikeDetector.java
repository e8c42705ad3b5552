package org.earshot.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.earshot.config.Durations;
import org.earshot.config.SpikeRule;
import org.earshot.domain.Alert;
import org.earshot.domain.AlertKind;
import org.earshot.domain.Incident;
import org.earshot.domain.Platform;
import org.earshot.domain.UrgencyLevel;
import org.earshot.store.Database;
import org.earshot.store.IncidentStore;
import org.earshot.store.MentionStore;
import org.earshot.task.Incidents;

/**
 * Per brand, the negative mentions of the last {@code window} against the same-size windows of the
 * {@code baseline} before it. A spike raises one SPIKE alert and opens one incident: a CRITICAL task with
 * a holding statement to approve, instead of an alert per mention. The burst lasts while its incident
 * waits for approval or its last window still holds the minimum volume: meanwhile no other incident is
 * opened for the brand, and the incident is kept up to date (its complaints counted from the first, its
 * channels busiest first). A channel joining the burst alerts again, since the statement will go there too.
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
    private final BrandNames names;
    private final String queueUrl;
    private final AlertSink sink;
    private final Clock clock;

    public SpikeDetector(Database db, MentionStore mentions, Incidents incidents, SpikeRule rule, List<String> brands,
                         String queueUrl, AlertSink sink, Clock clock) {
        this(db, mentions, incidents, rule, brands, BrandNames.IDS, queueUrl, sink, clock);
    }

    public SpikeDetector(Database db, MentionStore mentions, Incidents incidents, SpikeRule rule, List<String> brands,
                         BrandNames names, String queueUrl, AlertSink sink, Clock clock) {
        this.db = db;
        this.mentions = mentions;
        this.incidents = incidents;
        this.rule = rule;
        this.brands = List.copyOf(brands);
        this.names = names;
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
        return reading(brand, clock.instant(), negatives(brand, clock.instant().minus(rule.window())
                .minus(rule.baseline()), clock.instant()));
    }

    private List<MentionStore.Heard> negatives(String brand, Instant from, Instant now) {
        return db.inTransaction(c -> mentions.negativeHeard(c, brand, from, now.plus(1, java.time.temporal.ChronoUnit.MICROS)));
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
        Reading r = reading(brand, now, negatives(brand, now.minus(rule.window()).minus(rule.baseline()), now));
        Optional<IncidentStore.Stored> lasting = incidents.lasting(brand, now.minus(rule.window()));
        if (lasting.isPresent()) {
            if (r.count() >= rule.minimumVolume()) {
                grow(lasting.get(), r, now);
            }
            return Optional.empty();
        }
        if (!r.spike()) {
            return Optional.empty();
        }
        Incident burst = burst(brand, negatives(brand, r.windowStart(), now), r);
        long taskId = incidents.open(burst, now);
        Instant bucket = Instant.ofEpochSecond(Math.floorDiv(r.windowStart().getEpochSecond(),
                rule.window().toSeconds()) * rule.window().toSeconds());
        List<String> facts = new ArrayList<>();
        facts.add(String.format(Locale.ROOT, "threshold: %.1f (mean + %.1f × deviation, at least %d)", r.threshold(),
                rule.sigmas(), rule.minimumVolume()));
        facts.add("where: " + where(burst));
        facts.add("incident: task " + taskId + "; approving its holding statement posts it once on each of "
                + burst.channelList());
        sink.raise(new Alert(AlertKind.SPIKE, "spike:" + brand + ":" + bucket, brand, null, UrgencyLevel.CRITICAL,
                "Incident: " + burst.mentions() + " complaints about " + names.of(brand) + " on "
                        + burst.channelList(), burst.summary(), facts, MentionAlerts.taskLink(queueUrl, taskId),
                taskId, now));
        return Optional.of(taskId);
    }

    /** Counts the lasting incident's burst again from its first complaint; a channel joining it alerts. */
    private void grow(IncidentStore.Stored lasting, Reading r, Instant now) {
        Incident before = lasting.incident();
        Incident now_ = burst(before.brand(), negatives(before.brand(), before.startedAt(), now), r);
        Incident grown = new Incident(before.brand(), before.startedAt(), now_.lastHeardAt(),
                Math.max(before.mentions(), now_.mentions()), union(now_.channels(), before.channels()),
                platformsOf(union(now_.channels(), before.channels()), now_, before), now_.summary());
        if (grown.mentions() == before.mentions() && grown.channels().equals(before.channels())) {
            return;
        }
        incidents.grow(lasting.taskId(), grown, now);
        List<String> joined = grown.channels().stream().filter(c -> !before.channels().contains(c)).toList();
        if (joined.isEmpty()) {
            return;
        }
        sink.raise(new Alert(AlertKind.SPIKE, "spike:" + before.brand() + ":task-" + lasting.taskId() + ":"
                + String.join(",", grown.channels()), before.brand(), null, UrgencyLevel.CRITICAL,
                "Incident grew: " + grown.mentions() + " complaints about " + names.of(before.brand())
                        + ", now also on " + String.join(", ", joined), grown.summary(),
                List.of("where: " + where(grown), "incident: task " + lasting.taskId()
                        + "; its holding statement goes once on each of " + grown.channelList()),
                MentionAlerts.taskLink(queueUrl, lasting.taskId()), lasting.taskId(), now));
    }

    private Incident burst(String brand, List<MentionStore.Heard> heard, Reading r) {
        Map<String, Long> byChannel = heard.stream()
                .collect(Collectors.groupingBy(MentionStore.Heard::connectorId, Collectors.counting()));
        List<String> channels = byChannel.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        Map<String, Platform> platforms = new LinkedHashMap<>();
        heard.forEach(h -> platforms.putIfAbsent(h.connectorId(), h.platform()));
        String counts = channels.stream().map(c -> c + " " + byChannel.get(c)).collect(Collectors.joining(", "));
        String summary = String.format(Locale.ROOT, "%d negative mentions of %s since %s (%s); usual: %.1f ± %.1f"
                        + " in %s", heard.size(), names.of(brand), AlertTimes.format(heard.get(0).receivedAt()), counts,
                r.mean(), r.deviation(), Durations.format(rule.window()));
        return new Incident(brand, heard.get(0).receivedAt(), heard.get(heard.size() - 1).receivedAt(), heard.size(),
                channels, channels.stream().map(platforms::get).toList(), summary);
    }

    private static List<String> union(List<String> first, List<String> then) {
        List<String> out = new ArrayList<>(first);
        then.stream().filter(c -> !out.contains(c)).forEach(out::add);
        return out;
    }

    private static List<Platform> platformsOf(List<String> channels, Incident a, Incident b) {
        return channels.stream().map(c -> a.channels().contains(c) ? a.platforms().get(a.channels().indexOf(c))
                : b.platforms().get(b.channels().indexOf(c))).toList();
    }

    private static String where(Incident burst) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < burst.channels().size(); i++) {
            parts.add(burst.channels().get(i) + " (" + burst.platforms().get(i).id() + ")");
        }
        return String.join(", ", parts);
    }
}
