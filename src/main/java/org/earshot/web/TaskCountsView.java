package org.earshot.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.earshot.store.TaskStore;

/**
 * How many tasks a list's filter matches, counted by the server over every page: {@code states} per state
 * (the filter's other conditions kept, so a list of new tasks still says how many were posted),
 * {@code levels} per urgency level, and {@code serviceLevel}: how many awaiting their answer are about to
 * breach (or breached) and how many breached.
 */
record TaskCountsView(Map<String, Long> states, Map<String, Long> levels, ServiceLevelCounts serviceLevel) {

    record ServiceLevelCounts(long aboutToBreach, long breached) {
    }

    static TaskCountsView of(TaskStore.Page page) {
        Map<String, Long> states = new LinkedHashMap<>();
        page.byState().forEach((s, n) -> states.put(s.name(), n));
        Map<String, Long> levels = new LinkedHashMap<>();
        page.byLevel().forEach((l, n) -> levels.put(l.id(), n));
        return new TaskCountsView(states, levels, new ServiceLevelCounts(page.dueSoonOrOverdue() - page.overdue(), page.overdue()));
    }
}
