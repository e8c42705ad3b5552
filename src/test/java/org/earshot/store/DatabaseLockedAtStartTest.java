package org.earshot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.earshot.config.StorageConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The H2 file held by another process when Earshot starts: it waits, says why, and carries on once it is free. */
class DatabaseLockedAtStartTest {
    @TempDir
    Path dir;

    @Test
    void anH2FileHeldByAnotherProcessIsWaitedForAndOpenedOnceReleased() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("earshot").toAbsolutePath();
        Process holder = hold(url);
        try {
            CompletableFuture<Database> opening = CompletableFuture.supplyAsync(
                    () -> Database.open(new StorageConfig(url + ";AUTO_SERVER=TRUE", "", ""), Duration.ofMinutes(2), Duration.ofMillis(200)));
            Thread.sleep(1_500);
            assertThat(opening).as("still waiting while the other process holds the file").isNotDone();
            holder.destroyForcibly().waitFor();
            try (Database db = opening.get(1, TimeUnit.MINUTES)) {
                int tasks = db.inTransaction(h -> h.createQuery("select count(*) from response_task").mapTo(Integer.class).one());
                assertThat(tasks).as("migrated and open").isZero();
            }
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    @Test
    void aFileStillHeldAfterTheWaitStopsTheStartWithAMessageNotAStackOfCauses() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("earshot").toAbsolutePath();
        Process holder = hold(url);
        try {
            assertThatThrownBy(() -> Database.open(new StorageConfig(url, "", ""), Duration.ofMillis(600),
                    Duration.ofMillis(200)))
                    .isInstanceOf(StoreException.class)
                    .hasNoCause()
                    .hasMessageContaining("is in use by another process")
                    .hasMessageContaining("giving up");
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    private static Process hold(String url) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HoldH2File.class.getName(), url)
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("held");
        return p;
    }
}
