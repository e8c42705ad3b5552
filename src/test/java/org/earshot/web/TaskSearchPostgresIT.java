package org.earshot.web;

import org.earshot.store.Database;
import org.earshot.testing.TestPostgres;

/** The full-text search on PostgreSQL: a tsvector of the mention's search column under a GIN index. */
class TaskSearchPostgresIT extends TaskSearchContract {
    @Override
    Database open() {
        return Database.open(TestPostgres.freshSchema());
    }
}
