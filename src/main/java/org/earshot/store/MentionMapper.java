package org.earshot.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.earshot.domain.Author;
import org.earshot.domain.Mention;
import org.earshot.domain.Platform;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A {@link Mention} read from its row, the one place that knows its columns: {@link MentionStore} reads
 * and writes them from here, and {@link TaskStore}'s join selects them with a prefix from here.
 */
final class MentionMapper implements RowMapper<Mention> {
    /** The mention table's columns that make a {@link Mention}, in the order of its fields. */
    static final List<String> COLUMNS = List.of("id", "connector_id", "brand", "platform", "external_id",
            "author_handle", "author_name", "author_followers", "text", "subject", "created_at", "url",
            "reply_context", "received_at");

    /** Reads a row of the mention table itself. */
    static final MentionMapper MENTION = new MentionMapper("");

    private final String prefix;

    /** @param prefix what the mention's columns are prefixed with in the row ("" for the mention table) */
    MentionMapper(String prefix) {
        this.prefix = prefix;
    }

    /** The select list of a join that reads the mention with this mapper: "m.id as m_id, m.brand as m_brand, …". */
    String selectFrom(String tableAlias) {
        return COLUMNS.stream().map(c -> tableAlias + "." + c + " as " + prefix + c).collect(Collectors.joining(", "));
    }

    @Override
    public Mention map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Mention(
                rs.getLong(prefix + "id"),
                rs.getString(prefix + "connector_id"),
                rs.getString(prefix + "brand"),
                Platform.valueOf(rs.getString(prefix + "platform")),
                rs.getString(prefix + "external_id"),
                new Author(rs.getString(prefix + "author_handle"), rs.getString(prefix + "author_name"),
                        rs.getLong(prefix + "author_followers")),
                rs.getString(prefix + "text"),
                rs.getString(prefix + "subject"),
                Timestamps.read(rs, prefix + "created_at"),
                rs.getString(prefix + "url"),
                Json.readMap(rs.getString(prefix + "reply_context")),
                Timestamps.read(rs, prefix + "received_at"));
    }
}
