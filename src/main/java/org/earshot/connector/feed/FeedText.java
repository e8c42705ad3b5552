package org.earshot.connector.feed;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an entry's HTML title or summary into plain text: paragraphs and line breaks kept, entities
 * decoded, tags, scripts and images dropped. The result is text, not HTML: whoever shows it must
 * escape it again.
 */
final class FeedText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "blockquote", "pre", "ul", "ol", "li", "table",
            "tr", "h1", "h2", "h3", "h4", "h5", "h6");

    private FeedText() {
    }

    static String fromHtml(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        Element body = Jsoup.parseBodyFragment(html).body();
        body.select("script, style, noscript, iframe, img").remove();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.getWholeText().replaceAll("\\s+", " "));
                } else if (node instanceof Element element) {
                    if (element.normalName().equals("br")) {
                        out.append('\n');
                    } else if (BLOCKS.contains(element.normalName())) {
                        out.append("\n\n");
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    out.append("\n\n");
                }
            }
        }, body);
        return tidy(out.toString());
    }

    /** Plain text as sent, with its white space tidied. */
    static String fromPlain(String text) {
        return text == null ? "" : tidy(text);
    }

    private static String tidy(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            out.append(line.strip().replaceAll("[ \\t\\x0B\\f\\r]+", " ")).append('\n');
        }
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }
}
