package org.earshot.store;

import java.util.List;
import java.util.stream.Collectors;

/** An insert whose named parameters are its columns, so that a column is written in one place. */
final class InsertStatement {
    private InsertStatement() {
    }

    /** "insert into t (a, b) values (:a, :b)". */
    static String into(String table, List<String> columns) {
        return "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + columns.stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ")";
    }

    static String into(String table, String... columns) {
        return into(table, List.of(columns));
    }
}
