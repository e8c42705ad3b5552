package org.earshot.connector.mastodon;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns a status's {@code content} (sanitized HTML) into the plain text a person wrote: paragraphs
 * and line breaks kept, entities decoded, links reduced to their text. The text of a link is kept
 * whole, also the parts Mastodon hides to shorten long URLs, so scoring sees the real address.
 * The result is text, not HTML: whoever shows it must escape it again.
 */
final class MastodonHtml {
    private static final Set<String> PARAGRAPHS = Set.of("p", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> LINES = Set.of("li", "ul", "ol");

    private MastodonHtml() {
    }

    static String toText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.getWholeText().replaceAll("\\s+", " "));
                } else if (node instanceof Element element) {
                    String name = element.normalName();
                    if (name.equals("br")) {
                        out.append('\n');
                    } else if (PARAGRAPHS.contains(name)) {
                        breakLine(out, 2);
                    } else if (LINES.contains(name)) {
                        breakLine(out, 1);
                    }
                }
            }
        }, Jsoup.parseBodyFragment(html).body());
        return tidy(out.toString());
    }

    /** Ends the text so far with at least {@code count} line breaks, unless nothing was written yet. */
    private static void breakLine(StringBuilder out, int count) {
        if (out.toString().isBlank()) {
            return;
        }
        int trailing = 0;
        for (int i = out.length() - 1; i >= 0 && out.charAt(i) == '\n'; i--) {
            trailing++;
        }
        out.append("\n".repeat(Math.max(0, count - trailing)));
    }

    private static String tidy(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            out.append(line.strip()).append('\n');
        }
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }
}
