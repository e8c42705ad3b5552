package org.earshot.task;

import java.util.List;

/** The reply breaks a hard rule (a promise the policy does not allow) and no override was given. */
public class ReplyRulesViolatedException extends RuntimeException {
    private final List<String> violations;

    public ReplyRulesViolatedException(long id, List<String> violations) {
        super("task " + id + ": the reply breaks " + String.join("; ", violations)
                + ". Edit it, or approve with an override (which is written to the audit log).");
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
