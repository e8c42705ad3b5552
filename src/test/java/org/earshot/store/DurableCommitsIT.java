package org.earshot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.earshot.config.StorageConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A commit on an H2 file reaches the file before it returns; the kill -9 drill proves what that buys. */
class DurableCommitsIT {
    @TempDir
    Path dir;

    @Test
    void anH2FileDatabaseWritesEachCommitWithoutDelay() {
        String url = "jdbc:h2:file:" + dir.resolve("earshot") + ";AUTO_SERVER=TRUE";
        try (Database db = Database.open(new StorageConfig(url, "sa", ""))) {
            java.util.List<String> delay = db.inTransaction(h -> h.createQuery(
                    "SELECT setting_value FROM information_schema.settings WHERE setting_name = 'WRITE_DELAY'")
                    .mapTo(String.class).list());
            assertThat(delay).isNotEmpty().containsOnly("0");
        }
    }

    @Test
    void aWriteDelayTheOperatorSetIsKeptAndOtherDatabasesAreLeftAlone() {
        assertThat(Database.durableCommits("jdbc:h2:file:/x/earshot;write_delay=500"))
                .isEqualTo("jdbc:h2:file:/x/earshot;write_delay=500");
        assertThat(Database.durableCommits("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
        assertThat(Database.durableCommits("jdbc:postgresql://db/earshot")).isEqualTo("jdbc:postgresql://db/earshot");
        assertThat(Database.durableCommits("jdbc:h2:/x/earshot")).isEqualTo("jdbc:h2:/x/earshot;WRITE_DELAY=0");
    }
}
