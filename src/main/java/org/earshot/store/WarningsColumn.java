package org.earshot.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.earshot.domain.Warning;

/**
 * How a draft's warnings are kept in {@code response_task.draft_warnings}: a JSON list of
 * {@code {"kind", "rule", "text"}}. Rows written before warnings had kinds hold a list of one-line strings
 * ("hard: promises 'refund'"); those are read through {@link Warning#fromLine}, so old tasks keep their
 * hard rules and notices.
 */
final class WarningsColumn {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WarningsColumn() {
    }

    static String write(List<Warning> warnings) {
        ArrayNode list = MAPPER.createArrayNode();
        for (Warning w : warnings) {
            list.addObject().put("kind", w.kind().id()).put("rule", w.rule()).put("text", w.text());
        }
        return list.toString();
    }

    static List<Warning> read(String json) {
        JsonNode list;
        try {
            list = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored warnings are not JSON: " + json, e);
        }
        if (list == null || !list.isArray()) {
            throw new IllegalStateException("stored warnings are not a JSON list: " + json);
        }
        List<Warning> out = new ArrayList<>();
        for (JsonNode w : list) {
            out.add(w.isTextual() ? Warning.fromLine(w.asText())
                    : new Warning(Warning.Kind.valueOf(w.path("kind").asText().toUpperCase(Locale.ROOT)),
                            w.path("rule").asText(), w.path("text").asText()));
        }
        return out;
    }
}
