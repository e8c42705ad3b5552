package org.earshot.connector.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.Map;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.ReplyBlock;
import org.earshot.domain.Author;
import org.earshot.domain.Mention;
import org.earshot.domain.Platform;
import org.junit.jupiter.api.Test;

class FeedReplyPublisherTest {

    @Test
    void feedsAreReadOnlyAndTheRefusalSaysWhereToAnswerByHand() {
        String url = "https://flyervoice.example/reviews/8812";
        Mention review = new Mention(3, "news", "acme", Platform.RSS, "tag:flyervoice.example,2026:review-8812",
                new Author("Renate K.", "Renate K.", 0), "Lost my bag", "", Instant.parse("2026-11-19T09:12:00Z"),
                url, Map.of("url", url), Instant.parse("2026-11-19T09:15:00Z"));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> new FeedReplyPublisher()
                .publish(new ReplyBlock(review, "Sorry, Renate.", review.externalId(), 0, 1, "task-3-block-0")));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessage("feeds are read-only: answer by hand at " + url);
    }
}
