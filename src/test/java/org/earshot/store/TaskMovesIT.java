package org.earshot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.earshot.domain.DisallowedTransitionException;
import org.earshot.domain.Platform;
import org.earshot.domain.TaskState;
import org.earshot.domain.UrgencyLevel;
import org.earshot.testing.StoredTasks;
import org.earshot.testing.TestConfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every change of a task's state goes through {@link TaskStore#move}: checked against its life, then compare-and-set. */
class TaskMovesIT {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    Path dir;

    private Database db;
    private final TaskStore tasks = new TaskStore();
    private long id;

    @BeforeEach
    void open() {
        db = Database.open(TestConfigs.h2In(dir));
        id = new StoredTasks(db).task(Platform.MASTODON, UrgencyLevel.HIGH, NOW);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private TaskState state() {
        return db.inTransaction(h -> tasks.find(h, id)).orElseThrow().state();
    }

    @Test
    void aTransitionTheTaskLifeDoesNotAllowIsRefusedWithWhereTheTaskCouldGoAndChangesNothing() {
        assertThatThrownBy(() -> db.useTransaction(h -> tasks.move(h, id, TaskState.NEW, TaskState.POSTED, NOW)))
                .isInstanceOf(DisallowedTransitionException.class)
                .hasMessage("task " + id + " cannot move from NEW to POSTED; from NEW it can move to"
                        + " [APPROVED, REJECTED, ANSWERED_BY_HAND]");
        assertThat(state()).isEqualTo(TaskState.NEW);
    }

    @Test
    void aPostedTaskCannotBeApprovedAgain() {
        db.useTransaction(h -> {
            tasks.markApproved(h, id, "sam", "Sorry!", NOW);
            tasks.move(h, id, TaskState.APPROVED, TaskState.POSTED, NOW);
        });

        assertThatThrownBy(() -> db.useTransaction(h -> tasks.move(h, id, TaskState.POSTED, TaskState.APPROVED, NOW)))
                .isInstanceOf(DisallowedTransitionException.class)
                .hasMessageContaining("from POSTED it can move nowhere");
        assertThat(state()).isEqualTo(TaskState.POSTED);
    }

    @Test
    void aMoveFromAStateTheTaskIsNotInChangesNothing() {
        assertThatThrownBy(() -> db.useTransaction(h -> tasks.move(h, id, TaskState.APPROVED, TaskState.POSTED, NOW)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("task " + id + " is not APPROVED (any more), so it cannot move to POSTED");
        assertThat(state()).isEqualTo(TaskState.NEW);
    }

    @Test
    void aDecisionIsRecordedWithItsMove() {
        db.useTransaction(h -> tasks.markRejected(h, id, "sam", "spam", NOW));

        var task = db.inTransaction(h -> tasks.find(h, id)).orElseThrow();
        assertThat(task.state()).isEqualTo(TaskState.REJECTED);
        assertThat(task.decision().actor()).isEqualTo("sam");
        assertThat(task.decision().at()).isEqualTo(NOW);
        assertThat(task.decision().rejectReason()).isEqualTo("spam");
        assertThat(task.decision().approvedText()).isNull();
    }
}
