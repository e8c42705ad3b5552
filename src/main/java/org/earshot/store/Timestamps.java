package org.earshot.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * Instants as "timestamp with time zone", written and read as UTC offsets: Jdbi's own mapping goes
 * through {@link java.sql.Timestamp} and the JVM's time zone, which H2 and PostgreSQL read differently.
 */
final class Timestamps {
    private Timestamps() {
    }

    static void register(Jdbi jdbi) {
        jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.TIMESTAMP_WITH_TIMEZONE) {
            @Override
            protected Argument build(Instant value, ConfigRegistry config) {
                return (position, statement, context) -> statement.setObject(position, of(value));
            }
        });
        jdbi.registerColumnMapper(Instant.class, (rs, column, context) -> {
            OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
            return t == null ? null : t.toInstant();
        });
    }

    /**
     * The instant as the columns keep it: to the microsecond, cut rather than rounded. The databases keep
     * microseconds and would round a nanosecond instant, sometimes up: a row due "now" would then not be
     * due at that same now ({@code next_attempt_at <= :now}), and a clock read twice in one microsecond
     * would seem to go back.
     */
    static OffsetDateTime of(Instant instant) {
        return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    static Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
