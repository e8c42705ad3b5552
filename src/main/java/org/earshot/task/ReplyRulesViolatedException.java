package org.earshot.task;

import java.util.List;
import org.earshot.domain.Warning;

/** The reply breaks a hard rule (a promise the policy does not allow) and no override was given. */
public class ReplyRulesViolatedException extends RuntimeException {
    private final List<Warning> violations;

    public ReplyRulesViolatedException(long id, List<Warning> violations) {
        super("task " + id + ": the reply breaks " + String.join("; ", violations.stream().map(Warning::line).toList())
                + ". Edit it, or approve with an override (which is written to the audit log).");
        this.violations = List.copyOf(violations);
    }

    public List<Warning> violations() {
        return violations;
    }
}
