package org.earshot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.earshot.domain.Platform;
import org.earshot.domain.TaskFilter;
import org.earshot.domain.TaskState;
import org.earshot.domain.UrgencyLevel;
import org.earshot.store.Database;
import org.earshot.store.TaskStore;
import org.earshot.store.TeamStore;
import org.earshot.testing.TestPostgres;
import org.earshot.web.VariedTasks.Spec;
import org.junit.jupiter.api.Test;

/** The list's SQL (filters, search with wildcards, order, paging, counts) and the team tables on PostgreSQL. */
class TaskListPostgresIT {
    @Test
    void everyFilterTheSearchAndTheCountsRunOnPostgresAsOnH2() {
        try (Database db = Database.open(TestPostgres.freshSchema())) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            VariedTasks varied = new VariedTasks(db, now);
            long bag = varied.add(new Spec("Acme", Platform.X, UrgencyLevel.HIGH, "de", "Dana", "Lost my BAG 100%",
                    60, Duration.ofMinutes(10)));
            varied.add(new Spec("Acme", Platform.MASTODON, UrgencyLevel.LOW, "en", "Lee", "nice", 10, Duration.ofHours(4)));
            TaskStore tasks = new TaskStore();
            TeamStore team = new TeamStore();
            db.useTransaction(h -> team.assign(h, bag, "team:care"));

            TaskFilter filter = new TaskFilter(Set.of(TaskState.NEW), Set.of("Acme"), Set.of(Platform.X),
                    Set.of(UrgencyLevel.HIGH), Set.of("de"), "TEAM:care", now.plus(Duration.ofMinutes(30)), "100% BAG",
                    TaskFilter.Snoozed.HIDE, TaskFilter.Order.DUE, 10, 0);
            TaskStore.Page page = db.inTransaction(h -> tasks.page(h, filter, now));

            assertThat(page.tasks()).extracting(t -> t.id()).containsExactly(bag);
            assertThat(page.total()).isEqualTo(1);
            assertThat(page.byState().get(TaskState.NEW)).isEqualTo(1);
            assertThat(page.byLevel().get(UrgencyLevel.HIGH)).isEqualTo(1);
            long all = db.inTransaction(h -> tasks.count(h, TaskFilter.all(10), now));
            assertThat(all).isEqualTo(2);

            db.useTransaction(h -> team.beat(h, bag, "bea", "editing", now));
            db.useTransaction(h -> team.beat(h, bag, "bea", "viewing", now));
            List<TeamStore.Presence> present = db.inTransaction(h -> team.present(h, bag, now.minusSeconds(5)));
            assertThat(present).extracting(TeamStore.Presence::activity).containsExactly("viewing");
        }
    }
}
