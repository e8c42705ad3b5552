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

    /**
     * Who this probably is on any platform: the account name without "@", instance or domain
     * ("sarah_travels" for @sarah_travels on X, sarah_travels@toot.example on Mastodon and
     * sarah_travels.bsky.social on Bluesky) with the first name. Both must agree, so that two people
     * who happen to share a handle on different platforms are not taken for one; without a first
     * name there is no key and the person is known on their own platform only.
     */
    public String personKey() {
        String first = firstName().replaceAll("[^\\p{L}\\p{N}'-]", "").toLowerCase(java.util.Locale.ROOT);
        String account = handle.strip().toLowerCase(java.util.Locale.ROOT);
        account = account.startsWith("@") ? account.substring(1) : account;
        int at = account.indexOf('@');
        if (at >= 0) {
            account = account.substring(0, at);
        } else if (account.indexOf('.') > 0) {
            account = account.substring(0, account.indexOf('.'));
        }
        return first.length() < 2 || account.isEmpty() ? "" : account + "|" + first;
    }
}
