package org.earshot.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.earshot.domain.Platform;
import org.earshot.domain.TaskFilter;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * A {@link TaskFilter} as SQL that H2 and PostgreSQL both run: its conditions, its order, its page, and
 * the counts over the same conditions. The search is each database's own full-text index over the
 * mention's folded words ({@link SearchText}): every word must be one of the words of the mention's text,
 * subject, author's name or handle, in any order (see README, "The queue").
 */
final class TaskListQuery {
    /** Left join, as the page's rows: an incident's task has no mention and still counts in a list without filters. */
    private static final String FROM = " from response_task t left join mention m on m.id = t.mention_id";
    /** Without the mention: what the counts and the page's ids read when no condition looks at the mention. */
    private static final String FROM_TASKS = " from response_task t";
    private static final java.util.regex.Pattern MENTION_COLUMN = java.util.regex.Pattern.compile("(^|[^a-z_.])m\\.");
    private static final String AWAITING = "t.state in ('NEW', 'APPROVED', 'FAILED')";

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> binds = new LinkedHashMap<>();
    private final Map<String, List<String>> lists = new LinkedHashMap<>();
    private final Map<String, List<Long>> matches = new LinkedHashMap<>();
    private final TaskFilter filter;
    /** H2's full-text matches of the search, once read; null without a search on H2. */
    private List<Long> searchHits;

    /** @param h the transaction: on H2 the search's matches are read through it first */
    TaskListQuery(TaskFilter filter, Instant now, Handle h) {
        this(filter, now, h, null);
    }

    /**
     * @param sameSearch a query of the same request with the same search text, whose H2 matches are taken
     *     rather than read again (the counts and the page of one list share them); null to read them
     */
    TaskListQuery(TaskFilter filter, Instant now, Handle h, TaskListQuery sameSearch) {
        this.filter = filter;
        in("t.state", "states", filter.states().stream().map(Enum::name).toList());
        in("m.brand", "brands", List.copyOf(filter.brands()));
        in("m.platform", "platforms", filter.platforms().stream().map(Platform::name).toList());
        in("t.urgency_level", "levels", filter.levels().stream().map(Enum::name).toList());
        in("lower(coalesce(t.language, m.language))", "languages", filter.languages().stream().map(l -> l.toLowerCase(Locale.ROOT)).toList());
        if (filter.assignee() != null) {
            if (filter.assignee().equalsIgnoreCase(TaskFilter.UNASSIGNED)) {
                conditions.add("t.assignee is null");
            } else {
                conditions.add("lower(t.assignee) = :assignee");
                binds.put("assignee", filter.assignee().toLowerCase(Locale.ROOT));
            }
        }
        if (filter.breachBefore() != null) {
            conditions.add(AWAITING + " and t.due_at <= :breachBefore");
            binds.put("breachBefore", filter.breachBefore());
        }
        switch (filter.snoozed()) {
            case HIDE -> conditions.add("(t.state <> 'NEW' or t.snoozed_until is null or t.snoozed_until <= :now)");
            case ONLY -> conditions.add("t.state = 'NEW' and t.snoozed_until > :now");
            case INCLUDE -> { }
        }
        if (filter.snoozed() != TaskFilter.Snoozed.INCLUDE) {
            binds.put("now", now);
        }
        search(filter.text(), h, sameSearch);
    }

    private void in(String column, String name, List<String> values) {
        if (!values.isEmpty()) {
            conditions.add(column + " in (<" + name + ">)");
            lists.put(name, values);
        }
    }

