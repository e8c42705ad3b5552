package org.earshot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.earshot.domain.Platform;
import org.earshot.domain.TaskState;
import org.earshot.domain.UrgencyLevel;
import org.earshot.store.TaskStore;
import org.earshot.web.ApiClient.Answer;
import org.earshot.web.VariedTasks.Spec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/tasks}: every filter, the search, the order, paging with the true total, and the counts. */
class TaskListApiIT {
    @TempDir
    Path dir;
    private RunningQueue queue;
    private ApiClient api;
    private VariedTasks varied;

    @BeforeEach
    void start() {
        queue = new RunningQueue(dir, List.of());
        api = new ApiClient(queue.baseUrl());
        varied = new VariedTasks(queue.db, queue.clock.instant());
    }

    @AfterEach
    void stop() {
        queue.close();
    }

    private List<Long> ids(String query) throws Exception {
        Answer a = api.get("/api/tasks" + query);
        assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
        return ApiClient.ids(a.json().get("tasks"));
    }

    private long add(String brand, Platform platform, UrgencyLevel level, String language, String text) {
        return varied.add(new Spec(brand, platform, level, language, "Ana", text));
    }

    @Test
    void brandFilterKeepsOnlyThatBrandsTasksAndTakesSeveral() throws Exception {
        long acme = add("Acme", Platform.MASTODON, UrgencyLevel.NORMAL, "en", "late");
        long globex = add("Globex", Platform.MASTODON, UrgencyLevel.NORMAL, "en", "late");
        long initech = add("Initech", Platform.MASTODON, UrgencyLevel.NORMAL, "en", "late");

        assertThat(ids("?brand=Globex")).containsExactly(globex);
        assertThat(ids("?brand=Acme,Initech")).containsExactlyInAnyOrder(acme, initech);
        assertThat(ids("?brand=Acme&brand=Globex")).containsExactlyInAnyOrder(acme, globex);
    }

    @Test
    void platformFilterKeepsOnlyThatPlatformInAnyCase() throws Exception {
        long mastodon = add("Acme", Platform.MASTODON, UrgencyLevel.NORMAL, "en", "late");
        long x = add("Acme", Platform.X, UrgencyLevel.NORMAL, "en", "late");
        long reddit = add("Acme", Platform.REDDIT, UrgencyLevel.NORMAL, "en", "late");

        assertThat(ids("?platform=x")).containsExactly(x);
        assertThat(ids("?platform=REDDIT,mastodon")).containsExactlyInAnyOrder(reddit, mastodon);
        assertThat(ids("?platform=bluesky")).isEmpty();
    }

