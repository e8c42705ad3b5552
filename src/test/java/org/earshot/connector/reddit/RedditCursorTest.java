package org.earshot.connector.reddit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.earshot.connector.reddit.RedditCursor.Mark;
import org.junit.jupiter.api.Test;

class RedditCursorTest {

    @Test
    void thingsOfOneKindCompareByTheirBase36Ids() {
        Mark cursor = new Mark("t3_1pq2a1k", 1795074482);

        assertThat(new Mark("t3_1pq2a1k", 1795074482).isAtOrOlderThan(cursor)).isTrue();
        assertThat(new Mark("t3_1pq27xd", 1795072353).isAtOrOlderThan(cursor)).isTrue();
        assertThat(new Mark("t3_1pq2c7w", 1795075551).isAtOrOlderThan(cursor)).isFalse();
        assertThat(new Mark("t3_1pq2a1l", 1795074482).isAtOrOlderThan(cursor)).isFalse();
    }

    @Test
    void thingsOfOtherKindsCompareByCreationTime() {
        Mark cursor = new Mark("t3_1pq2a1k", 1795074482);

        assertThat(new Mark("t1_zzzzzzz", 1795074000).isAtOrOlderThan(cursor)).isTrue();
        assertThat(new Mark("t1_0000001", 1795075000).isAtOrOlderThan(cursor)).isFalse();
    }

    @Test
    void encodesAndDecodesEachSearchsMark() {
        Map<String, Mark> marks = new LinkedHashMap<>();
        marks.put(RedditCursor.POSTS, new Mark("t3_1pq2f9z", 1795077297));
        marks.put(RedditCursor.COMMENTS, new Mark("t1_m8k2q7d", 1795077192));

        String cursor = RedditCursor.encode(marks);

        assertThat(cursor).isEqualTo("{\"posts\":{\"name\":\"t3_1pq2f9z\",\"created\":1795077297},"
                + "\"comments\":{\"name\":\"t1_m8k2q7d\",\"created\":1795077192}}");
        assertThat(RedditCursor.decode(cursor, "connectors.reddit")).isEqualTo(marks);
    }

    @Test
    void aCursorOfAnotherShapeStartsOver() {
        assertThat(RedditCursor.decode("[1,2]", "connectors.reddit")).isEmpty();
        assertThat(RedditCursor.decode("", "connectors.reddit")).isEmpty();
        assertThat(RedditCursor.decode(null, "connectors.reddit")).isEmpty();
    }
}
