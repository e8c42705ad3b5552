package org.earshot.domain;

public enum Sentiment {
    NEGATIVE, NEUTRAL, POSITIVE;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
