package org.earshot.connector.x;

import java.util.List;
import java.util.Optional;

/**
 * One page of search results, newest first.
 *
 * @param newestId  the newest post id on the page, as X reports it
 * @param nextPage  where the next, older page starts; empty when there is none
 * @param quotaLeft requests left in the rate-limit window, or -1 when unknown
 * @param unreadable the page's posts that could not be read, kept whole
 */
record XPage(List<XTweet> tweets, Optional<String> newestId, Optional<String> nextPage, long quotaLeft,
             List<org.earshot.connector.UnreadableItem> unreadable) {
    XPage {
        tweets = List.copyOf(tweets);
        unreadable = List.copyOf(unreadable);
    }

    XPage(List<XTweet> tweets, Optional<String> newestId, Optional<String> nextPage, long quotaLeft) {
        this(tweets, newestId, nextPage, quotaLeft, List.of());
    }
}
