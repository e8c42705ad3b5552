package org.earshot.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.earshot.domain.Author;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Platform;

/**
 * A read mention as JSON, field by field, for the quarantine: one that the store refused is kept whole
 * (its long id too) and can be stored again after an upgrade.
 */
final class MentionJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MentionJson() {
    }

    static byte[] encode(IncomingMention m) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("platform", m.platform().name());
        n.put("externalId", m.externalId());
        n.put("authorHandle", m.author().handle());
        n.put("authorName", m.author().name());
        n.put("authorFollowers", m.author().followers());
        n.put("text", m.text());
        n.put("subject", m.subject());
        n.put("createdAt", m.createdAt() == null ? null : m.createdAt().toString());
        n.put("url", m.url());
        ObjectNode context = n.putObject("replyContext");
        m.replyContext().forEach(context::put);
        n.put("threadKey", m.threadKey());
        n.put("language", m.language());
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static IncomingMention decode(byte[] json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            Map<String, String> context = new LinkedHashMap<>();
            n.path("replyContext").fields().forEachRemaining(e -> context.put(e.getKey(), e.getValue().asText()));
            String createdAt = n.path("createdAt").asText(null);
            return new IncomingMention(Platform.valueOf(n.path("platform").asText()), n.path("externalId").asText(),
                    new Author(n.path("authorHandle").asText(), n.path("authorName").asText(),
                            n.path("authorFollowers").asLong()),
                    n.path("text").asText(), n.path("subject").asText(),
                    createdAt == null ? null : Instant.parse(createdAt), n.path("url").asText(), context,
                    n.path("threadKey").asText(), n.path("language").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("a quarantined mention is not the JSON Earshot wrote", e);
        }
    }
}