    @Test
    void levelFilterKeepsOnlyThoseUrgencyLevelsAndRefusesAnUnknownOne() throws Exception {
        long critical = add("Acme", Platform.X, UrgencyLevel.CRITICAL, "en", "fire");
        long high = add("Acme", Platform.X, UrgencyLevel.HIGH, "en", "refund");
        add("Acme", Platform.X, UrgencyLevel.LOW, "en", "nice");

        assertThat(ids("?level=critical")).containsExactly(critical);
        assertThat(ids("?level=critical,high")).containsExactlyInAnyOrder(critical, high);
        Answer bad = api.get("/api/tasks?level=urgent");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asText()).contains("unknown level 'urgent'").contains("critical");
    }

    @Test
    void languageFilterKeepsOnlyMentionsThePlatformSaidAreInThatLanguage() throws Exception {
        long english = add("Acme", Platform.MASTODON, UrgencyLevel.NORMAL, "en", "late again");
        long german = add("Acme", Platform.MASTODON, UrgencyLevel.NORMAL, "de", "schon wieder zu spät");
        add("Acme", Platform.MASTODON, UrgencyLevel.NORMAL, "", "no language said");

        assertThat(ids("?language=de")).containsExactly(german);
        assertThat(ids("?language=EN")).containsExactly(english);
    }

    @Test
    void everyStateIsReachableIncludingPostedRejectedFailedAndAnsweredByHand() throws Exception {
        long open = add("Acme", Platform.X, UrgencyLevel.NORMAL, "en", "open one");
        long posted = add("Acme", Platform.X, UrgencyLevel.NORMAL, "en", "posted one");
        long rejected = add("Acme", Platform.X, UrgencyLevel.NORMAL, "en", "rejected one");
        long failed = add("Acme", Platform.X, UrgencyLevel.NORMAL, "en", "failed one");
        long byHand = add("Acme", Platform.RSS, UrgencyLevel.NORMAL, "en", "a feed article");
        queue.approvals.approve(posted, null, "sam", false);
        queue.approvals.approve(failed, null, "sam", false);
        queue.approvals.reject(rejected, "spam", "sam");
        queue.approvals.approve(byHand, null, "sam", false);
        TaskStore tasks = new TaskStore();
        queue.db.useTransaction(h -> {
            tasks.move(h, posted, TaskState.APPROVED, TaskState.POSTED, queue.clock.instant());
            tasks.move(h, failed, TaskState.APPROVED, TaskState.FAILED, queue.clock.instant());
        });

        assertThat(ids("?state=NEW")).containsExactly(open);
        assertThat(ids("?state=POSTED")).containsExactly(posted);
        assertThat(ids("?state=REJECTED")).containsExactly(rejected);
        assertThat(ids("?state=FAILED")).containsExactly(failed);
        assertThat(ids("?state=answered_by_hand")).containsExactly(byHand);
        assertThat(ids("")).containsExactlyInAnyOrder(open, posted, rejected, failed, byHand);
    }

    @Test
    void searchFindsEveryWordInAnyCaseInTextOrAuthor() throws Exception {
        long bag = varied.add(new Spec("Acme", Platform.X, UrgencyLevel.HIGH, "en", "Dana Reyes",
                "You LOST my bag at the gate"));
        long refund = varied.add(new Spec("Acme", Platform.X, UrgencyLevel.HIGH, "en", "Lee Park",
                "still waiting for my refund"));

        assertThat(ids("?q=lost")).containsExactly(bag);
        assertThat(ids("?q=bag%20GATE")).containsExactly(bag);
        assertThat(ids("?q=bag%20refund")).isEmpty();
        assertThat(ids("?q=reyes")).containsExactly(bag);
        assertThat(ids("?q=park")).containsExactly(refund);
        assertThat(ids("?q=my")).containsExactlyInAnyOrder(bag, refund);
        assertThat(ids("?q=gate%20bag")).containsExactly(bag);
    }

    @Test
    void searchTakesPunctuationAsWordBreaksNotWildcards() throws Exception {
        long percent = add("Acme", Platform.X, UrgencyLevel.NORMAL, "en", "charged 100% extra");
        add("Acme", Platform.X, UrgencyLevel.NORMAL, "en", "charged 1000 extra");
        long underscore = add("Acme", Platform.X, UrgencyLevel.NORMAL, "en", "error code e_42 again");

        assertThat(ids("?q=100%25")).containsExactly(percent);
        assertThat(ids("?q=e_42")).containsExactly(underscore);
        assertThat(ids("?q=%25")).isEmpty();
        assertThat(api.get("/api/tasks?q=bag").json().get("total").asLong()).isZero();
    }

    @Test
    void pagingGivesEachPageInOrderAndTheTrueTotalBeyondTheDefaultLimit() throws Exception {
        for (int i = 0; i < 230; i++) {
            varied.add(new Spec("Acme", Platform.X, UrgencyLevel.NORMAL, "en", "Ana", "delay " + i, i / 1000.0,
                    Duration.ofHours(3)));
        }

        Answer first = api.get("/api/tasks?state=NEW");
        Answer third = api.get("/api/tasks?state=NEW&limit=100&offset=200");

        assertThat(first.json().get("tasks")).hasSize(200);
        assertThat(first.json().get("total").asLong()).isEqualTo(230);
        assertThat(third.json().get("tasks")).hasSize(30);
        assertThat(third.json().get("total").asLong()).isEqualTo(230);
        assertThat(third.json().get("offset").asInt()).isEqualTo(200);
        assertThat(third.json().get("tasks").get(29).get("mention").get("text").asText()).isEqualTo("delay 0");
        assertThat(api.get("/api/tasks?offset=-1").status()).isEqualTo(400);
    }

    @Test
    void countsPerStateKeepTheOtherFiltersAndCountsPerLevelKeepAll() throws Exception {
        long a = add("Acme", Platform.X, UrgencyLevel.HIGH, "en", "one");
        add("Acme", Platform.X, UrgencyLevel.LOW, "en", "two");
        add("Globex", Platform.X, UrgencyLevel.HIGH, "en", "three");
        queue.approvals.reject(a, "dup", "sam");

        JsonNode counts = api.get("/api/tasks?state=NEW&brand=Acme").json().get("counts");

        assertThat(counts.get("states").get("NEW").asLong()).isEqualTo(1);
        assertThat(counts.get("states").get("REJECTED").asLong()).isEqualTo(1);
        assertThat(counts.get("states").get("POSTED").asLong()).isZero();
        assertThat(counts.get("levels").get("low").asLong()).isEqualTo(1);
        assertThat(counts.get("levels").get("high").asLong()).isZero();
    }

    @Test
    void aboutToBreachKeepsTasksDueWithinTheWarningOrOverdueAndCountsThem() throws Exception {
        long overdue = varied.add(new Spec("Acme", Platform.X, UrgencyLevel.NORMAL, "en", "A", "one", 10,
                Duration.ofMinutes(-5)));
        long soon = varied.add(new Spec("Acme", Platform.X, UrgencyLevel.NORMAL, "en", "B", "two", 20,
                Duration.ofMinutes(20)));
        varied.add(new Spec("Acme", Platform.X, UrgencyLevel.NORMAL, "en", "C", "three", 30, Duration.ofHours(2)));

        Answer a = api.get("/api/tasks?aboutToBreach=true&order=due");

        assertThat(ApiClient.ids(a.json().get("tasks"))).containsExactly(overdue, soon);
        assertThat(a.json().get("total").asLong()).isEqualTo(2);
        JsonNode sla = api.get("/api/tasks?state=NEW").json().get("counts").get("serviceLevel");
        assertThat(sla.get("aboutToBreach").asLong()).isEqualTo(1);
        assertThat(sla.get("breached").asLong()).isEqualTo(1);
    }

    @Test
    void orderIsChosenOnTheServer() throws Exception {
        long later = varied.add(new Spec("Acme", Platform.X, UrgencyLevel.NORMAL, "en", "A", "one", 90,
                Duration.ofHours(5)));
        long sooner = varied.add(new Spec("Acme", Platform.X, UrgencyLevel.NORMAL, "en", "B", "two", 10,
                Duration.ofMinutes(40)));

        assertThat(ids("")).containsExactly(later, sooner);
        assertThat(ids("?order=due")).containsExactly(sooner, later);
        assertThat(ids("?order=newest")).containsExactly(sooner, later);
        assertThat(ids("?order=oldest")).containsExactly(later, sooner);
        assertThat(api.get("/api/tasks?order=random").status()).isEqualTo(400);
    }
}
