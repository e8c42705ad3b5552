package org.earshot.connector.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlueskyCursorTest {

    @Test
    void aCursorReadsBackAsItWasWritten() {
        Map<String, BlueskyCursor.Mark> marks = new LinkedHashMap<>();
        marks.put("acme air", new BlueskyCursor.Mark(Instant.parse("2026-11-19T09:02:26.755Z"), Set.of("at://b", "at://a")));

        String cursor = BlueskyCursor.encode(marks);

        assertThat(cursor).isEqualTo("{\"acme air\":{\"since\":\"2026-11-19T09:02:26.755Z\",\"uris\":[\"at://a\",\"at://b\"]}}");
        assertThat(BlueskyCursor.decode(cursor, "connectors.bluesky")).isEqualTo(marks);
    }

    @Test
    void aPostIsAlreadyReadWhenOlderThanTheMarkOrAtItsInstantAndListed() {
        BlueskyCursor.Mark mark = new BlueskyCursor.Mark(Instant.parse("2026-11-19T09:00:00Z"), Set.of("at://seen"));

        assertThat(mark.alreadyRead(Instant.parse("2026-11-19T08:59:59Z"), "at://other")).isTrue();
        assertThat(mark.alreadyRead(Instant.parse("2026-11-19T09:00:00Z"), "at://seen")).isTrue();
        assertThat(mark.alreadyRead(Instant.parse("2026-11-19T09:00:00Z"), "at://other")).isFalse();
        assertThat(mark.alreadyRead(Instant.parse("2026-11-19T09:00:01Z"), "at://seen")).isFalse();
    }

    @Test
    void aCursorThatIsNotOursStartsOver() {
        assertThat(BlueskyCursor.decode("4820187", "connectors.bluesky")).isEmpty();
        assertThat(BlueskyCursor.decode("{\"acme air\":{\"since\":\"yesterday\"}}", "connectors.bluesky")).isEmpty();
        assertThat(BlueskyCursor.decode(null, "connectors.bluesky")).isEmpty();
    }
}
