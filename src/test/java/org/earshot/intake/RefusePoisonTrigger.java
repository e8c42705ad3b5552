package org.earshot.intake;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** An H2 trigger that refuses any mention whose text says POISON: a database that will not take one row. */
public final class RefusePoisonTrigger implements Trigger {
    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        for (Object value : newRow) {
            if (value instanceof String s && s.contains("POISON")) {
                throw new SQLException("refused by trigger: the row says POISON", "23000");
            }
        }
    }
}
