package org.earshot.connector.x;

import java.util.Arrays;
import java.util.Optional;

/** Which of X's APIs a connector speaks: v2 (what X sells today) or v1.1 (older apps that kept it). */
public enum XApiVersion {
    V2("v2"),
    V1_1("v1.1");

    private final String id;

    XApiVersion(String id) {
        this.id = id;
    }

    /** How the config names it: {@code api: v2} or {@code api: v1.1}. */
    public String id() {
        return id;
    }

    static Optional<XApiVersion> fromId(String id) {
        return Arrays.stream(values()).filter(v -> v.id.equalsIgnoreCase(id.strip())).findFirst();
    }
}
