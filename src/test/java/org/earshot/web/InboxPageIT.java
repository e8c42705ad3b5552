package org.earshot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.earshot.connector.Connector;
import org.earshot.connector.PostedReply;
import org.earshot.connector.ReplyBlock;
import org.earshot.domain.Platform;
import org.earshot.domain.Role;
import org.earshot.domain.TaskState;
import org.earshot.domain.UrgencyLevel;
import org.earshot.store.AuditLog;
import org.earshot.store.OutboxStore;
import org.earshot.store.TaskStore;
import org.earshot.task.Backoff;
import org.earshot.task.OutboxDispatcher;
import org.earshot.web.VariedTasks.Spec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The inbox page (list beside one task) in real headless Chromium against the real server and H2. */
class InboxPageIT {
    private static HeadlessChromium browser;
    private static ChromeDriver driver;

    @TempDir
    Path dir;
    private RunningQueue queue;
    private VariedTasks varied;
    private WebDriverWait wait;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.startOrSkip();
        driver = browser.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void startQueue() {
        queue = new RunningQueue(dir, List.of());
        varied = new VariedTasks(queue.db, queue.clock.instant());
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.manage().window().setSize(new Dimension(1300, 1000));
        // Cookies are per host, not per port: an earlier test's session must not reach this server.
        driver.get(queue.baseUrl() + "/login");
        driver.manage().deleteAllCookies();
    }

    @AfterEach
    void stopQueue() {
        queue.close();
    }

    /** Signs in on the form the inbox sends to, as an approver unless said otherwise, and lands back on the inbox. */
    private void openInbox(ChromeDriver d, String name) {
        openInbox(d, name, Role.APPROVER);
    }

