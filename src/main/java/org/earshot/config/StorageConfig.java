package org.earshot.config;

/** Where the database is: an H2 file under the data folder by default, or any JDBC URL. */
public record StorageConfig(String jdbcUrl, String user, String password) {
}
