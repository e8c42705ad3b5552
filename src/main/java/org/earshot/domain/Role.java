package org.earshot.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a person may do in Earshot; each role may do everything the roles before it may.
 * A viewer reads; a responder also edits labels and drafts; an approver also decides (approve, reject,
 * retry); an admin also manages accounts and may approve past a hard reply rule.
 */
public enum Role {
    VIEWER("reads the queue, tasks and their audit log"),
    RESPONDER("also relabels tasks and proposes drafts; cannot approve"),
    APPROVER("also approves, rejects and retries replies"),
    ADMIN("also manages accounts and may approve past a hard reply rule");

    private final String can;

    Role(String can) {
        this.can = can;
    }

    /** Whether this role may do what {@code needed} may. */
    public boolean includes(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** What a person with this role may do, for help texts and refusals. */
    public String can() {
        return can;
    }

    /** The role's name as people type it: {@code viewer}, {@code responder}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code raw} (any case), or an error that lists the roles. */
    public static Role parse(String raw) {
        for (Role role : values()) {
            if (raw != null && role.id().equals(raw.strip().toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        throw new IllegalArgumentException("role must be one of " + ids() + ", but was '" + raw + "'");
    }

    public static String ids() {
        return Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", "));
    }
}
