package org.earshot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.earshot.domain.Platform;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.TaskFilter;
import org.earshot.domain.UrgencyLevel;
import org.earshot.store.Database;
import org.earshot.store.TaskStore;
import org.earshot.web.VariedTasks.Spec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The queue's full-text search, the same on H2 (its FullText index) and PostgreSQL (tsvector and GIN):
 * each subclass opens one of them and every test here runs on it.
 */
abstract class TaskSearchContract {
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final TaskStore tasks = new TaskStore();
    private Database db;
    private VariedTasks varied;

    abstract Database open();

    @BeforeEach
    void start() {
        db = open();
        varied = new VariedTasks(db, now);
    }

    @AfterEach
    void stop() {
        db.close();
    }

    private long add(String author, String text) {
        return varied.add(new Spec("Acme", Platform.X, UrgencyLevel.NORMAL, "en", author, text));
    }

    private TaskFilter search(String q, int limit, int offset) {
        return new TaskFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null, q,
                TaskFilter.Snoozed.HIDE, TaskFilter.Order.PRIORITY, limit, offset);
    }

    private TaskStore.Page page(String q, int limit, int offset) {
        return db.inTransaction(h -> tasks.page(h, search(q, limit, offset), now));
    }

    private List<Long> found(String q) {
        return page(q, 100, 0).tasks().stream().map(ResponseTask::id).toList();
    }

    @Test
    void searchFindsTasksWithEveryWordInAnyOrder() {
        long bag = add("Dana Reyes", "You lost my bag at the gate");
        long refund = add("Lee Park", "still waiting for my refund, the bag came back");

        assertThat(found("gate bag")).containsExactly(bag);
        assertThat(found("bag")).containsExactlyInAnyOrder(bag, refund);
        assertThat(found("refund gate")).isEmpty();
        assertThat(found("reyes dana")).containsExactly(bag);
        assertThat(found("leepark")).containsExactly(refund);
    }

    @Test
    void searchFoldsCaseAndAccentsOnBothSides() {
        long cafe = add("Zoë Brontë", "Le CAFÉ était froid à Orléans");
        long plain = add("Joe", "the cafe in orleans was closed");

        assertThat(found("café")).containsExactlyInAnyOrder(cafe, plain);
        assertThat(found("ORLEANS Cafe")).containsExactlyInAnyOrder(cafe, plain);
        assertThat(found("etait")).containsExactly(cafe);
        assertThat(found("ZOE bronte")).containsExactly(cafe);
    }

    @Test
    void searchReadsHtmlAndQuotesAsWordsAndNothingElse() {
        long script = add("Mallory", "<script>alert('x')</script> where is my refund?");
        add("Ana", "refund please");

        assertThat(found("<script>")).containsExactly(script);
        assertThat(found("alert x refund")).containsExactly(script);
        assertThat(found("'); drop table mention; --")).isEmpty();
        assertThat(found("%")).isEmpty();
        assertThat(found("refund")).hasSize(2);
    }

    @Test
    void aSearchOverTenThousandTasksPagesWithTheTrueTotal() {
        List<Spec> day = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String text = i % 4 == 0 ? "my baggage went missing on flight " + i : "late again, flight " + i;
            day.add(new Spec("Acme", Platform.X, UrgencyLevel.NORMAL, "en", "P" + i, text, i / 100.0,
                    Duration.ofHours(3)));
        }
        varied.addAll(day);

        Set<Long> seen = new HashSet<>();
        double lastPriority = Double.MAX_VALUE;
        for (int offset = 0; offset < 2_500; offset += 1000) {
            TaskStore.Page p = page("Missing BAGGAGE", 1000, offset);
            assertThat(p.total()).isEqualTo(2_500);
            assertThat(p.tasks()).hasSize(Math.min(1000, 2_500 - offset));
            for (ResponseTask t : p.tasks()) {
                assertThat(t.mention().text()).contains("baggage");
                assertThat(t.score().priority()).isLessThanOrEqualTo(lastPriority);
                lastPriority = t.score().priority();
                assertThat(seen.add(t.id())).as("task %d on two pages", t.id()).isTrue();
            }
        }
        assertThat(seen).hasSize(2_500);
        assertThat(page("flight 9996", 10, 0).tasks()).extracting(t -> t.mention().text())
                .containsExactly("my baggage went missing on flight 9996");
        assertThat(page("baggage", 10, 2_500).tasks()).isEmpty();
    }
}
