package org.earshot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.earshot.config.StorageConfig;
import org.earshot.domain.ResponseTask;
import org.earshot.testing.TestConfigs;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An incident opened before V14, with its made-up mention, on a real H2 file migrated to today's schema. */
class IncidentMigrationIT {
    @TempDir
    Path dir;

    @Test
    void anOldIncidentBecomesAnIncidentOfItsOwnAndItsMadeUpMentionGoes() throws Exception {
        StorageConfig storage = TestConfigs.h2In(dir);
        Flyway.configure().dataSource(storage.jdbcUrl(), storage.user(), storage.password())
                .locations("classpath:db/migration").target("11").load().migrate();
        try (Connection c = DriverManager.getConnection(storage.jdbcUrl(), storage.user(), storage.password());
             Statement s = c.createStatement()) {
            s.execute("insert into mention (id, connector_id, brand, platform, external_id, author_handle, author_name,"
                    + " author_followers, text, subject, created_at, url, reply_context, received_at) values (7,"
                    + " 'mastodon', 'acme', 'MASTODON', 'earshot-spike:acme:2026-11-23T11:00:00Z', 'earshot', 'Earshot',"
                    + " 0, '12 negative mentions of acme in the last 1h', 'Incident: acme', timestamp '2026-11-23 12:00:00',"
                    + " '', '{}', timestamp '2026-11-23 12:00:00')");
            s.execute("insert into response_task (id, mention_id, state, negativity, sentiment, urgency, urgency_level,"
                    + " priority, reasons, intent, draft_text, draft_blocks, draft_warnings, follow_up, created_at,"
                    + " due_at, updated_at) values (3, 7, 'NEW', 1.0, 'NEGATIVE', 1.0, 'CRITICAL', 1.0, '[]', 'CRISIS',"
                    + " 'We know.', '[\"We know.\"]', '[]', true, timestamp '2026-11-23 12:00:00',"
                    + " timestamp '2026-11-23 12:00:00', timestamp '2026-11-23 12:00:00')");
        }

        try (Database db = Database.open(storage)) {
            ResponseTask task = db.inTransaction(h -> new TaskStore().find(h, 3)).orElseThrow();
            long mentions = db.inTransaction(h -> h.createQuery("select count(*) from mention").mapTo(Long.class).one());

            assertThat(task.isIncident()).isTrue();
            assertThat(task.mention()).isNull();
            assertThat(task.incident().brand()).isEqualTo("acme");
            assertThat(task.incident().channels()).containsExactly("mastodon");
            assertThat(task.incident().summary()).isEqualTo("12 negative mentions of acme in the last 1h");
            assertThat(mentions).isZero();
        }
    }
}
