package org.earshot.domain;

import java.util.List;

/**
 * A drafted reply. {@code blocks} are what gets posted, in order, threaded (one block for mail);
 * {@code warnings} are the reply rules it breaks; {@code followUp} means the reply promises to come
 * back, so the task must be followed up.
 */
public record Draft(Intent intent, String text, List<String> blocks, List<String> warnings, boolean followUp) {
    public Draft {
        blocks = List.copyOf(blocks);
        warnings = List.copyOf(warnings);
    }
}
