package org.earshot.reply;

import org.earshot.domain.Author;

/**
 * The name a reply greets a person by. A display name "Becker, Anna" (mail's "last, first") gives
 * "Anna"; stray punctuation is dropped; an initial alone ("J.") or a user name ("gate_b12") is no
 * name to greet by.
 */
final class PersonName {
    private PersonName() {
    }

    static String of(Author author) {
        if (author == null) {
            return "";
        }
        String name = author.name().strip();
        int comma = name.indexOf(',');
        if (comma > 0 && !name.substring(comma + 1).isBlank()) {
            name = name.substring(comma + 1).strip();
        }
        String first = name.isEmpty() ? "" : name.split("\\s+")[0];
        int from = 0;
        int to = first.length();
        while (from < to && !Character.isLetter(first.charAt(from))) {
            from++;
        }
        while (to > from && !Character.isLetter(first.charAt(to - 1))) {
            to--;
        }
        String word = first.substring(from, to);
        if (word.codePointCount(0, word.length()) < 2 || !word.chars().allMatch(PersonName::inAName)) {
            return "";
        }
        return word;
    }

    /** A user name such as "gate_b12" shown where a display name would be is nobody's name to greet. */
    private static boolean inAName(int c) {
        return Character.isLetter(c) || c == '-' || c == '\'' || c == '\u2019';
    }
}
