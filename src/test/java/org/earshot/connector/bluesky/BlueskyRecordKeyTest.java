package org.earshot.connector.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BlueskyRecordKeyTest {
    private static final Instant RECEIVED = Instant.parse("2026-11-19T09:03:00Z");

    @Test
    void aRecordKeyIsAValidTid() {
        assertThat(BlueskyRecordKey.of("task-11-block-0", RECEIVED)).matches("[234567abcdefghij][234567a-z]{12}");
    }

    @Test
    void theSameBlockAlwaysGetsTheSameKey() {
        assertThat(BlueskyRecordKey.of("task-11-block-0", RECEIVED))
                .isEqualTo(BlueskyRecordKey.of("task-11-block-0", RECEIVED));
    }

    @Test
    void differentBlocksGetDifferentKeys() {
        assertThat(BlueskyRecordKey.of("task-11-block-0", RECEIVED))
                .isNotEqualTo(BlueskyRecordKey.of("task-11-block-1", RECEIVED));
    }

    @Test
    void theKeyTellsAboutWhenTheMentionArrived() {
        // TIDs sort by time: a key anchored a day later sorts after, whatever the idempotency key.
        String today = BlueskyRecordKey.of("task-11-block-0", RECEIVED);
        String tomorrow = BlueskyRecordKey.of("task-1-block-0", RECEIVED.plusSeconds(86_400));

        assertThat(tomorrow).isGreaterThan(today);
        assertThat(today).startsWith("3n2n");
    }
}
