package org.earshot.connector;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns the HTML a platform sends (a status, a feed entry) into the plain text a person wrote:
 * paragraphs and line breaks kept, entities decoded, links reduced to their text, scripts, styles and
 * images dropped. Each platform says which elements start a paragraph and which a line. The result is
 * text, not HTML: whoever shows it must escape it again. Linear in the HTML's length.
 */
public final class HtmlText {
    private static final String DROPPED = "script, style, noscript, iframe, img";

    private final Set<String> paragraphs;
    private final Set<String> lines;

    /**
     * @param paragraphs elements set apart by a blank line (p, blockquote, …)
     * @param lines      elements on a line of their own (li, …)
     */
    public HtmlText(Set<String> paragraphs, Set<String> lines) {
        this.paragraphs = Set.copyOf(paragraphs);
        this.lines = Set.copyOf(lines);
    }

    public String toText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        body.select(DROPPED).remove();
        Text out = new Text();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.getWholeText().replaceAll("\\s+", " "));
                } else if (node instanceof Element element) {
                    breakFor(element, out);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && !element.normalName().equals("br")) {
                    breakFor(element, out);
                }
            }
        }, body);
        return tidy(out.toString());
    }

    private void breakFor(Element element, Text out) {
        String name = element.normalName();
        if (name.equals("br")) {
            out.append("\n");
        } else if (paragraphs.contains(name)) {
            out.breakLine(2);
        } else if (lines.contains(name)) {
            out.breakLine(1);
        }
    }

    /** Plain text as sent, with its white space tidied as {@link #toText} tidies it. */
    public static String tidy(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            out.append(line.strip().replaceAll("[ \\t\\x0B\\f\\r]+", " ")).append('\n');
        }
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    /** The text so far, knowing without a rescan whether anything but white space was written. */
    private static final class Text {
        private final StringBuilder out = new StringBuilder();
        private boolean written;

        void append(String s) {
            out.append(s);
            written = written || !s.isBlank();
        }

        /** Ends the text so far with at least {@code count} line breaks, unless nothing was written yet. */
        void breakLine(int count) {
            if (!written) {
                return;
            }
            int trailing = 0;
            for (int i = out.length() - 1; i >= 0 && out.charAt(i) == '\n' && trailing < count; i--) {
                trailing++;
            }
            out.append("\n".repeat(Math.max(0, count - trailing)));
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
