package org.earshot.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.earshot.domain.Alert;

/**
 * An alert as a Slack Block Kit message: a header saying what happened and to whom, a section saying
 * where (urgency, brand by its name, platform) with the text quoted, a context line of facts, and a
 * button to the task in the queue. A folded message lists each alert the same way on one line: its
 * title, the first words of its text, and a link to its task.
 *
 * <p>Escaping is done once, here, and only where Slack reads markup: mrkdwn gets {@code & < >} escaped
 * (so a mention cannot ping {@code <!channel>} or inject links); plain_text (the header, the button)
 * is shown as it is, so it is not escaped. Entities a platform already escaped in its own text
 * ({@code &amp;}) are read back first, so they never show raw. A label an error repeats
 * ("refused: refused:") is said once.
 */
public final class SlackMessage {
    static final int HEADER_LIMIT = 150;
    static final int SECTION_LIMIT = 3000;
    static final int CONTEXT_ELEMENTS = 10;
    static final int FALLBACK_LIMIT = 300;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    private final String queueUrl;
    private final ZoneId zone;
    private final BrandNames brands;

    /** @param queueUrl the web queue as people reach it; @param zone the zone times are shown in */
    public SlackMessage(String queueUrl, ZoneId zone) {
        this(queueUrl, zone, BrandNames.IDS);
    }

    public SlackMessage(String queueUrl, ZoneId zone, BrandNames brands) {
        this.queueUrl = queueUrl.endsWith("/") ? queueUrl.substring(0, queueUrl.length() - 1) : queueUrl;
        this.zone = zone;
        this.brands = brands;
    }

    /** One alert as one message. */
    public String single(Alert alert) {
        String title = titleOf(alert);
        String text = plain(alert.text());
        ObjectNode message = JSON.createObjectNode();
        message.put("text", cut(escape(AlertWords.withoutRepeatedLabels(title
                + (text.isBlank() ? "" : ": " + AlertWords.firstWords(text)))), FALLBACK_LIMIT));
        ArrayNode blocks = message.putArray("blocks");
        blocks.add(header(title));
        StringBuilder section = new StringBuilder("*").append(escape(where(alert))).append("*");
        if (!text.isBlank()) {
            section.append('\n').append(quoted(text));
        }
        blocks.add(section(cut(section.toString(), SECTION_LIMIT)));
        if (!alert.facts().isEmpty()) {
            ObjectNode context = blocks.addObject().put("type", "context");
            ArrayNode elements = context.putArray("elements");
            alert.facts().stream().limit(CONTEXT_ELEMENTS).forEach(fact ->
                    elements.addObject().put("type", "mrkdwn").put("text", cut(escape(plain(fact)), SECTION_LIMIT)));
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
            String line = line(alert) + "\n";
            int more = alerts.size() - shown - 1;
            if (list.length() + line.length() + (more > 0 ? 40 : 0) > SECTION_LIMIT) {
                break;
            }
            list.append(line);
            shown++;
        }
        if (shown < alerts.size()) {
            list.append("…and ").append(alerts.size() - shown).append(" more in the queue");
        }
        message.put("text", cut(escape(title + ": " + String.join("; ", alerts.stream().map(SlackMessage::titleOf)
                .toList())), FALLBACK_LIMIT));
        ArrayNode blocks = message.putArray("blocks");
        blocks.add(header(title));
        blocks.add(section(list.toString().stripTrailing()));
        return write(message);
    }

    /**
     * "• Wed 12:31 [critical] *First response due in 28m: Dana Reyes (@dana) on mastodon* · Acme Air — “my bag…” <url|task 57>":
     * the level unless the title starts with it already.
     */
    private String line(Alert alert) {
        StringBuilder line = new StringBuilder("• ");
        String when = when(alert);
        if (!when.isEmpty()) {
            line.append(when).append(' ');
        }
        String title = titleOf(alert);
        if (alert.level() != null && !title.toLowerCase(Locale.ROOT).startsWith(alert.level().id())) {
            line.append('[').append(alert.level().id()).append("] ");
        }
        line.append('*').append(escape(title)).append('*');
        if (alert.brand() != null) {
            line.append(" · ").append(escape(brands.of(alert.brand())));
        }
        String text = plain(alert.text());
        if (!text.isBlank()) {
            line.append(" — “").append(escape(AlertWords.firstWords(text))).append('”');
        }
        String link = linkOf(alert);
        if (!link.isEmpty()) {
            line.append(" <").append(link).append('|')
                    .append(alert.taskId() != null ? "task " + alert.taskId() : "open").append('>');
        }
        return line.toString();
    }

    /** Escapes the three characters Slack reads as markup in mrkdwn, as its docs ask; once. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Text as a person should read it: entities a platform escaped read back, repeated labels said once. */
    static String plain(String text) {
        if (text == null) {
            return "";
        }
        String read = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x27;", "'").replace("&amp;", "&");
        return AlertWords.withoutRepeatedLabels(read);
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
        header.putObject("text").put("type", "plain_text").put("text", cut(title, HEADER_LIMIT));
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

    /** The alert's own title, plain; what kind and how urgent it is goes on the line below, said once. */
    private static String titleOf(Alert alert) {
        return plain(alert.title().isBlank() ? alert.kind().id().replace('_', ' ') : alert.title());
    }

    /** "critical · sla warning · Acme Air · mastodon" */
    private String where(Alert alert) {
        StringBuilder where = new StringBuilder();
        if (alert.level() != null) {
            where.append(alert.level().id()).append(" · ");
        }
        where.append(alert.kind().id().replace('_', ' '));
        if (alert.brand() != null) {
            where.append(" · ").append(brands.of(alert.brand()));
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
