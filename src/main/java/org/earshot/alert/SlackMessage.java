package org.earshot.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.earshot.domain.Alert;

/**
 * An alert as a Slack Block Kit message: a header, a section saying where it happened with the text
 * quoted, a context line of facts, and a button to the task in the queue. User text is escaped, so
 * a mention cannot ping {@code <!channel>} or inject links, and cut to Slack's block limits.
 */
public final class SlackMessage {
    static final int HEADER_LIMIT = 150;
    static final int SECTION_LIMIT = 3000;
    static final int CONTEXT_ELEMENTS = 10;
    static final int FALLBACK_LIMIT = 300;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE HH:mm");

    private final String queueUrl;
    private final ZoneId zone;

    /** @param queueUrl the web queue as people reach it; @param zone the zone times are shown in */
    public SlackMessage(String queueUrl, ZoneId zone) {
        this.queueUrl = queueUrl.endsWith("/") ? queueUrl.substring(0, queueUrl.length() - 1) : queueUrl;
        this.zone = zone;
    }

    /** One alert as one message. */
    public String single(Alert alert) {
        String title = titleOf(alert);
        ObjectNode message = JSON.createObjectNode();
        message.put("text", cut(escape(title + ": " + alert.text()), FALLBACK_LIMIT));
        ArrayNode blocks = message.putArray("blocks");
        blocks.add(header(title));
        StringBuilder section = new StringBuilder("*").append(escape(where(alert))).append("*");
        if (!alert.text().isBlank()) {
            section.append('\n').append(quoted(alert.text()));
        }
        blocks.add(section(cut(section.toString(), SECTION_LIMIT)));
        if (!alert.facts().isEmpty()) {
            ObjectNode context = blocks.addObject().put("type", "context");
            ArrayNode elements = context.putArray("elements");
            alert.facts().stream().limit(CONTEXT_ELEMENTS).forEach(fact ->
                    elements.addObject().put("type", "mrkdwn").put("text", cut(escape(fact), SECTION_LIMIT)));
        }
        String link = linkOf(alert);
        if (!link.isEmpty()) {
            ObjectNode actions = blocks.addObject().put("type", "actions");
            ObjectNode button = actions.putArray("elements").addObject().put("type", "button");
            button.putObject("text").put("type", "plain_text").put("text",
                    alert.taskId() != null ? "Open task " + alert.taskId() + " in the queue" : "Open");
            button.put("url", link);
        }
        return write(message);
    }

    /**
     * Many alerts for one route as one message, instead of a flood after an outage or quiet hours.
     *
     * @param why how they piled up, e.g. "while Slack was unreachable"
     */
    public String folded(List<Alert> alerts, String why) {
        String title = alerts.size() + " alerts " + why;
        ObjectNode message = JSON.createObjectNode();
        StringBuilder list = new StringBuilder();
        int shown = 0;
        for (Alert alert : alerts) {
            String line = "• " + when(alert) + " *" + escape(titleOf(alert)) + "* (" + escape(where(alert)) + ")"
                    + (linkOf(alert).isEmpty() ? "" : " <" + linkOf(alert) + "|open>") + "\n";
            int more = alerts.size() - shown - 1;
            if (list.length() + line.length() + (more > 0 ? 20 : 0) > SECTION_LIMIT) {
                break;
            }
            list.append(line);
            shown++;
        }
        if (shown < alerts.size()) {
            list.append("…and ").append(alerts.size() - shown).append(" more in the queue");
        }
        message.put("text", cut(escape(title + ": " + alerts.stream().map(SlackMessage::titleOf).toList()),
                FALLBACK_LIMIT));
        ArrayNode blocks = message.putArray("blocks");
        blocks.add(header(title));
        blocks.add(section(list.toString().stripTrailing()));
        return write(message);
    }

    /** Escapes the three characters Slack reads as markup, as its docs ask. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Cuts text to {@code max} characters with an ellipsis, never through an escape such as {@code &amp;}. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String head = text.substring(0, max - 1);
        int amp = head.lastIndexOf('&');
        if (amp >= 0 && head.indexOf(';', amp) < 0) {
            head = head.substring(0, amp);
        }
        return head + "…";
    }

    private static ObjectNode header(String title) {
        ObjectNode header = JSON.createObjectNode().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", cut(escape(title), HEADER_LIMIT));
        return header;
    }

    private static ObjectNode section(String mrkdwn) {
        ObjectNode section = JSON.createObjectNode().put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", mrkdwn);
        return section;
    }

    private static String quoted(String text) {
        return escape(text.strip()).lines().map(line -> "> " + line).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static String titleOf(Alert alert) {
        String level = alert.level() == null ? "" : "[" + alert.level().id() + "] ";
        return level + (alert.title().isBlank() ? alert.kind().id() : alert.title());
    }

    private static String where(Alert alert) {
        StringBuilder where = new StringBuilder(alert.kind().id().replace('_', ' '));
        if (alert.brand() != null) {
            where.append(" · ").append(alert.brand());
        }
        if (alert.platform() != null) {
            where.append(" · ").append(alert.platform().id());
        }
        return where.toString();
    }

    private String when(Alert alert) {
        Instant at = alert.raisedAt();
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    private String linkOf(Alert alert) {
        if (alert.taskId() != null) {
            return queueUrl + "/tasks/" + alert.taskId();
        }
        return alert.link();
    }

    private static String write(ObjectNode message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
