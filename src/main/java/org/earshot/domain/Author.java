package org.earshot.domain;

/**
 * The person behind a mention. The handle is unique per platform (an e-mail address for mail);
 * the name is what the person calls themselves and may be empty.
 */
public record Author(String handle, String name, long followers) {
    public Author {
        handle = handle == null ? "" : handle;
        name = name == null ? "" : name;
        followers = Math.max(0, followers);
    }

    /** The name to greet the person by: the first word of their display name, else none. */
    public String firstName() {
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            return "";
        }
        String first = trimmed.split("\\s+")[0];
        return first.chars().anyMatch(Character::isLetter) ? first : "";
    }
}
