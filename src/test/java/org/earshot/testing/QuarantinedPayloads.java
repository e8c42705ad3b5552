package org.earshot.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Changes what quarantine keeps for an item, straight in the test's database: it stands in for an
 * upgrade that reads a payload this version cannot, so that requeue can be seen to store it.
 */
public final class QuarantinedPayloads {
    private QuarantinedPayloads() {
    }

    public static void replace(Path dir, long itemId, String payload) throws SQLException {
        var storage = TestConfigs.h2In(dir);
        try (Connection c = DriverManager.getConnection(storage.jdbcUrl(), storage.user(), storage.password());
             PreparedStatement update = c.prepareStatement("update quarantined_item set payload = ? where id = ?")) {
            update.setBytes(1, payload.getBytes(StandardCharsets.UTF_8));
            update.setLong(2, itemId);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no quarantined item " + itemId);
            }
        }
    }
}
