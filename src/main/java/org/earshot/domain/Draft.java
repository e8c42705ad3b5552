package org.earshot.domain;

import java.util.List;

/**
 * A drafted reply. {@code blocks} are what gets posted, in order, threaded (one block for mail);
 * {@code warnings} are the reply rules it breaks and the notices for the person approving; {@code followUp} means the reply promises to come
 * back, so the task must be followed up.
 */
public record Draft(Intent intent, String text, List<String> blocks, List<Warning> warnings, boolean followUp) {
    public Draft {
        blocks = List.copyOf(blocks);
        warnings = List.copyOf(warnings);
    }

    /** The warnings as the one-line strings ("hard: ...") the JSON's compatibility fields carry. */
    public List<String> warningLines() {
        return warnings.stream().map(Warning::line).toList();
    }

    public List<Warning> hardWarnings() {
        return warnings.stream().filter(Warning::isHard).toList();
    }
}
