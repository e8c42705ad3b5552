package org.earshot.reply;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a reply says when the person will hear back, both ways: a duration spoken, and read back from a text. */
public final class HearBack {
    private static final Map<String, Long> NUMBER_WORDS = Map.ofEntries(Map.entry("a", 1L), Map.entry("an", 1L),
            Map.entry("one", 1L), Map.entry("two", 2L), Map.entry("three", 3L), Map.entry("four", 4L),
            Map.entry("five", 5L), Map.entry("six", 6L), Map.entry("twelve", 12L), Map.entry("24", 24L),
            Map.entry("forty-eight", 48L), Map.entry("thirty", 30L));
    private static final Pattern WITHIN = Pattern.compile(
            "\\b(?:within|in the next|in)\\s+(\\d+|an?|one|two|three|four|five|six|twelve|thirty|forty-eight)\\s+"
                    + "(?:business |working )?(minutes?|hours?|days?|weeks?)\\b");

    private HearBack() {
    }

    /** 24h reads "24 hours", 2d "2 days", 30m "30 minutes", 1h "1 hour": what a person would say. */
    public static String spoken(Duration d) {
        long minutes = d.toMinutes();
        if (minutes % (24 * 60) == 0 && minutes >= 48 * 60) {
            return plural(minutes / (24 * 60), "day");
        }
        if (minutes % 60 == 0 && minutes > 0) {
            return plural(minutes / 60, "hour");
        }
        return plural(Math.max(1, minutes), "minute");
    }

    /**
     * The time a reply promises to come back in ("you'll hear back within 2 hours" gives 2 hours), read
     * from the sentence that promises it; empty when it names no time.
     */
    public static Optional<Duration> promised(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        for (String sentence : ReplyBlocks.sentences(lower)) {
            if (!ReplyGuardrails.opensFollowUp(sentence)) {
                continue;
            }
            Matcher m = WITHIN.matcher(sentence);
            if (m.find()) {
                String n = m.group(1);
                long count = Character.isDigit(n.charAt(0)) ? Long.parseLong(n) : NUMBER_WORDS.get(n);
                String unit = m.group(2);
                return Optional.of(unit.startsWith("minute") ? Duration.ofMinutes(count)
                        : unit.startsWith("hour") ? Duration.ofHours(count)
                        : unit.startsWith("day") ? Duration.ofDays(count) : Duration.ofDays(7 * count));
            }
            // "vous aurez de mes nouvelles sous 24 heures": the time in the language the reply is written in.
            for (String code : ReplyLanguage.DRAFTED) {
                Optional<Duration> inLanguage = ReplyLanguage.of(code).promisedTime(sentence);
                if (inLanguage.isPresent()) {
                    return inLanguage;
                }
            }
        }
        return Optional.empty();
    }

    private static final Pattern CUSTOMER_DEADLINE = Pattern.compile(
            "(?i)\\b(?:closes?|closing|leaves?|leaving|departs?|boarding|starts?|ends?|expires?|due|only|have|got)\\b[^.!?]{0,30}?"
                    + "\\bin (\\d{1,3}) ?(minutes?|mins?|hours?|hrs?)\\b");

    /**
     * The time a reply may promise: the policy's, but never past a deadline the customer named ("boarding
     * closes in 20 minutes" gives 10 minutes: half the time they have, and 5 minutes at least).
     */
    public static Duration fitting(Duration policy, String mention) {
        Matcher m = CUSTOMER_DEADLINE.matcher(mention == null ? "" : mention);
        if (!m.find()) {
            return policy;
        }
        long n = Long.parseLong(m.group(1));
        Duration left = m.group(2).toLowerCase(Locale.ROOT).startsWith("h") ? Duration.ofHours(n) : Duration.ofMinutes(n);
        Duration half = left.dividedBy(2);
        Duration fit = half.compareTo(Duration.ofMinutes(5)) < 0 ? Duration.ofMinutes(5) : half;
        return fit.compareTo(policy) < 0 ? fit : policy;
    }

    /**
     * The time a reply may promise with the task's service level in mind: never past what is left of it
     * (rounded down to what a person says: whole hours from 2 hours, else 5-minute steps), nor past a deadline
     * the customer named. Empty when the service level has run out, or less than 5 minutes of it is left: the
     * reply then says plainly it comes as soon as it can today, not a fresh full time.
     *
     * @param left what is left of the service level, or null when no clock runs
     */
    public static Optional<Duration> fitting(Duration policy, String mention, Duration left) {
        Duration promise = policy;
        if (left != null) {
            if (left.compareTo(Duration.ofMinutes(5)) < 0) {
                return Optional.empty();
            }
            Duration spoken = left.compareTo(Duration.ofHours(2)) >= 0 ? Duration.ofHours(left.toHours())
                    : Duration.ofMinutes(left.toMinutes() / 5 * 5);
            promise = spoken.compareTo(policy) < 0 ? spoken : policy;
        }
        return Optional.of(fitting(promise, mention));
    }

    private static String plural(long n, String unit) {
        return n == 1 ? "1 " + unit : n + " " + unit + "s";
    }
}
