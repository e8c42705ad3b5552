package org.earshot.domain;

import java.util.Set;

/** A task was asked to move between two states its life does not connect (see {@link TaskState}). */
public class DisallowedTransitionException extends IllegalStateException {
    public DisallowedTransitionException(long taskId, TaskState from, TaskState to) {
        super("task " + taskId + " cannot move from " + from + " to " + to + "; from " + from + " it can move "
                + targets(from.allowedTargets()));
    }

    private static String targets(Set<TaskState> allowed) {
        return allowed.isEmpty() ? "nowhere (it is closed)" : "to " + allowed;
    }
}
