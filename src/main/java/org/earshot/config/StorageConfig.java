package org.earshot.config;

import java.time.Duration;

/**
 * Where the database is: an H2 file under the data folder by default, or any JDBC URL.
 *
 * @param retention how long a mention that never became a task is kept before the daily pruning removes
 *                  it (with its author's row when nothing else refers to it); null keeps everything
 */
public record StorageConfig(String jdbcUrl, String user, String password, Duration retention) {

    /** Storage that keeps every mention. */
    public StorageConfig(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, null);
    }

    public StorageConfig withRetention(Duration keep) {
        return new StorageConfig(jdbcUrl, user, password, keep);
    }
}
