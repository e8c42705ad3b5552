package org.earshot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts secrets and per-machine values into a loaded config: {@code ${NAME}} must be set,
 * {@code ${NAME:-fallback}} falls back. Values come from the environment (or, for the demo, a map);
 * when NAME is unset but {@code NAME_FILE} names a file (a mounted secret), the file's content is used.
 * Connectors with {@code enabled: false} are left alone, so their unset secrets do not stop a start.
 */
final class Variables {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final Path file;
    private final Function<String, String> lookup;
    private final ConfigProblems problems;

    Variables(Path file, Function<String, String> lookup) {
        this(file, lookup, ConfigProblems.stopAtFirst());
    }

    Variables(Path file, Function<String, String> lookup, ConfigProblems problems) {
        this.file = file;
        this.lookup = lookup;
        this.problems = problems;
    }

    void substitute(JsonNode root) {
        walk(root, "");
    }

    private void walk(JsonNode node, String key) {
        if (node instanceof ObjectNode object) {
            if (object.path("enabled").asText("true").equals("false")) {
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String childKey = key.isEmpty() ? field.getKey() : key + "." + field.getKey();
                if (field.getValue().isTextual()) {
                    field.setValue(new TextNode(resolve(field.getValue().asText(), childKey)));
                } else {
                    walk(field.getValue(), childKey);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String childKey = key + "[" + i + "]";
                if (array.get(i).isTextual()) {
                    array.set(i, new TextNode(resolve(array.get(i).asText(), childKey)));
                } else {
                    walk(array.get(i), childKey);
                }
            }
        }
    }

    private String valueOf(String name, String key) {
        String value = lookup.apply(name);
        String secretFile = lookup.apply(name + "_FILE");
        if (value != null || secretFile == null) {
            return value;
        }
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(secretFile)).strip();
        } catch (java.io.IOException | RuntimeException e) {
            throw new ConfigException(file, key, "needs " + name + ", but its secret file " + name + "_FILE="
                    + secretFile + " cannot be read: " + e.getMessage());
        }
    }

    private String resolve(String text, String key) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = problems.attempt(() -> valueOf(name, key), "");
            if (value == null) {
                if (m.group(2) == null) {
                    problems.report(new ConfigException(file, key,
                            "needs the environment variable " + name + ", which is not set"));
                    // Checking goes on as if it were set: the reference stands in for its value.
                    value = m.group();
                } else {
                    value = m.group(2);
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
