package org.earshot.connector.x;

import java.util.Optional;
import org.earshot.connector.ConnectorException;

/** X's search for the brand, one page per call: v2's recent search or v1.1's standard search. */
interface XSearch {

    /**
     * @param sinceId  only posts newer than this id (exclusive); empty for the newest posts
     * @param nextPage a page's {@link XPage#nextPage()}, to go on with older posts
     * @throws SinceIdTooOld when X no longer searches as far back as {@code sinceId}
     */
    XPage page(Optional<String> sinceId, Optional<String> nextPage) throws ConnectorException, SinceIdTooOld;

    /** X refused a {@code since_id} older than its search reaches (v2 recent search covers 7 days). */
    final class SinceIdTooOld extends Exception {
        SinceIdTooOld(String message) {
            super(message, null, false, false);
        }
    }
}
