package org.earshot.domain;

/** What the person wants from the brand; decides the template and whether a reply is drafted. */
public enum Intent {
    COMPLAINT, QUESTION, PRAISE, PURCHASE_INTENT, FEATURE_REQUEST, SPAM, CRISIS, OTHER;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
