package org.earshot.cli;

import java.time.Clock;
import org.earshot.Wiring;
import org.earshot.config.EarshotConfig;
import org.earshot.reply.ReplyDrafter;
import org.earshot.store.AuditLog;
import org.earshot.store.Database;
import org.earshot.store.MentionStore;
import org.earshot.store.OutboxStore;
import org.earshot.store.TaskStore;
import org.earshot.task.Approvals;
import org.earshot.task.TaskQueries;

/**
 * What the task commands need: the database and the task services, without connectors or a
 * scheduler. Works beside a running daemon because the H2 file is opened in AUTO_SERVER mode; the
 * daemon's outbox posts what is approved here.
 */
record Backoffice(Database database, TaskQueries queries, Approvals approvals) implements AutoCloseable {

    static Backoffice open(EarshotConfig config) {
        Database db = Database.open(config.storage());
        TaskStore tasks = new TaskStore();
        AuditLog audit = new AuditLog();
        return new Backoffice(db, new TaskQueries(db, tasks, audit), new Approvals(db, tasks, new MentionStore(),
                new OutboxStore(), audit, new ReplyDrafter(config.policy(), Wiring.CHANNELS), Clock.systemUTC()));
    }

    @Override
    public void close() {
        database.close();
    }
}
