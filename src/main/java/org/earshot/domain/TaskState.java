package org.earshot.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * A response task's life: NEW until a person decides; APPROVED waits in the outbox; POSTED once the
 * platform acknowledged it; FAILED keeps the error and is tried again, until the platform refuses it
 * for good or the outbox's attempts run out: then the reply is blocked until a person retries it,
 * which approves it again (FAILED → APPROVED). A task from a read-only source (a feed) cannot be
 * posted: approving it closes it as ANSWERED_BY_HAND, its text being what the person answered (or
 * will answer) by hand where the mention appeared. An approval undone within its undo window, before
 * the outbox took the reply, returns the task to NEW (APPROVED → NEW).
 */
public enum TaskState {
    NEW, APPROVED, REJECTED, POSTED, FAILED, ANSWERED_BY_HAND;

    /** The states this one may move to; none for a closed task. */
    public Set<TaskState> allowedTargets() {
        return switch (this) {
            case NEW -> EnumSet.of(APPROVED, REJECTED, ANSWERED_BY_HAND);
            case APPROVED -> EnumSet.of(NEW, POSTED, FAILED);
            case FAILED -> EnumSet.of(POSTED, FAILED, APPROVED);
            case REJECTED, POSTED, ANSWERED_BY_HAND -> EnumSet.noneOf(TaskState.class);
        };
    }

    public boolean canMoveTo(TaskState target) {
        return allowedTargets().contains(target);
    }

    public boolean isOpen() {
        return this == NEW;
    }
}
