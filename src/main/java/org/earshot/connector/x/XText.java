package org.earshot.connector.x;

import java.util.regex.Pattern;

/**
 * Post text the way X treats it: how long X counts it, how it escapes it, and what stays of a
 * reply's text once X has posted it (leading {@code @mentions} added, links wrapped in t.co).
 */
final class XText {
    static final int LINK_LENGTH = 23;
    private static final Pattern LINK = Pattern.compile("https?://\\S+", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_MENTIONS = Pattern.compile("^(?:@\\w{1,15}\\s+)+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private XText() {
    }

    /**
     * The length X counts: a link is 23, characters of Latin, Greek, Cyrillic and most punctuation
     * count 1, every other character (CJK, emoji, …) counts 2, as X's counting rules say. An emoji
     * made of several code points counts more here than on X, never less.
     */
    static int weightedLength(String text) {
        var links = LINK.matcher(text);
        int length = 0;
        int from = 0;
        while (links.find()) {
            length += weight(text.substring(from, links.start())) + LINK_LENGTH;
            from = links.end();
        }
        return length + weight(text.substring(from));
    }

    /** X escapes {@code & < >} in post text, in both APIs. */
    static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /**
     * The text as it compares with a posted reply: without the {@code @mentions} X puts in front of a
     * reply, with every link the same (X wraps links in t.co), unescaped, spaces folded.
     */
    static String comparable(String text) {
        String t = unescape(text).strip();
        t = LEADING_MENTIONS.matcher(t).replaceFirst("");
        t = LINK.matcher(t).replaceAll("<link>");
        return SPACES.matcher(t).replaceAll(" ").strip();
    }

    private static int weight(String s) {
        return s.codePoints().map(XText::weight).sum();
    }

    private static int weight(int cp) {
        boolean light = cp <= 0x10FF || (cp >= 0x2000 && cp <= 0x200D) || (cp >= 0x2010 && cp <= 0x201F)
                || (cp >= 0x2032 && cp <= 0x2037);
        return light ? 1 : 2;
    }
}
