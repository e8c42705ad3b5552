package org.earshot.domain;

import java.time.Instant;
import java.util.Set;

/**
 * Which tasks a list shows, in what order, and which page of them. Empty sets and null fields filter on
 * nothing. {@code text} is a search: every word of it must appear (in any case) in the mention's text,
 * subject, author's handle or name, or the draft. {@code assignee} is a person or team, or
 * {@link #UNASSIGNED} for tasks nobody has. {@code breachBefore} keeps the tasks still awaiting their
 * answer whose first response falls due before it (about to breach, or breached).
 */
public record TaskFilter(
        Set<TaskState> states,
        Set<String> brands,
        Set<Platform> platforms,
        Set<UrgencyLevel> levels,
        Set<String> languages,
        String assignee,
        Instant breachBefore,
        String text,
        Snoozed snoozed,
        Order order,
        int limit,
        int offset) {

    public static final String UNASSIGNED = "none";

    /** Whether snoozed tasks are shown: a snoozed task is hidden from lists until its time comes. */
    public enum Snoozed {
        HIDE, INCLUDE, ONLY
    }

    /**
     * PRIORITY highest first; DUE the least time left first (tasks without a deadline last); NEWEST and
     * OLDEST by when the task opened.
     */
    public enum Order {
        PRIORITY, DUE, NEWEST, OLDEST
    }

    public TaskFilter {
        states = Set.copyOf(states);
        brands = Set.copyOf(brands);
        platforms = Set.copyOf(platforms);
        levels = Set.copyOf(levels);
        languages = Set.copyOf(languages);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, but was " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, but was " + offset);
        }
    }

    /** Every task, highest priority first, snoozed ones hidden: the first {@code limit}. */
    public static TaskFilter all(int limit) {
        return new TaskFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null, null, Snoozed.HIDE,
                Order.PRIORITY, limit, 0);
    }

    /** The same filter, keeping only the tasks awaiting their answer whose first response falls due before the time. */
    public TaskFilter dueBefore(Instant time) {
        return new TaskFilter(states, brands, platforms, levels, languages, assignee, time, text, snoozed, order, limit,
                offset);
    }

    /** The same filter without its state filter: what counts per state are taken over. */
    public TaskFilter anyState() {
        return new TaskFilter(Set.of(), brands, platforms, levels, languages, assignee, breachBefore, text, snoozed,
                order, limit, offset);
    }
}
