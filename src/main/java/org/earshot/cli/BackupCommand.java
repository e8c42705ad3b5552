package org.earshot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.earshot.Wiring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "backup", description = {"Copies the H2 database into a zip while Earshot runs (H2's BACKUP TO)."
        + " For PostgreSQL use pg_dump. Restore: stop Earshot, unzip the file into the data folder, start."})
public final class BackupCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Parameters(index = "0", paramLabel = "FILE", description = "The zip to write (e.g. /var/backups/earshot-2026-12-03.zip).")
    Path file;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(file)) {
            throw new IllegalArgumentException(file + " exists already; choose a new name");
        }
        try (Wiring office = Wiring.office(config.load(), Clock.systemUTC())) {
            office.backupTo(file);
        }
        spec.commandLine().getOut().println("backed up to " + file + " (" + Files.size(file) + " bytes)"
                + ownerOnly(file));
        return 0;
    }

    /**
     * The zip holds password hashes, session hashes and every customer's messages: readable by its owner
     * only, whatever the umask of the cron job that made it (the running daemon may have written it).
     */
    private static String ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return ", readable by its owner only";
        } catch (UnsupportedOperationException e) {
            return "";
        } catch (java.io.IOException e) {
            return "; could not make it readable by its owner only (" + e.getMessage() + "): do it by hand";
        }
    }
}
