package org.earshot.config;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.earshot.domain.Channels;
import org.earshot.domain.UrgencyLevel;

/** Reads and checks the {@code alerts:} section. */
final class AlertsConfigReader {
    static final Set<String> KINDS = Set.of("new_mention", "spike", "sla_warning", "sla_breach",
            "connector_unhealthy", "follow_up_due", "digest");

    private AlertsConfigReader() {
    }

    /** Without routes, a configured {@code slack.webhookUrl} gets every alert of level high and above. */
    static AlertsConfig read(ConfigNode node, SlackConfig slack, WebConfig web, Set<String> brands, Channels channels) {
        List<AlertRoute> routes = new ArrayList<>();
        for (ConfigNode r : node.list("routes")) {
            routes.add(route(r, brands, channels));
        }
        if (routes.isEmpty() && slack.enabled()) {
            routes.add(new AlertRoute("slack", slack.webhookUrl(), List.of(), List.of(), List.of(), UrgencyLevel.HIGH,
                    null, false));
        }
        ConfigNode spike = node.get("spike");
        SpikeRule rule = new SpikeRule(spike.positiveDuration("window", SpikeRule.DEFAULT.window()),
                spike.positiveDuration("baseline", SpikeRule.DEFAULT.baseline()),
                sigmas(spike), spike.integer("minimumVolume", SpikeRule.DEFAULT.minimumVolume(), 1, 1_000_000));
        String queueUrl = node.string("queueUrl", "http://localhost:" + (web.port() == 0 ? 8080 : web.port()));
        return new AlertsConfig(routes, businessHours(node.get("businessHours")), rule,
                node.duration("breachWarning", Duration.ofMinutes(30)), time(node, "digestAt", LocalTime.of(8, 0)),
                queueUrl.endsWith("/") ? queueUrl.substring(0, queueUrl.length() - 1) : queueUrl);
    }

    private static AlertRoute route(ConfigNode r, Set<String> brands, Channels channels) {
        String name = r.string("name", r.key());
        String webhook = r.requiredString("webhookUrl");
        if (!webhook.startsWith("http://") && !webhook.startsWith("https://")) {
            throw r.get("webhookUrl").error("must be an http or https URL (a Slack incoming webhook), but was '"
                    + webhook + "'");
        }
        List<String> routeBrands = r.stringList("brands");
        for (String b : routeBrands) {
            if (!brands.contains(b)) {
                throw r.get("brands").error("must name configured brands " + brands + ", but has '" + b + "'");
            }
        }
        List<String> platforms = new ArrayList<>();
        for (String p : r.stringList("platforms")) {
            try {
                platforms.add(channels.platform(p).id());
            } catch (IllegalArgumentException e) {
                throw r.get("platforms").error(e.getMessage());
            }
        }
        List<String> kinds = r.stringList("kinds").stream().map(k -> k.trim().toLowerCase(Locale.ROOT)).toList();
        for (String k : kinds) {
            if (!KINDS.contains(k)) {
                throw r.get("kinds").error("must be among " + KINDS.stream().sorted().toList() + ", but has '" + k + "'");
            }
        }
        String level = r.string("minimumLevel", "normal").trim().toUpperCase(Locale.ROOT);
        UrgencyLevel minimum;
        try {
            minimum = UrgencyLevel.valueOf(level);
        } catch (IllegalArgumentException e) {
            throw r.get("minimumLevel").error("must be low, normal, high or critical, but was '"
                    + r.string("minimumLevel", "") + "'");
        }
        TimeWindow quiet = null;
        if (r.has("quietHours")) {
            ConfigNode q = r.get("quietHours");
            quiet = new TimeWindow(time(q, "from", null), time(q, "to", null));
        }
        return new AlertRoute(name, webhook, routeBrands, platforms, kinds, minimum, quiet,
                r.bool("businessHoursOnly", false));
    }

    private static BusinessHours businessHours(ConfigNode node) {
        if (!node.isPresent()) {
            return BusinessHours.ALWAYS;
        }
        ZoneId zone;
        String rawZone = node.string("zone", "UTC");
        try {
            zone = ZoneId.of(rawZone);
        } catch (RuntimeException e) {
            throw node.get("zone").error("must be a time zone like Europe/Berlin or UTC, but was '" + rawZone + "'");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        List<String> rawDays = node.stringList("days");
        for (String d : rawDays.isEmpty() ? List.of("mon", "tue", "wed", "thu", "fri") : rawDays) {
            days.add(day(node.get("days"), d));
        }
        LocalTime opens = time(node, "opens", LocalTime.of(9, 0));
        LocalTime closes = time(node, "closes", LocalTime.of(17, 0));
        if (!closes.isAfter(opens)) {
            throw node.get("closes").error("must be after opens (" + opens + "), but was " + closes);
        }
        return new BusinessHours(zone, days, opens, closes);
    }

    private static DayOfWeek day(ConfigNode node, String raw) {
        String d = raw.trim().toLowerCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(Locale.ROOT).startsWith(d) && d.length() >= 3) {
                return day;
            }
        }
        throw node.error("must list days like mon, tue, wed, but has '" + raw + "'");
    }

    private static LocalTime time(ConfigNode node, String child, LocalTime fallback) {
        if (!node.has(child)) {
            if (fallback == null) {
                throw node.get(child).error("is required (a time like 22:00)");
            }
            return fallback;
        }
        String raw = node.string(child, "").trim();
        try {
            return LocalTime.parse(raw.length() == 4 ? "0" + raw : raw);
        } catch (DateTimeParseException e) {
            throw node.get(child).error("must be a time like 08:00 or 22:30, but was '" + raw + "'");
        }
    }

    private static double sigmas(ConfigNode spike) {
        String raw = spike.string("sigmas", "3");
        try {
            double v = Double.parseDouble(raw.trim());
            if (v <= 0 || v > 20) {
                throw spike.get("sigmas").error("must be greater than 0 and at most 20, but was " + raw);
            }
            return v;
        } catch (NumberFormatException e) {
            throw spike.get("sigmas").error("must be a number like 3 or 2.5, but was '" + raw + "'");
        }
    }
}
