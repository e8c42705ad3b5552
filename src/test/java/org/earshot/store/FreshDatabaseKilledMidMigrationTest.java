package org.earshot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.earshot.config.StorageConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first start killed (SIGKILL) while it migrates a new H2 file: the next start makes the schema whole
 * instead of failing on half of it, as it did before (the kill -9 drill found the daemon exiting with 1
 * on every start after such a kill).
 */
class FreshDatabaseKilledMidMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aStartKilledDuringTheFirstMigrationsLeavesAFileTheNextStartCanOpen() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("earshot").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        // Kills at several moments of the first start, from the JVM's start on; at least one lands mid-migration.
        for (long afterMillis : new long[] {700, 1_200, 1_800, 2_500, 3_500}) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), OpenDatabase.class.getName(), url)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("open.log").toFile()).start();
            Thread.sleep(afterMillis);
            p.destroyForcibly().waitFor();
            if (Files.exists(dir.resolve("earshot.mv.db"))) {
                break;
            }
        }
        try (Database db = Database.open(new StorageConfig(url, "", ""))) {
            int failed = db.inTransaction(h -> h.createQuery(
                    "select count(*) from \"flyway_schema_history\" where not \"success\"").mapTo(Integer.class).one());
            int tasks = db.inTransaction(h -> h.createQuery("select count(*) from response_task").mapTo(Integer.class).one());
            assertThat(failed).isZero();
            assertThat(tasks).isZero();
        }
        assertThat(dir.resolve("earshot-migrating.mv.db")).doesNotExist();
    }
}
