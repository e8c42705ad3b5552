package org.earshot.web;

import java.nio.file.Path;
import org.earshot.config.StorageConfig;
import org.earshot.store.Database;
import org.junit.jupiter.api.io.TempDir;

/** The full-text search on H2, the embedded default: its FullText index over the mention's search column. */
class TaskSearchH2IT extends TaskSearchContract {
    @TempDir
    Path dir;

    @Override
    Database open() {
        return Database.open(new StorageConfig("jdbc:h2:file:" + dir.resolve("search") + ";AUTO_SERVER=FALSE", "", ""));
    }
}
