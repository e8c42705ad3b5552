package org.earshot.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a config load does with a problem: the daemon's load stops at the first one (it throws), the
 * {@code check-config} load writes each down, goes on with a stand-in value, and lists them all at the end.
 */
final class ConfigProblems {
    private final boolean collect;
    private final List<ConfigException> found = new ArrayList<>();

    private ConfigProblems(boolean collect) {
        this.collect = collect;
    }

    static ConfigProblems stopAtFirst() {
        return new ConfigProblems(false);
    }

    static ConfigProblems collectAll() {
        return new ConfigProblems(true);
    }

    /** The value read, or, when collecting, the fallback after writing down why it could not be read. */
    <T> T attempt(Supplier<T> read, T fallback) {
        try {
            return read.get();
        } catch (ConfigException e) {
            report(e);
            return fallback;
        }
    }

    void attempt(Runnable check) {
        attempt(() -> {
            check.run();
            return null;
        }, null);
    }

    void report(ConfigException problem) {
        if (!collect) {
            throw problem;
        }
        found.add(problem);
    }

    List<ConfigException> found() {
        return List.copyOf(found);
    }
}