    private void openInbox(ChromeDriver d, String name, Role role) {
        String password = queue.addAccount(name, role);
        BrowserSignIn.signIn(d, new WebDriverWait(d, Duration.ofSeconds(15)), queue.baseUrl() + "/inbox.html", name, password);
        new WebDriverWait(d, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/inbox.html"));
    }

    private List<WebElement> rows(int count) {
        return wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#list li.row"), count));
    }

    private WebElement row(long id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#list li.row[data-task-id='" + id + "'] .row-open")));
    }

    private WebElement detailHeading(long id) {
        return wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-body"), "Task " + id + ":"))
                ? driver.findElement(By.id("task-heading")) : null;
    }

    @Test
    void filtersAndTheSearchBoxNarrowTheListOnTheServerAndSayTheTrueTotal() {
        long bag = varied.add(new Spec("Acme", Platform.X, UrgencyLevel.HIGH, "en", "Dana Reyes", "You lost my bag"));
        long refund = varied.add(new Spec("Acme", Platform.MASTODON, UrgencyLevel.CRITICAL, "en", "Lee Park",
                "Where is my refund"));
        varied.add(new Spec("Globex", Platform.REDDIT, UrgencyLevel.LOW, "en", "Mo", "Nice app"));
        openInbox(driver, "sam");
        rows(3);

        driver.findElement(By.id("search")).sendKeys("REFUND");
        wait.until(d -> d.findElements(By.cssSelector("#list li.row")).size() == 1);
        assertThat(driver.findElement(By.cssSelector("#list li.row")).getAttribute("data-task-id"))
                .isEqualTo(String.valueOf(refund));
        assertThat(driver.findElement(By.id("counts")).getText()).startsWith("1 matching");

        driver.findElement(By.id("search")).clear();
        driver.findElement(By.id("search")).sendKeys(" ", Keys.BACK_SPACE);
        rows(3);
        new Select(driver.findElement(By.id("filter-level"))).selectByValue("high");
        wait.until(d -> d.findElements(By.cssSelector("#list li.row")).size() == 1);
        assertThat(driver.findElement(By.cssSelector("#list li.row")).getAttribute("data-task-id"))
                .isEqualTo(String.valueOf(bag));
        assertThat(driver.findElement(By.id("page-label")).getText()).isEqualTo("1–1 of 1");
    }

    @Test
    void aRejectedTaskIsFoundUnderItsStateWithItsReason() {
        long rejected = varied.add(new Spec("Acme", Platform.X, UrgencyLevel.NORMAL, "en", "Ana", "spam spam"));
        varied.add(new Spec("Acme", Platform.X, UrgencyLevel.NORMAL, "en", "Bo", "open one"));
        queue.approvals.reject(rejected, "it is spam", "bea");
        openInbox(driver, "sam");
        rows(1);

        new Select(driver.findElement(By.id("filter-state"))).selectByValue("REJECTED");
        row(rejected).click();

        assertThat(detailHeading(rejected).getText()).contains("Ana");
        assertThat(driver.findElement(By.id("detail-body")).getText()).contains("Rejected by bea").contains("it is spam");
    }

    @Test
    void aMentionWithAScriptTagShowsAsTextAndRunsNothing() {
        long id = varied.add(new Spec("Acme", Platform.X, UrgencyLevel.HIGH, "en", "<b>Mallory</b>",
                "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">"));
        openInbox(driver, "sam");
        row(id).click();
        detailHeading(id);

        WebElement text = driver.findElement(By.cssSelector("#detail-body blockquote.mention-text"));
        assertThat(text.getText()).isEqualTo("<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">");
        assertThat(driver.findElement(By.id("task-heading")).getText()).contains("<b>Mallory</b>");
        assertThat(driver.findElements(By.cssSelector("#detail-body script, #detail-body img, #list img"))).isEmpty();
        assertThat(driver.executeScript("return window.pwned === undefined")).isEqualTo(true);
    }

    @Test
    void anEditedReplyApprovedFromTheTaskIsPostedOnceAfterTheUndoWindow() {
        long id = queue.add("Ana Lopez", "My order never came", 0.7);
        List<ReplyBlock> published = new CopyOnWriteArrayList<>();
        Connector mastodon = new Connector("mastodon-main", Platform.MASTODON, "Acme", Duration.ofSeconds(30),
                null, block -> {
                    published.add(block);
                    return new PostedReply("reply-" + published.size(), "");
                });
        openInbox(driver, "sam");
        row(id).click();
        detailHeading(id);

        driver.findElement(By.id("detail-body")).click();
        driver.findElement(By.tagName("body")).sendKeys("e");
        WebElement editor = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("draft-editor")));
        editor.clear();
        editor.sendKeys("Ana, so sorry: we are tracing your order now.");
        driver.findElement(By.id("approve-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("undo-button")));
        assertThat(driver.findElement(By.id("notice-text")).getText()).contains("approved").contains("sent in");

        OutboxDispatcher now = dispatcher(mastodon, Clock.systemUTC());
        assertThat(now.dispatchDue()).isZero();
        OutboxDispatcher afterTheWindow = dispatcher(mastodon, Clock.offset(Clock.systemUTC(), Duration.ofSeconds(11)));
        afterTheWindow.dispatchDue();
        afterTheWindow.dispatchDue();

        assertThat(published).hasSize(1);
        assertThat(published.get(0).text()).contains("we are tracing your order now");
        assertThat(queue.task(id).state()).isEqualTo(TaskState.POSTED);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-body"), "Posted"));
        assertThat(driver.findElement(By.cssSelector("#detail-body .posted")).getText()).contains("reply-1");
        assertThat(driver.findElement(By.cssSelector("#detail-body .posted a")).getAttribute("href"))
                .startsWith("https://social.example/");
    }

    private OutboxDispatcher dispatcher(Connector connector, Clock clock) {
        return new OutboxDispatcher(queue.db, new OutboxStore(), new TaskStore(), new AuditLog(),
                Map.of(connector.id(), connector), clock, Duration.ofMinutes(2), Backoff.DELIVERY, 10);
    }

    @Test
    void undoWithinTheWindowPutsTheTaskBackInTheOpenList() {
        long id = queue.add("Ana Lopez", "My order never came", 0.7);
        openInbox(driver, "sam");
        row(id).click();
        detailHeading(id);

        driver.findElement(By.id("approve-button")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("undo-button"))).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice-text"), "back in the queue"));
        assertThat(queue.task(id).state()).isEqualTo(TaskState.NEW);
        assertThat(queue.outboxRows(id)).isZero();
        row(id);
    }

    @Test
    void approvingATaskThatChangedSinceItWasOpenedSaysSoAndApprovesNothing() {
        long id = queue.add("Ana Lopez", "My order never came", 0.7);
        openInbox(driver, "sam");
        row(id).click();
        detailHeading(id);
        sleep(20);
        queue.corrections.correct(id, null, UrgencyLevel.CRITICAL, "bea");

        driver.findElement(By.id("approve-button")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("task-error"), "changed since you opened it"));
        assertThat(queue.task(id).state()).isEqualTo(TaskState.NEW);
        assertThat(driver.findElement(By.cssSelector("#task-error button")).getText()).isEqualTo("Reload task " + id);
    }

    @Test
    void keysMoveThroughTheListOpenTheShortcutListAndFocusTheSearch() {
        long first = queue.add("Ana", "first", 0.9);
        long second = queue.add("Bo", "second", 0.5);
        openInbox(driver, "sam");
        rows(2);
        WebElement body = driver.findElement(By.tagName("body"));

        body.sendKeys("j");
        detailHeading(first);
        driver.switchTo().activeElement().sendKeys("j");
        detailHeading(second);
        driver.switchTo().activeElement().sendKeys("k");
        detailHeading(first);
        driver.switchTo().activeElement().sendKeys("?");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("help"))).getText())
                .contains("approve the open task's reply").contains("snooze");
        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("help")));
        driver.switchTo().activeElement().sendKeys("/");
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("search");
    }

    @Test
    void selectedTasksAreRejectedTogetherWithOneReason() {
        long a = queue.add("Ana", "spam one", 0.9);
        long b = queue.add("Bo", "spam two", 0.5);
        long keep = queue.add("Cy", "real", 0.1);
        openInbox(driver, "sam");
        rows(3);

        driver.findElement(By.cssSelector("#list li.row[data-task-id='" + a + "'] .pick")).click();
        driver.findElement(By.cssSelector("#list li.row[data-task-id='" + b + "'] .pick")).click();
        driver.findElement(By.id("bulk-reason")).sendKeys("spam wave");
        driver.findElement(By.id("bulk-reject")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice-text"), "2 of 2 done"));
        rows(1);
        assertThat(queue.task(a).state()).isEqualTo(TaskState.REJECTED);
        assertThat(queue.task(b).decision().rejectReason()).isEqualTo("spam wave");
        assertThat(queue.task(keep).state()).isEqualTo(TaskState.NEW);
    }

    @Test
    void twoBrowsersOnOneTaskSeeEachOtherAndWhoIsEditing() throws IOException {
        long id = queue.add("Ana Lopez", "My order never came", 0.7);
        try (HeadlessChromium second = HeadlessChromium.startOrSkip()) {
            ChromeDriver bea = second.driver();
            openInbox(driver, "sam");
            row(id).click();
            detailHeading(id);
            openInbox(bea, "bea");
            WebDriverWait beaWait = new WebDriverWait(bea, Duration.ofSeconds(15));
            beaWait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("#list li.row[data-task-id='" + id + "'] .row-open"))).click();
            beaWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("edit-button"))).click();

            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("presence"), "bea is editing"));
            beaWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("presence"), "sam is viewing"));
        }
    }

    @Test
    void atPhoneWidthTheListThenTheTaskFitWithoutScrollingSideways() {
        long id = queue.add("Ana Lopez", "My order never came and nobody answers the phone at all, for days", 0.7);
        driver.manage().window().setSize(new Dimension(375, 800));
        openInbox(driver, "sam");
        row(id).click();
        detailHeading(id);

        assertThat(driver.findElement(By.cssSelector(".list-pane")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("approve-button")).isDisplayed()).isTrue();
        assertThat((Boolean) driver.executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        driver.findElement(By.id("back-button")).click();
        assertThat(row(id).isDisplayed()).isTrue();
    }

    @Test
    void openingTheInboxSignedOutGoesToTheSignInFormAndBackShowingTheSignedInName() {
        queue.add("Ana Lopez", "My order never came", 0.7);
        driver.get(queue.baseUrl() + "/inbox.html");
        wait.until(ExpectedConditions.urlContains("/login?next=%2Finbox.html"));

        openInbox(driver, "sam");

        assertThat(driver.getCurrentUrl()).endsWith("/inbox.html");
        assertThat(driver.findElement(By.id("who")).getText()).isEqualTo("sam · approver");
        assertThat(driver.findElements(By.id("token-form"))).isEmpty();
        assertThat(driver.findElements(By.id("actor-input"))).isEmpty();
        rows(1);
    }

    @Test
    void anApprovalFromTheInboxIsRecordedUnderTheSignedInName() {
        long id = queue.add("Ana Lopez", "My order never came", 0.7);
        openInbox(driver, "sam");
        row(id).click();
        detailHeading(id);

        driver.findElement(By.id("approve-button")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("undo-button")));
        assertThat(queue.task(id).state()).isEqualTo(TaskState.APPROVED);
        assertThat(queue.task(id).decision().actor()).isEqualTo("sam");
    }

    @Test
    void aViewerSeesTheTaskButNoButtonToChangeIt() {
        long id = queue.add("Ana Lopez", "My order never came", 0.7);
        openInbox(driver, "vic", Role.VIEWER);
        row(id).click();
        detailHeading(id);

        assertThat(driver.findElement(By.tagName("body")).getAttribute("class")).doesNotContain("can-edit")
                .doesNotContain("can-approve");
        for (String hidden : List.of("#approve-button", "#edit-button", "#reject-button", ".note-form", ".assign-form",
                ".snooze-form", "#list .pick", ".select-all")) {
            assertThat(driver.findElement(By.cssSelector(hidden)).isDisplayed()).as(hidden).isFalse();
        }
        driver.findElement(By.tagName("body")).sendKeys("a");
        assertThat(queue.task(id).state()).isEqualTo(TaskState.NEW);
    }

    @Test
    void aResponderMayNoteAndAssignButNotApprove() {
        long id = queue.add("Ana Lopez", "My order never came", 0.7);
        openInbox(driver, "rae", Role.RESPONDER);
        row(id).click();
        detailHeading(id);

        assertThat(driver.findElement(By.cssSelector(".note-form")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("approve-button")).isDisplayed()).isFalse();
        driver.findElement(By.id("note-input")).sendKeys("@sam can you look?");
        driver.findElement(By.cssSelector(".note-form button")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#detail-body .notes"), "rae"));
        assertThat(driver.findElement(By.cssSelector("#detail-body .notes")).getText()).contains("@sam can you look?");
    }

    @Test
    void signingOutEndsTheSessionAndTheInboxAsksToSignInAgain() {
        openInbox(driver, "sam");

        driver.findElement(By.id("sign-out-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-reason"), "You are signed out."));
        driver.get(queue.baseUrl() + "/inbox.html");

        wait.until(ExpectedConditions.urlContains("/login?next=%2Finbox.html"));
    }

    @Test
    void theServiceTokenInTheLinkStillOpensTheInbox() {
        long id = queue.add("Ana Lopez", "My order never came", 0.7);
        driver.get(queue.baseUrl() + "/inbox.html#token=" + RunningQueue.TOKEN);

        row(id);
        assertThat(driver.getCurrentUrl()).doesNotContain("token");
    }

    @Test
    void theReportsPageSignsInTheSameWayAndShowsWhoIsSignedIn() {
        String password = queue.addAccount("sam", Role.VIEWER);
        driver.get(queue.baseUrl() + "/reports.html");
        wait.until(ExpectedConditions.urlContains("/login?next=%2Freports.html"));

        BrowserSignIn.signIn(driver, wait, queue.baseUrl() + "/reports.html", "sam", password);

        assertThat(driver.getCurrentUrl()).endsWith("/reports.html");
        assertThat(driver.findElement(By.id("reports")).isDisplayed()).isTrue();
        assertThat(driver.findElements(By.id("token-form"))).isEmpty();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-volume canvas")));
        assertThat(driver.findElement(By.id("report-error")).getText()).isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
