package org.earshot.config;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys the readers of one config file asked for, present or not, by the key they sit under. A key
 * in the file that no reader asked for is a typo or a setting Earshot does not have, and stops the start.
 */
final class AskedKeys {
    private final Map<String, Set<String>> childrenByParent = new ConcurrentHashMap<>();
    private final Set<String> checkedByTheirReader = ConcurrentHashMap.newKeySet();

    void asked(String parent, String child) {
        childrenByParent.computeIfAbsent(parent, p -> ConcurrentHashMap.newKeySet()).add(child);
    }

    Set<String> under(String parent) {
        return childrenByParent.getOrDefault(parent, Set.of());
    }

    /** The keys under {@code key} belong to a reader that runs later and checks them itself. */
    void leaveToTheirReader(String key) {
        checkedByTheirReader.add(key);
    }

    boolean leftToTheirReader(String key) {
        return checkedByTheirReader.contains(key);
    }
}
