package org.earshot.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A task's life as the state machine allows it. */
class TaskStateTest {

    @Test
    void aNewTaskIsDecidedOnceAndAnApprovedOneIsPostedOrFails() {
        assertThat(TaskState.NEW.allowedTargets())
                .containsExactlyInAnyOrder(TaskState.APPROVED, TaskState.REJECTED, TaskState.ANSWERED_BY_HAND);
        assertThat(TaskState.APPROVED.allowedTargets())
                .containsExactlyInAnyOrder(TaskState.NEW, TaskState.POSTED, TaskState.FAILED);
    }

    @Test
    void aFailedPostCanBeRetriedWhichApprovesItAgain() {
        assertThat(TaskState.FAILED.canMoveTo(TaskState.APPROVED)).isTrue();
        assertThat(TaskState.FAILED.canMoveTo(TaskState.POSTED)).isTrue();
        assertThat(TaskState.FAILED.canMoveTo(TaskState.NEW)).isFalse();
    }

    @Test
    void closedTasksGoNowhere() {
        for (TaskState closed : new TaskState[] {TaskState.REJECTED, TaskState.POSTED, TaskState.ANSWERED_BY_HAND}) {
            assertThat(closed.allowedTargets()).as(closed.name()).isEmpty();
        }
    }

    @Test
    void aDisallowedTransitionNamesTheTaskBothStatesAndWhereItCouldGo() {
        assertThat(new DisallowedTransitionException(7, TaskState.APPROVED, TaskState.REJECTED))
                .hasMessage("task 7 cannot move from APPROVED to REJECTED; from APPROVED it can move to [NEW, POSTED, FAILED]");
        assertThat(new DisallowedTransitionException(8, TaskState.POSTED, TaskState.APPROVED))
                .hasMessage("task 8 cannot move from POSTED to APPROVED; from POSTED it can move nowhere (it is closed)");
    }
}
