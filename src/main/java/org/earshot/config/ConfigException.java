package org.earshot.config;

import java.nio.file.Path;

/** A configuration that cannot be used: which file, which key, and what was wrong with it. */
public class ConfigException extends RuntimeException {
    private final Path file;
    private final String key;
    private final String reason;

    public ConfigException(Path file, String key, String reason) {
        super(file + ": " + (key.isEmpty() ? "" : key + " ") + reason);
        this.file = file;
        this.key = key;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public String key() {
        return key;
    }

    public String reason() {
        return reason;
    }
}
