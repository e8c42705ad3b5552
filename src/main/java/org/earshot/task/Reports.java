package org.earshot.task;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.earshot.config.ServiceLevel;
import org.earshot.config.ServiceLevels;
import org.earshot.domain.Channels;
import org.earshot.domain.Platform;
import org.earshot.store.Database;
import org.earshot.store.ReportStore;

/**
 * The team's reports for a brand (or all) over a period, days in UTC: mentions per day by channel, the
 * negative share and urgency per day, first-response and resolution times against each channel's service
 * level, and the top problems: the word pairs and triples that recur most across negative mentions.
 */
public final class Reports {
    private static final Set<String> STOP = Set.of("a", "an", "the", "and", "or", "but", "to", "of", "in", "on",
            "at", "for", "with", "my", "me", "i", "i'm", "im", "you", "your", "we", "our", "it", "it's", "its", "is",
            "are", "was", "were", "be", "been", "this", "that", "so", "just", "again", "still", "not", "no", "do",
            "did", "does", "have", "has", "had", "can", "can't", "cant", "will", "would", "from", "by", "as", "they",
            "them", "their", "there", "what", "when", "why", "how", "all", "any", "get", "got", "very", "really",
            "now", "than", "then", "if", "up", "out", "about", "after", "before", "am", "he", "she", "her", "his",
            "us", "who", "which", "one", "too", "also", "please", "hi", "hey", "thanks", "thank", "don't", "dont");
    private static final int TOP_PROBLEMS = 15;

    public record Period(String brand, Instant from, Instant to) {
    }

    public record MentionsOnDay(LocalDate day, String channel, long mentions) {
    }

    public record MoodOfDay(LocalDate day, long tasks, double negativeShare, double meanUrgency, long high,
                            long critical) {
    }

    /** Minutes; null where no task of the channel got there in the period. */
    public record ServiceLevelStanding(String channel, long tasks, long answered, Long firstResponseMedianMinutes,
                                       Long firstResponseP90Minutes, long firstResponseTargetMinutes,
                                       Double firstResponseWithinTarget, long resolved, Long resolutionMedianMinutes,
                                       long resolutionTargetMinutes, Double resolutionWithinTarget) {
    }

    public record Problem(String phrase, long mentions, long exampleTaskId) {
    }

    private final Database db;
    private final ReportStore store;
    private final ServiceLevels levels;
    private final Channels channels;
    private final BusinessClock businessClock;

