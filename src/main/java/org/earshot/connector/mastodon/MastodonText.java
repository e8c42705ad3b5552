package org.earshot.connector.mastodon;

import java.util.regex.Pattern;

/**
 * Counts a post's length the way Mastodon does: every link counts as 23 characters and a mention of
 * a remote account counts only its username ("@sam@example.social" as "@sam").
 */
final class MastodonText {
    static final int LINK_LENGTH = 23;
    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private static final Pattern REMOTE_MENTION = Pattern.compile("(?<![\\w@])(@\\w+)@[\\w.-]+\\w");

    private MastodonText() {
    }

    static int countedLength(String text) {
        String counted = LINK.matcher(text).replaceAll("x".repeat(LINK_LENGTH));
        counted = REMOTE_MENTION.matcher(counted).replaceAll("$1");
        return counted.codePointCount(0, counted.length());
    }
}
