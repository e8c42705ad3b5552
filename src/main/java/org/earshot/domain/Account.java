package org.earshot.domain;

import java.time.Instant;

/** A person who signs in to Earshot: their name (what the audit log records), role and whether they still may. */
public record Account(long id, String name, Role role, Instant createdAt, Instant disabledAt) {
    public boolean enabled() {
        return disabledAt == null;
    }
}