    /**
     * The mentions holding every word of the search. A search without a letter or digit matches nothing
     * rather than everything: the box was not empty. PostgreSQL's plainto_tsquery joins the words with
     * "and" over the GIN index. H2's FT_SEARCH_DATA gives the keys of the rows with all the words; it is
     * read once here, since H2 would call it again for every row of an {@code in (select ...)}.
     */
    private void search(String text, Handle h, TaskListQuery sameSearch) {
        if (text == null) {
            return;
        }
        List<String> words = SearchText.words(text);
        if (words.isEmpty()) {
            conditions.add("1 = 0");
            return;
        }
        if (postgres(h)) {
            conditions.add("m.search_vector @@ plainto_tsquery('simple', :words)");
            binds.put("words", String.join(" ", words));
            return;
        }
        boolean shared = sameSearch != null && sameSearch.searchHits != null && text.equals(sameSearch.filter.text());
        searchHits = shared ? sameSearch.searchHits : h.createQuery(
                        "select cast(ft.KEYS[1] as bigint) from FT_SEARCH_DATA(:words, 0, 0) ft"
                        + " where ft.\"TABLE\" = 'MENTION'")
                .bind("words", String.join(" ", words)).mapTo(String.class).list().stream().map(Long::valueOf).toList();
        if (searchHits.isEmpty()) {
            conditions.add("1 = 0");
        } else {
            conditions.add("m.id in (<searchHits>)");
            matches.put("searchHits", searchHits);
        }
    }

    static boolean postgres(Handle h) {
        try {
            return h.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                    .contains("postgres");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot tell which database this connection is to", e);
        }
    }

    /** The tasks alone when no condition needs their mention (a lookup per row saved), else with it. */
    private String from() {
        return conditions.stream().anyMatch(c -> MENTION_COLUMN.matcher(c).find()) ? FROM : FROM_TASKS;
    }

    private String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private String orderBy() {
        return switch (filter.order()) {
            case PRIORITY -> " order by t.priority desc, t.created_at, t.id";
            case DUE -> " order by case when t.state in ('NEW', 'APPROVED', 'FAILED') then 0 else 1 end, t.due_at,"
                    + " t.priority desc, t.id";
            case NEWEST -> " order by t.created_at desc, t.id desc";
            case OLDEST -> " order by t.created_at, t.id";
        };
    }

    private Query bound(Query q) {
        binds.forEach(q::bind);
        lists.forEach(q::bindList);
        matches.forEach(q::bindList);
        return q;
    }

    /**
     * The filter's page of tasks, in its order: first the page's ids alone (a narrow sort over the filtered
     * rows), then those tasks' whole rows with their mention, delivery and incident, put back in that order.
     */
    List<org.earshot.domain.ResponseTask> page(Handle h) {
        List<Long> ids = bound(h.createQuery("select t.id" + from() + where() + orderBy() + " limit :limit offset :offset"))
                .bind("limit", filter.limit()).bind("offset", filter.offset())
                .mapTo(Long.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, org.earshot.domain.ResponseTask> byId = new java.util.HashMap<>();
        h.createQuery(TaskMapper.SELECT + " where t.id in (<ids>)").bindList("ids", ids)
                .map(TaskMapper.TASK).forEach(t -> byId.put(t.id(), t));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** How many tasks the filter matches in all, on every page. */
    long count(Handle h) {
        return bound(h.createQuery("select count(*)" + from() + where())).mapTo(Long.class).one();
    }

    /**
     * How many tasks the filter matches per state and urgency level together, and of those how many still
     * await their answer with their first response due by {@code dueSoon} and by {@code dueNow}: every count
     * the list shows, in one grouped pass over the filtered rows.
     */
    List<Group> groups(Handle h, Instant dueSoon, Instant dueNow) {
        return bound(h.createQuery("select t.state as s, t.urgency_level as l, count(*) as n,"
                        + " sum(case when " + AWAITING + " and t.due_at <= :countSoon then 1 else 0 end) as soon,"
                        + " sum(case when " + AWAITING + " and t.due_at <= :countNow then 1 else 0 end) as overdue"
                        + from() + where() + " group by t.state, t.urgency_level"))
                .bind("countSoon", dueSoon).bind("countNow", dueNow)
                .map((rs, ctx) -> new Group(rs.getString("s"), rs.getString("l"), rs.getLong("n"), rs.getLong("soon"),
                        rs.getLong("overdue")))
                .list();
    }

    /** One state and level's tasks: how many, how many due by the soon time, and how many overdue. */
    record Group(String state, String level, long tasks, long dueSoon, long overdue) {
    }
}
