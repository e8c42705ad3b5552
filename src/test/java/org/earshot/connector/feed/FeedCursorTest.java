package org.earshot.connector.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FeedCursorTest {

    @Test
    void aCursorReadsBackAsItWasWritten() {
        Map<String, FeedCursor.FeedState> states = new LinkedHashMap<>();
        states.put("https://news.example/rss", new FeedCursor.FeedState("\"abc\"", "Thu, 19 Nov 2026 09:30:00 GMT",
                List.of("id-2", "id-1")));
        states.put("https://alerts.example/acme", new FeedCursor.FeedState("", "", List.of()));

        String cursor = FeedCursor.encode(states);

        assertThat(cursor).isEqualTo("{\"https://news.example/rss\":{\"etag\":\"\\\"abc\\\"\",\"lastModified\":"
                + "\"Thu, 19 Nov 2026 09:30:00 GMT\",\"seen\":[\"id-2\",\"id-1\"]},\"https://alerts.example/acme\":{\"seen\":[]}}");
        assertThat(FeedCursor.decode(cursor, "connectors.news")).isEqualTo(states);
    }

    @Test
    void newIdsComeFirstAndOnlyTheNewestFiveHundredAreRemembered() {
        List<String> old = IntStream.range(0, 500).mapToObj(i -> "old-" + i).toList();

        FeedCursor.FeedState next = new FeedCursor.FeedState("", "", old).reading("\"e\"", "", List.of("new-1", "new-2"));

        assertThat(next.seen()).hasSize(500).startsWith("new-1", "new-2", "old-0").doesNotContain("old-498", "old-499");
        assertThat(next.etag()).isEqualTo("\"e\"");
    }

    @Test
    void aCursorThatIsNotOursIsTreatedAsNone() {
        assertThat(FeedCursor.decode("[1,2]", "connectors.news")).isEmpty();
        assertThat(FeedCursor.decode("not json", "connectors.news")).isEmpty();
        assertThat(FeedCursor.decode("", "connectors.news")).isEmpty();
    }
}
