package org.earshot.domain;

public enum UrgencyLevel {
    LOW, NORMAL, HIGH, CRITICAL;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
