package org.earshot.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * A response task's life: NEW until a person decides; APPROVED waits in the outbox; POSTED once the
 * platform acknowledged it; FAILED keeps the error and is tried again.
 */
public enum TaskState {
    NEW, APPROVED, REJECTED, POSTED, FAILED;

    private Set<TaskState> next() {
        return switch (this) {
            case NEW -> EnumSet.of(APPROVED, REJECTED);
            case APPROVED, FAILED -> EnumSet.of(POSTED, FAILED);
            case REJECTED, POSTED -> EnumSet.noneOf(TaskState.class);
        };
    }

    public boolean canMoveTo(TaskState target) {
        return next().contains(target);
    }

    public boolean isOpen() {
        return this == NEW;
    }
}
