package org.earshot.domain;

import java.util.Locale;

/** Why an alert was raised; the id is what routes list under {@code kinds:}. */
public enum AlertKind {
    NEW_MENTION, SPIKE, SLA_WARNING, SLA_BREACH, CONNECTOR_UNHEALTHY, FOLLOW_UP_DUE, DIGEST;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
