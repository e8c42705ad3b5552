package org.earshot.scoring;

import java.util.Map;

/** Decodes the HTML entities that platforms leave in post text ("&amp;", "&lt;3", "&#39;"). */
final class HtmlEntities {
    private static final Map<String, String> NAMED = Map.of(
            "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ",
            "hellip", "...", "rsquo", "'", "lsquo", "'", "mdash", "-");

    private HtmlEntities() {
    }

    static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int semi = c == '&' ? text.indexOf(';', i + 1) : -1;
            if (semi > i + 1 && semi - i <= 10) {
                String decoded = entity(text.substring(i + 1, semi));
                if (decoded != null) {
                    out.append(decoded);
                    i = semi + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String entity(String name) {
        if (name.startsWith("#")) {
            try {
                int cp = name.startsWith("#x") || name.startsWith("#X")
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return NAMED.get(name);
    }
}
