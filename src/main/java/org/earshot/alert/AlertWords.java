package org.earshot.alert;

import java.util.regex.Pattern;
import org.earshot.domain.Mention;

/** How alerts name a person and quote a mention, the same in every alert and in folded lists. */
final class AlertWords {
    static final int QUOTED_WORDS = 12;
    static final int QUOTED_CHARS = 90;
    private static final Pattern REPEATED_LABEL = Pattern.compile("(?i)\\b([a-z][a-z _-]{1,40}): (?:\\1: )+");

    private AlertWords() {
    }

    /** "Dana Reyes (@dana)", or the handle alone when there is no name. */
    static String person(Mention m) {
        String name = m.author().name() == null ? "" : m.author().name().strip();
        String handle = m.author().handle() == null ? "" : m.author().handle().strip();
        if (name.isEmpty() || name.equalsIgnoreCase(handle) || name.equalsIgnoreCase(handle.replaceFirst("^@", ""))) {
            return handle;
        }
        return handle.isEmpty() ? name : name + " (" + handle + ")";
    }

    /** "Dana Reyes (@dana) on mastodon": who, and where they wrote. */
    static String personOn(Mention m) {
        return person(m) + " on " + m.platform().id();
    }

    /** The first words of a text on one line, with an ellipsis when there were more. */
    static String firstWords(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        String[] words = flat.split(" ");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length && i < QUOTED_WORDS; i++) {
            if (out.length() + words[i].length() + 1 > QUOTED_CHARS) {
                break;
            }
            out.append(out.length() == 0 ? "" : " ").append(words[i]);
        }
        if (out.length() == 0 && !flat.isEmpty()) {
            out.append(flat, 0, Math.min(flat.length(), QUOTED_CHARS - 1));
        }
        return out.length() < flat.length() ? out + "…" : out.toString();
    }

    /** "refused: refused: 401" → "refused: 401": a label an error message repeats is said once. */
    static String withoutRepeatedLabels(String text) {
        return text == null ? "" : REPEATED_LABEL.matcher(text).replaceAll("$1: ");
    }
}
