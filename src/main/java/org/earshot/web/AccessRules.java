package org.earshot.web;

import java.util.List;
import org.earshot.domain.Role;

/**
 * The role each API path needs, in one table so that it can be read (and reviewed) at once. Reading
 * needs a viewer; every change names its role here, and a change not listed needs an admin, so a new
 * path is closed until someone decides who may use it.
 */
final class AccessRules {
    /** What a request needs: the role, and the words for the refusal ("approving a reply needs ..."). */
    record Need(Role role, String what) {
    }

    private record Rule(String method, List<String> pattern, Need need) {
        boolean matches(String m, List<String> parts) {
            if (!method.equals(m) || pattern.size() != parts.size()) {
                return false;
            }
            for (int i = 0; i < parts.size(); i++) {
                if (!pattern.get(i).equals("*") && !pattern.get(i).equals(parts.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final Need READ = new Need(Role.VIEWER, "reading");
    private static final Need UNLISTED = new Need(Role.ADMIN, "this change");

    private static final List<Rule> RULES = List.of(
            rule("POST", "tasks/*/check", Role.VIEWER, "checking a reply against the rules"),
            rule("POST", "tasks/*/correct", Role.RESPONDER, "relabelling a task"),
            rule("POST", "tasks/*/draft", Role.RESPONDER, "proposing a draft"),
            rule("POST", "tasks/*/follow-up-done", Role.RESPONDER, "closing a follow-up"),
            rule("POST", "tasks/*/approve", Role.APPROVER, "approving a reply"),
            rule("POST", "tasks/*/reject", Role.APPROVER, "rejecting a task"),
            rule("POST", "tasks/*/retry", Role.APPROVER, "retrying a blocked reply"),
            rule("POST", "tasks/*/undo", Role.APPROVER, "undoing an approval"),
            rule("POST", "tasks/*/assign", Role.RESPONDER, "assigning a task"),
            rule("POST", "tasks/*/snooze", Role.RESPONDER, "snoozing a task"),
            rule("POST", "tasks/*/notes", Role.RESPONDER, "writing a note on a task"),
            rule("POST", "tasks/*/presence", Role.VIEWER, "saying you are viewing or editing a task"),
            rule("POST", "tasks/bulk", Role.APPROVER, "acting on many tasks at once"),
            rule("POST", "quarantine/*/requeue", Role.APPROVER, "reading a quarantined item again"),
            // Each person manages their own tokens; the handler lets only an admin touch another's.
            rule("POST", "tokens", Role.VIEWER, "making an API token"),
            rule("POST", "tokens/*/revoke", Role.VIEWER, "revoking an API token"),
            rule("POST", "accounts", Role.ADMIN, "making an account"),
            rule("POST", "accounts/*/disable", Role.ADMIN, "disabling an account"),
            rule("POST", "accounts/*/role", Role.ADMIN, "changing an account's role"));

    private AccessRules() {
    }

    /** @param parts the path after {@code /api/}, split at slashes */
    static Need need(String method, List<String> parts) {
        if (method.equals("GET") || method.equals("HEAD")) {
            return READ;
        }
        return RULES.stream().filter(r -> r.matches(method, parts)).map(Rule::need).findFirst().orElse(UNLISTED);
    }

    private static Rule rule(String method, String pattern, Role role, String what) {
        return new Rule(method, List.of(pattern.split("/")), new Need(role, what));
    }
}
