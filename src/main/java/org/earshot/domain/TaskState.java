package org.earshot.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * A response task's life: NEW until a person decides; APPROVED waits in the outbox; POSTED once the
 * platform acknowledged it; FAILED keeps the error and is tried again. A task from a read-only source
 * (a feed) cannot be posted: approving it closes it as ANSWERED_BY_HAND, its text being what the
 * person answered (or will answer) by hand where the mention appeared.
 */
public enum TaskState {
    NEW, APPROVED, REJECTED, POSTED, FAILED, ANSWERED_BY_HAND;

    private Set<TaskState> next() {
        return switch (this) {
            case NEW -> EnumSet.of(APPROVED, REJECTED, ANSWERED_BY_HAND);
            case APPROVED, FAILED -> EnumSet.of(POSTED, FAILED);
            case REJECTED, POSTED, ANSWERED_BY_HAND -> EnumSet.noneOf(TaskState.class);
        };
    }

    public boolean canMoveTo(TaskState target) {
        return next().contains(target);
    }

    public boolean isOpen() {
        return this == NEW;
    }
}
