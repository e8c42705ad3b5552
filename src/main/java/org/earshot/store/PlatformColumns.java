package org.earshot.store;

import java.sql.Types;
import org.earshot.domain.Platform;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/** Platforms as the database keeps them: their id in capitals ("MASTODON"), as when they were an enum. */
final class PlatformColumns {
    private PlatformColumns() {
    }

    static void register(Jdbi jdbi) {
        jdbi.registerArgument(new AbstractArgumentFactory<Platform>(Types.VARCHAR) {
            @Override
            protected Argument build(Platform value, ConfigRegistry config) {
                return (position, statement, context) -> statement.setString(position, value.name());
            }
        });
        jdbi.registerColumnMapper(Platform.class, (rs, column, context) -> {
            String name = rs.getString(column);
            return name == null ? null : Platform.valueOf(name);
        });
    }
}
