package org.earshot.connector.feed;

import java.util.Set;
import org.earshot.connector.HtmlText;

/**
 * Turns an entry's HTML title or summary into plain text: paragraphs and line breaks kept, entities
 * decoded, tags, scripts and images dropped. The result is text, not HTML: whoever shows it must
 * escape it again.
 */
final class FeedText {
    private static final HtmlText HTML = new HtmlText(Set.of("p", "div", "blockquote", "pre", "ul", "ol", "li",
            "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6"), Set.of());

    private FeedText() {
    }

    static String fromHtml(String html) {
        return HTML.toText(html);
    }

    /** Plain text as sent, with its white space tidied. */
    static String fromPlain(String text) {
        return HtmlText.tidy(text);
    }
}
