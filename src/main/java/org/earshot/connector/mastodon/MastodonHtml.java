package org.earshot.connector.mastodon;

import java.util.Set;
import org.earshot.connector.HtmlText;

/**
 * Turns a status's {@code content} (sanitized HTML) into the plain text a person wrote: paragraphs
 * and line breaks kept, entities decoded, links reduced to their text. The text of a link is kept
 * whole, also the parts Mastodon hides to shorten long URLs, so scoring sees the real address.
 * The result is text, not HTML: whoever shows it must escape it again.
 */
final class MastodonHtml {
    private static final HtmlText HTML = new HtmlText(
            Set.of("p", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6"), Set.of("li", "ul", "ol"));

    private MastodonHtml() {
    }

    static String toText(String html) {
        return HTML.toText(html);
    }
}
