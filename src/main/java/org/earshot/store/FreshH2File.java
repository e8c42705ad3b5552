package org.earshot.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;

/**
 * A new H2 file is migrated under a name of its own and moved into place only once its schema is
 * whole. H2 commits each DDL statement as it runs, so a process killed during the first start's
 * migrations left a file with half a schema, and every start after it failed on "table already exists"
 * (the kill -9 drill found it: a kill in the first seconds of a fresh start). A file left half migrated
 * under the other name by such a kill is thrown away and made again.
 */
record FreshH2File(String jdbcUrl, Path file, Path migrating) {
    private static final String SUFFIX = ".mv.db";

    /** The H2 file this URL names, if it is a file URL with an absolute path whose file does not exist yet. */
    static Optional<FreshH2File> of(String jdbcUrl) {
        String rest;
        if (jdbcUrl.startsWith("jdbc:h2:file:")) {
            rest = jdbcUrl.substring("jdbc:h2:file:".length());
        } else if (jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.matches("(?i)jdbc:h2:(mem|tcp|ssl|zip|nio\\w*|split|async|memFS|memLZF):.*")) {
            rest = jdbcUrl.substring("jdbc:h2:".length());
        } else {
            return Optional.empty();
        }
        int options = rest.indexOf(';');
        String name = options < 0 ? rest : rest.substring(0, options);
        if (name.isBlank() || !Path.of(name).isAbsolute()) {
            return Optional.empty();
        }
        Path file = Path.of(name + SUFFIX);
        if (Files.exists(file)) {
            return Optional.empty();
        }
        String migratingName = name + "-migrating";
        String url = "jdbc:h2:file:" + migratingName + (options < 0 ? "" : rest.substring(options));
        return Optional.of(new FreshH2File(url.toUpperCase(Locale.ROOT).contains(";AUTO_SERVER=TRUE")
                ? url.replaceAll("(?i);AUTO_SERVER=TRUE", "") : url, file, Path.of(migratingName + SUFFIX)));
    }

    /** Throws away what a start killed before it finished left under the other name. */
    void discardLeftovers() {
        try {
            Files.deleteIfExists(migrating);
            Files.deleteIfExists(Path.of(migrating.toString().replace(SUFFIX, ".trace.db")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts the migrated file in place, in one rename. */
    void moveIntoPlace() {
        try {
            Files.move(migrating, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
