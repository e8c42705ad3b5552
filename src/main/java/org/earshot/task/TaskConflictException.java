package org.earshot.task;

import org.earshot.domain.TaskState;

/**
 * The task is not in a state that allows the action (approving twice, approving a rejected task,
 * retrying a reply that is not blocked).
 */
public class TaskConflictException extends RuntimeException {
    public TaskConflictException(long id, TaskState state, String action) {
        super("task " + id + " is " + state + " and cannot be " + action);
    }

    public TaskConflictException(String message) {
        super(message);
    }
}
