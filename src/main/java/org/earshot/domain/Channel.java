package org.earshot.domain;

/**
 * A platform and what its connector declares it can do. The core asks these and never names a
 * platform: what differs between platforms is one of these, declared once in the platform's package.
 *
 * @param platform      the platform declared
 * @param canReply      replies can be posted; false for a read-only source (a feed), whose approved task is
 *                      closed as answered by hand, the person posting it where the mention appeared
 * @param handleFirst   the platform puts the @handle before a reply, so each block leaves room for it
 * @param maxPostLength characters one post may have, {@link #NO_LIMIT} for none
 * @param threadsBlocks a reply is cut into short blocks posted as a thread; false: one message
 * @param social        the social service levels apply (answer within the hour), not mail's
 * @param mail          a reply is a letter: a greeting, the body and a sign-off, checked for both
 */
public record Channel(Platform platform, boolean canReply, boolean handleFirst, int maxPostLength,
                      boolean threadsBlocks, boolean social, boolean mail) {
    public static final int NO_LIMIT = Integer.MAX_VALUE;

    public Channel {
        if (platform == null) {
            throw new IllegalArgumentException("a channel needs its platform");
        }
        if (maxPostLength < 1) {
            throw new IllegalArgumentException("maxPostLength must be at least 1, but was " + maxPostLength);
        }
    }

    /** A social platform: replies in short blocks threaded within its limit, social service levels. */
    public static Channel social(Platform platform, int maxPostLength) {
        return new Channel(platform, true, false, maxPostLength, true, true, false);
    }

    /** Mail: one letter with a greeting and a sign-off, no length limit, mail's service levels. */
    public static Channel mail(Platform platform) {
        return new Channel(platform, true, false, NO_LIMIT, false, false, true);
    }

    /** A source nothing can be posted to: a reply is one suggestion a person posts by hand. */
    public static Channel readOnly(Platform platform) {
        return new Channel(platform, false, false, NO_LIMIT, false, false, false);
    }

    /**
     * What the core assumes of a platform no connector declares (a task heard before its connector was
     * taken out): one message, no limit, mail's service levels.
     */
    public static Channel undeclared(Platform platform) {
        return new Channel(platform, true, false, NO_LIMIT, false, false, false);
    }

    /** The same channel, its replies starting with the @handle of the person answered. */
    public Channel repliesStartWithTheHandle() {
        return new Channel(platform, canReply, true, maxPostLength, threadsBlocks, social, mail);
    }

    public boolean readOnly() {
        return !canReply;
    }

    public boolean hasLimit() {
        return maxPostLength != NO_LIMIT;
    }
}
