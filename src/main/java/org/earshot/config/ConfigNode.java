package org.earshot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A place in a loaded config file that knows its own key, so that every error names the file and
 * the full key ("connectors.mastodon.schedule must be a duration like 30s, but was 'often'").
 * Connector packages read their own settings through it. Every key a reader asks for is remembered,
 * so that {@link #requireKnownKeys()} can refuse the keys nobody asked for ("shedule").
 */
public final class ConfigNode {
    private final Path file;
    private final String key;
    private final JsonNode node;
    private final AskedKeys asked;

    public ConfigNode(Path file, String key, JsonNode node) {
        this(file, key, node, new AskedKeys());
    }

    private ConfigNode(Path file, String key, JsonNode node, AskedKeys asked) {
        this.file = file;
        this.key = key;
        this.node = node == null ? MissingNode.getInstance() : node;
        this.asked = asked;
    }

    public Path file() {
        return file;
    }

    public String key() {
        return key;
    }

    public boolean isPresent() {
        return !node.isMissingNode() && !node.isNull();
    }

    public boolean has(String child) {
        return get(child).isPresent();
    }

    public ConfigNode get(String child) {
        asked.asked(key, child);
        return new ConfigNode(file, key.isEmpty() ? child : key + "." + child, node.path(child), asked);
    }

    /**
     * Settings this reader knows but does not read this time (the other API version's secrets, a
     * disabled feature's options), so that they are not reported as unknown.
     */
    public void accepts(String... children) {
        for (String child : children) {
            asked.asked(key, child);
        }
    }

    /** The keys under this one are read later, by a reader that checks them itself (a connector's platform). */
    public void leaveKeysToItsReader() {
        asked.leaveToTheirReader(key);
    }

    /**
     * Fails on the first key under this one that no reader asked for, naming the nearest known key:
     * "connectors.x.shedule is not a setting; did you mean schedule?". Call it once every reader has run.
     */
    public void requireKnownKeys() {
        List<ConfigException> unknown = unknownKeys();
        if (!unknown.isEmpty()) {
            throw unknown.get(0);
        }
    }

    /** Every key under this one that no reader asked for, in file order (what {@code check-config} lists). */
    public List<ConfigException> unknownKeys() {
        List<ConfigException> found = new ArrayList<>();
        collectUnknownKeys(found);
        return found;
    }

    private void collectUnknownKeys(List<ConfigException> found) {
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                ConfigNode child = new ConfigNode(file, key.isEmpty() ? name : key + "." + name, node.get(name), asked);
                if (!asked.under(key).contains(name)) {
                    found.add(child.error("is not a setting" + suggestion(name)));
                } else if (!asked.leftToTheirReader(child.key)) {
                    child.collectUnknownKeys(found);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                new ConfigNode(file, key + "[" + i + "]", node.get(i), asked).collectUnknownKeys(found);
            }
        }
    }

    private String suggestion(String name) {
        Set<String> known = new TreeSet<>(asked.under(key));
        return NearestKey.to(name, known).map(k -> "; did you mean " + k + "?")
                .orElse(known.isEmpty() ? "" : " (the settings here are " + String.join(", ", known) + ")");
    }

    public ConfigException error(String reason) {
        return new ConfigException(file, key, reason);
    }

    public String requiredString(String child) {
        ConfigNode c = get(child);
        if (!c.isPresent() || c.node.asText().isBlank()) {
            throw c.error("is required");
        }
        return c.text();
    }

    public String string(String child, String fallback) {
        ConfigNode c = get(child);
        return c.isPresent() ? c.text() : fallback;
    }

    private String text() {
        if (!node.isValueNode()) {
            throw error("must be a single value, but was " + node.getNodeType().name().toLowerCase());
        }
        return node.asText();
    }

    public int integer(String child, int fallback, int min, int max) {
        ConfigNode c = get(child);
        if (!c.isPresent()) {
            return fallback;
        }
        String raw = c.text().trim();
        try {
            int value = Integer.parseInt(raw);
            if (value < min || value > max) {
                throw c.error("must be between " + min + " and " + max + ", but was " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw c.error("must be a whole number, but was '" + raw + "'");
        }
    }

    public boolean bool(String child, boolean fallback) {
        ConfigNode c = get(child);
        if (!c.isPresent()) {
            return fallback;
        }
        String raw = c.text().trim();
        if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(raw);
        }
        throw c.error("must be true or false, but was '" + raw + "'");
    }

    public Duration duration(String child, Duration fallback) {
        ConfigNode c = get(child);
        if (!c.isPresent()) {
            return fallback;
        }
        String raw = c.text();
        return Durations.parse(raw)
                .orElseThrow(() -> c.error("must be a duration like 30s, 5m or 12h, but was '" + raw + "'"));
    }

    /** A duration of at least 1ms (timeouts, backoffs). */
    public Duration positiveDuration(String child, Duration fallback) {
        Duration d = duration(child, fallback);
        if (d.toMillis() < 1) {
            throw get(child).error("must be at least 1ms, but was '" + get(child).raw().asText() + "'");
        }
        return d;
    }

    /** An http or https URL that paths are appended to, so without a trailing slash. */
    public URI baseUrl(String child) {
        String s = uri(child).toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s);
    }

    public URI uri(String child) {
        ConfigNode c = get(child);
        String raw = requiredString(child).trim();
        try {
            URI uri = new URI(raw);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw c.error("must be an http or https URL, but was '" + raw + "'");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw c.error("must be an http or https URL, but was '" + raw + "'");
        }
    }

    public List<String> stringList(String child) {
        ConfigNode c = get(child);
        if (!c.isPresent()) {
            return List.of();
        }
        if (c.node.isValueNode()) {
            return List.of(c.text());
        }
        if (!c.node.isArray()) {
            throw c.error("must be a list, but was " + c.node.getNodeType().name().toLowerCase());
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < c.node.size(); i++) {
            values.add(new ConfigNode(file, c.key + "[" + i + "]", c.node.get(i), asked).text());
        }
        return List.copyOf(values);
    }

    public List<ConfigNode> list(String child) {
        ConfigNode c = get(child);
        if (!c.isPresent()) {
            return List.of();
        }
        if (!c.node.isArray()) {
            throw c.error("must be a list, but was " + c.node.getNodeType().name().toLowerCase());
        }
        List<ConfigNode> items = new ArrayList<>();
        for (int i = 0; i < c.node.size(); i++) {
            items.add(new ConfigNode(file, c.key + "[" + i + "]", c.node.get(i), asked));
        }
        return items;
    }

    /** The children of a mapping, in file order, keyed by their names. */
    public Map<String, ConfigNode> children() {
        if (!isPresent()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw error("must be a mapping of names to settings, but was " + node.getNodeType().name().toLowerCase());
        }
        Map<String, ConfigNode> out = new LinkedHashMap<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            out.put(name, get(name));
        }
        return out;
    }

    public Optional<String> optionalString(String child) {
        ConfigNode c = get(child);
        return c.isPresent() && !c.text().isBlank() ? Optional.of(c.text()) : Optional.empty();
    }

    public JsonNode raw() {
        return node;
    }
}