    public Reports(Database db, ReportStore store, ServiceLevels levels, Channels channels, BusinessClock businessClock) {
        this.db = db;
        this.store = store;
        this.levels = levels;
        this.channels = channels;
        this.businessClock = businessClock;
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private static String channel(String platformName) {
        return platformName.toLowerCase(Locale.ROOT);
    }

    public List<MentionsOnDay> mentionsPerDay(Period p) {
        Map<LocalDate, Map<String, Long>> counts = new TreeMap<>();
        for (ReportStore.HeardRow r : db.inTransaction(h -> store.heard(h, p.brand(), p.from(), p.to()))) {
            counts.computeIfAbsent(day(r.receivedAt()), d -> new TreeMap<>()).merge(channel(r.platform()), 1L, Long::sum);
        }
        List<MentionsOnDay> out = new ArrayList<>();
        counts.forEach((d, byChannel) -> byChannel.forEach((c, n) -> out.add(new MentionsOnDay(d, c, n))));
        return out;
    }

    public List<MoodOfDay> moodPerDay(Period p) {
        Map<LocalDate, List<ReportStore.TaskRow>> byDay = new TreeMap<>();
        for (ReportStore.TaskRow r : tasks(p)) {
            byDay.computeIfAbsent(day(r.receivedAt()), d -> new ArrayList<>()).add(r);
        }
        List<MoodOfDay> out = new ArrayList<>();
        byDay.forEach((d, rows) -> out.add(new MoodOfDay(d, rows.size(),
                rows.stream().filter(r -> r.sentiment().equals("NEGATIVE")).count() / (double) rows.size(),
                rows.stream().mapToDouble(ReportStore.TaskRow::urgency).average().orElse(0),
                rows.stream().filter(r -> r.urgencyLevel().equals("HIGH")).count(),
                rows.stream().filter(r -> r.urgencyLevel().equals("CRITICAL")).count())));
        return out;
    }

    public List<ServiceLevelStanding> serviceLevels(Period p) {
        Map<String, List<ReportStore.TaskRow>> byChannel = new TreeMap<>();
        for (ReportStore.TaskRow r : tasks(p)) {
            byChannel.computeIfAbsent(channel(r.platform()), c -> new ArrayList<>()).add(r);
        }
        List<ServiceLevelStanding> out = new ArrayList<>();
        byChannel.forEach((c, rows) -> {
            ServiceLevel level = levels.forChannel(channels.of(Platform.valueOf(c)));
            List<Long> first = new ArrayList<>();
            long firstMet = 0;
            List<Long> resolution = new ArrayList<>();
            long resolutionMet = 0;
            for (ReportStore.TaskRow r : rows) {
                Instant answered = answeredAt(r);
                if (answered != null) {
                    first.add(Duration.between(r.receivedAt(), answered).toMinutes());
                    firstMet += answered.isAfter(r.firstResponseDue()) ? 0 : 1;
                }
                Instant resolved = resolvedAt(r, answered);
                if (resolved != null) {
                    resolution.add(Duration.between(r.receivedAt(), resolved).toMinutes());
                    Instant due = businessClock.addWorkingTime(r.receivedAt(), level.resolution());
                    resolutionMet += resolved.isAfter(due) ? 0 : 1;
                }
            }
            out.add(new ServiceLevelStanding(c, rows.size(), first.size(), quantile(first, 0.5), quantile(first, 0.9),
                    level.firstResponse().toMinutes(), first.isEmpty() ? null : firstMet / (double) first.size(),
                    resolution.size(), quantile(resolution, 0.5), level.resolution().toMinutes(),
                    resolution.isEmpty() ? null : resolutionMet / (double) resolution.size()));
        });
        return out;
    }

    /** The first answer the customer had: the reply posted, or the task closed as answered by hand. */
    private static Instant answeredAt(ReportStore.TaskRow r) {
        return switch (r.state()) {
            case "POSTED" -> r.postedAt();
            case "ANSWERED_BY_HAND" -> r.decidedAt();
            default -> null;
        };
    }

    /** Rejected: when decided; answered with a promise to come back: when that was done; else when answered. */
    private static Instant resolvedAt(ReportStore.TaskRow r, Instant answered) {
        if (r.state().equals("REJECTED")) {
            return r.decidedAt();
        }
        if (answered == null) {
            return null;
        }
        return r.followUpDueAt() == null ? answered : r.followUpDoneAt();
    }

    private static Long quantile(List<Long> values, double q) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * (sorted.size() - 1) + 0.5)));
    }

    /**
     * The phrases (two or three words, neither end a stop word) most negative mentions share, each counted
     * once per mention; a pair is left out where a triple containing it recurs as often.
     */
    public List<Problem> topProblems(Period p) {
        Map<String, Long> counts = new HashMap<>();
        Map<String, Long> example = new HashMap<>();
        for (ReportStore.TaskRow r : tasks(p)) {
            if (!r.sentiment().equals("NEGATIVE")) {
                continue;
            }
            for (String phrase : phrases(r.text())) {
                counts.merge(phrase, 1L, Long::sum);
                example.putIfAbsent(phrase, r.id());
            }
        }
        Set<String> covered = new HashSet<>();
        counts.forEach((phrase, n) -> {
            String[] w = phrase.split(" ");
            if (w.length == 3) {
                for (String pair : List.of(w[0] + " " + w[1], w[1] + " " + w[2])) {
                    if (n.equals(counts.get(pair))) {
                        covered.add(pair);
                    }
                }
            }
        });
        return counts.entrySet().stream()
                .filter(e -> e.getValue() >= 2 && !covered.contains(e.getKey()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_PROBLEMS)
                .map(e -> new Problem(e.getKey(), e.getValue(), example.get(e.getKey())))
                .toList();
    }

    static Set<String> phrases(String text) {
        List<String> words = new ArrayList<>();
        for (String raw : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (raw.startsWith("@") || raw.startsWith("http") || raw.startsWith("#")) {
                words.add(null);
                continue;
            }
            String w = raw.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "").replace('’', '\'');
            words.add(w.isEmpty() || w.chars().allMatch(Character::isDigit) ? null : w);
        }
        Set<String> out = new LinkedHashSet<>();
        for (int n = 2; n <= 3; n++) {
            for (int i = 0; i + n <= words.size(); i++) {
                List<String> gram = words.subList(i, i + n);
                if (gram.contains(null) || STOP.contains(gram.get(0)) || STOP.contains(gram.get(n - 1))) {
                    continue;
                }
                out.add(String.join(" ", gram));
            }
        }
        return out;
    }

    private List<ReportStore.TaskRow> tasks(Period p) {
        return db.inTransaction(h -> store.tasks(h, p.brand(), p.from(), p.to()));
    }

    /** The channels in the reports, for a chart's legend. */
    public static Set<String> channelsOf(List<MentionsOnDay> rows) {
        Set<String> out = new TreeSet<>();
        rows.forEach(r -> out.add(r.channel()));
        return out;
    }
}
