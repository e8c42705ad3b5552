package org.earshot.connector.bluesky;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A post's text as Bluesky measures and marks it: length in graphemes (what a reader sees as one
 * character, so "👍🏽" is one), size in UTF-8 bytes, and links as rich-text facets, without which
 * Bluesky shows a URL as plain, unclickable text.
 */
final class BlueskyText {
    /** Bluesky allows 300 graphemes and 3000 bytes per post. */
    static final int MAX_BYTES = 3000;
    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");
    private static final String TRAILING_PUNCTUATION = ".,;:!?)]}'";

    private BlueskyText() {
    }

    static int graphemes(String text) {
        Matcher m = GRAPHEME.matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** One {@code app.bsky.richtext.facet#link} per http(s) link, by UTF-8 byte offsets as Bluesky wants. */
    static ArrayNode linkFacets(String text) {
        ArrayNode facets = BlueskyApi.JSON.createArrayNode();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && TRAILING_PUNCTUATION.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            String link = text.substring(m.start(), end);
            int byteStart = bytes(text.substring(0, m.start()));
            ObjectNode facet = facets.addObject();
            facet.putObject("index").put("byteStart", byteStart).put("byteEnd", byteStart + bytes(link));
            facet.putArray("features").addObject().put("$type", "app.bsky.richtext.facet#link").put("uri", link);
        }
        return facets;
    }
}
