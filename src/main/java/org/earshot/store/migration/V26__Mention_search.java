package org.earshot.store.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.earshot.store.SearchText;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The mention's search column and each database's own full-text index over it. The column holds
 * {@link SearchText#ofMention}: Java folds accents and punctuation, for the mentions stored before this
 * migration as for new ones, so that both engines index plain words. PostgreSQL keeps a generated
 * {@code tsvector} of it under a GIN index; H2 its native FullText index ({@code FT_CREATE_INDEX}), kept
 * up to date by the triggers H2 puts on the table. A Java migration because the two differ and the
 * existing rows need the same folding as new ones.
 */
public class V26__Mention_search extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        try (Statement s = c.createStatement()) {
            s.execute("alter table mention add column search_text varchar not null default ''");
        }
        fill(c);
        try (Statement s = c.createStatement()) {
            if (postgres) {
                s.execute("alter table mention add column search_vector tsvector"
                        + " generated always as (to_tsvector('simple', search_text)) stored");
                s.execute("create index mention_search on mention using gin (search_vector)");
            } else {
                s.execute("create alias if not exists FT_INIT for 'org.h2.fulltext.FullText.init'");
                s.execute("call FT_INIT()");
                s.execute("call FT_CREATE_INDEX('PUBLIC', 'MENTION', 'SEARCH_TEXT')");
            }
        }
    }

    private static void fill(Connection c) throws Exception {
        try (Statement read = c.createStatement();
             ResultSet rs = read.executeQuery("select id, text, subject, author_name, author_handle from mention");
             PreparedStatement write = c.prepareStatement("update mention set search_text = ? where id = ?")) {
            int batched = 0;
            while (rs.next()) {
                write.setString(1, SearchText.ofMention(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                write.setLong(2, rs.getLong(1));
                write.addBatch();
                if (++batched % 1000 == 0) {
                    write.executeBatch();
                }
            }
            write.executeBatch();
        }
    }
}
