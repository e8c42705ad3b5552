package org.earshot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.earshot.domain.Sentiment;
import org.earshot.domain.TaskState;
import org.earshot.domain.UrgencyLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The queue page in a real headless Chromium against the real server and an H2 database. */
class QueuePageIT {

    private static HeadlessChromium browser;
    private static ChromeDriver driver;

    @TempDir
    Path dir;
    private RunningQueue queue;
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
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    @AfterEach
    void stopQueue() {
        queue.close();
    }

    private void openQueueWithToken() {
        driver.get(queue.baseUrl() + "/#token=" + RunningQueue.TOKEN);
    }

    /** Signs in on the login page as sam, an approver, so the audit log has a real name. */
    private void signInAsSam() {
        String password = queue.addAccount("sam", org.earshot.domain.Role.APPROVER);
        BrowserSignIn.signIn(driver, wait, queue.baseUrl() + "/", "sam", password);
    }

    private List<WebElement> waitForTasks(int count) {
        return wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#queue li.task"), count));
    }

    private WebElement card(long id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#queue li.task[data-task-id='" + id + "']")));
    }

    private void waitUntilGone(long id) {
        wait.until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#queue li.task[data-task-id='" + id + "']"), 0));
    }

    @Test
    void theQueueListsOpenTasksHighestPriorityFirstWithTheirDetails() throws IOException {
        long low = queue.add(new RunningQueue.NewTask("Lou Low", "Is the shop open on Sunday?", 0.21,
                UrgencyLevel.LOW, "Hi Lou, yes: 10 to 4 on Sundays.", List.of(), Duration.ofHours(3)));
        long critical = queue.add(new RunningQueue.NewTask("Cara Critical", "My charger caught fire last night!!",
                0.97, UrgencyLevel.CRITICAL, "Cara, please unplug it now; our safety team will call you within the hour.",
                List.of("soft: mentions a call-back time"), Duration.ofMinutes(-12)));
        long middle = queue.add(new RunningQueue.NewTask("Max Middle", "Order #4411 is a week late.", 0.64,
                UrgencyLevel.HIGH, "Sorry Max, we are checking #4411 with the courier.", List.of(),
                Duration.ofMinutes(25)));
        long decided = queue.add("Dee Decided", "already handled", 0.99);
        queue.approvals.reject(decided, "duplicate", "sam");

        openQueueWithToken();
        List<WebElement> cards = waitForTasks(3);

        assertThat(cards).extracting(c -> Long.parseLong(c.getAttribute("data-task-id")))
                .containsExactly(critical, middle, low);
        WebElement top = card(critical);
        assertThat(top.findElement(By.cssSelector(".urgency")).getText()).isEqualToIgnoringCase("critical");
        assertThat(top.findElement(By.cssSelector(".priority")).getText()).isEqualTo("0.97");
        assertThat(top.findElement(By.cssSelector(".author-name")).getText()).isEqualTo("Cara Critical");
        assertThat(top.findElement(By.cssSelector(".mention-text")).getText())
                .isEqualTo("My charger caught fire last night!!");
        assertThat(top.findElement(By.cssSelector(".due")).getText()).startsWith("overdue by");
        assertThat(top.findElement(By.cssSelector(".warnings")).getText()).contains("call-back time");
        assertThat(card(middle).findElement(By.cssSelector(".due")).getText()).matches("due in 2[45] min");
        assertThat(driver.getCurrentUrl()).doesNotContain(RunningQueue.TOKEN);

        Path shot = Path.of("target", "screenshots", "queue.png");
        Files.createDirectories(shot.getParent());
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void anItemThePollCouldNotReadShowsWhyAndItsRawSourceAsTextAndStaysWhenReadingItAgainFails() {
        long item = queue.quarantine("uid:7:42@INBOX", "ADDRESS parse error <b onmouseover=alert(1)>x</b>",
                "From: <script>alert(1)</script>\r\nSubject: hi\r\n\r\nmy bag <img src=x onerror=alert(2)>");
        queue.add("Olga Open", "Is the lounge open?", 0.4);

        openQueueWithToken();
        waitForTasks(1);
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#quarantine li[data-item-id='" + item + "']")));
        assertThat(driver.findElement(By.id("quarantine-count")).getText()).isEqualTo("1");
        assertThat(card.findElement(By.cssSelector(".quarantine-reason")).getText())
                .isEqualTo("ADDRESS parse error <b onmouseover=alert(1)>x</b>");
        assertThat(card.findElement(By.cssSelector(".external-id")).getText()).isEqualTo("uid:7:42@INBOX");

        card.findElement(By.cssSelector("summary")).click();
        wait.until(d -> card.findElement(By.cssSelector(".quarantine-source")).getText().contains("my bag"));
        assertThat(card.findElement(By.cssSelector(".quarantine-source")).getText())
                .contains("From: <script>alert(1)</script>").contains("<img src=x onerror=alert(2)>");
        assertThat(card.findElements(By.cssSelector("img, script, b"))).isEmpty();

        card.findElement(By.cssSelector(".requeue")).click();
        wait.until(d -> card.findElement(By.cssSelector(".task-error")).getText().startsWith("still held"));
        assertThat(card.findElement(By.cssSelector(".task-error")).getText()).contains("connector social");
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void aBlockedReplyShowsWhyAboveTheQueueAndRetryApprovesItAgain() {
        long blocked = queue.add("Bo Blocked", "Where is my refund?", 0.5);
        queue.blockReply(blocked, "Mastodon said <img src=x onerror=alert(1)> 503", 10);
        queue.add("Olga Open", "Is the lounge open?", 0.4);

        openQueueWithToken();
        waitForTasks(1);
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#blocked li.blocked-task[data-task-id='" + blocked + "']")));
        assertThat(card.findElement(By.cssSelector(".blocked-line")).getText())
                .isEqualTo("blocked after 10 attempts: Mastodon said <img src=x onerror=alert(1)> 503");
        assertThat(card.findElement(By.cssSelector(".author")).getText()).contains("Bo Blocked");
        assertThat(card.findElements(By.cssSelector("img"))).isEmpty();

        card.findElement(By.cssSelector(".retry")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#blocked li"), 0));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("blocked-section")));

        assertThat(queue.task(blocked).state()).isEqualTo(TaskState.APPROVED);
        assertThat(queue.task(blocked).delivery().blocked()).isFalse();
        assertThat(queue.queries.history(blocked)).anySatisfy(e -> assertThat(e.action()).isEqualTo("retried"));
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void markupInAMentionShowsAsLiteralTextAndRunsNothing() {
        String hostile = "<script>alert(1)</script><img src=x onerror=alert(2)> is this safe?";
        long id = queue.add(new RunningQueue.NewTask("<b>Eve</b>", hostile, 0.5, UrgencyLevel.NORMAL,
                "Hi <i>Eve</i>", List.of(), Duration.ofMinutes(30)));

        openQueueWithToken();
        WebElement card = card(id);

        assertThat(card.findElement(By.cssSelector(".mention-text")).getText()).isEqualTo(hostile);
        assertThat(card.findElement(By.cssSelector(".author-name")).getText()).isEqualTo("<b>Eve</b>");
        assertThat(card.findElement(By.cssSelector(".draft-text")).getText()).isEqualTo("Hi <i>Eve</i>");
        assertThat(card.findElements(By.cssSelector("script, img, b, i"))).isEmpty();
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void approvingMovesTheTaskOutOfTheQueueAndIntoTheOutbox() {
        long keep = queue.add("Kim", "Still waiting for a refund", 0.4);
        long id = queue.add("Ana", "Where is my parcel?", 0.8);
        openQueueWithToken();

        card(id).findElement(By.cssSelector("button.approve")).click();
        waitUntilGone(id);

        assertThat(queue.task(id).state()).isEqualTo(TaskState.APPROVED);
        assertThat(queue.outboxRows(id)).isEqualTo(1);
        assertThat(queue.task(keep).state()).isEqualTo(TaskState.NEW);
        assertThat(waitForTasks(1).get(0).getAttribute("data-task-id")).isEqualTo(String.valueOf(keep));
    }

    @Test
    void editThenApproveStoresTheEditedTextAndWhoApproved() {
        long id = queue.add("Ana", "Where is my parcel?", 0.8);
        signInAsSam();

        WebElement card = card(id);
        card.findElement(By.cssSelector("button.edit")).click();
        WebElement editor = card.findElement(By.cssSelector("textarea.draft-editor"));
        wait.until(ExpectedConditions.visibilityOf(editor));
        editor.clear();
        editor.sendKeys("Hi Ana, it left our depot this morning.");
        card.findElement(By.cssSelector("button.approve")).click();
        waitUntilGone(id);

        assertThat(queue.task(id).state()).isEqualTo(TaskState.APPROVED);
        assertThat(queue.task(id).decision().approvedText()).isEqualTo("Hi Ana, it left our depot this morning.");
        assertThat(queue.task(id).decision().actor()).isEqualTo("sam");
    }

    @Test
    void rejectingAsksForAReasonAndStoresIt() {
        long id = queue.add("Spammy", "buy followers at example.com", 0.3);
        openQueueWithToken();

        WebElement card = card(id);
        card.findElement(By.cssSelector("button.reject")).click();
        WebElement reason = card.findElement(By.cssSelector("input.reject-reason"));
        wait.until(ExpectedConditions.visibilityOf(reason));
        reason.sendKeys("spam");
        card.findElement(By.cssSelector("button.confirm-reject")).click();
        waitUntilGone(id);

        assertThat(queue.task(id).state()).isEqualTo(TaskState.REJECTED);
        assertThat(queue.task(id).decision().rejectReason()).isEqualTo("spam");
        assertThat(queue.outboxRows(id)).isZero();
    }

    @Test
    void aHardRuleViolationIsShownInlineAndCanBeOverridden() {
        long id = queue.add(new RunningQueue.NewTask("Ana", "I want my money back", 0.7, UrgencyLevel.HIGH,
                "We will refund you today.", List.of("hard: promises 'refund'"), Duration.ofMinutes(30)));
        openQueueWithToken();

        WebElement card = card(id);
        card.findElement(By.cssSelector("button.approve")).click();
        WebElement violations = wait.until(ExpectedConditions.visibilityOf(card.findElement(By.cssSelector(".violations"))));

        assertThat(violations.getText()).contains("hard: promises 'refund'");
        assertThat(queue.task(id).state()).isEqualTo(TaskState.NEW);

        card.findElement(By.cssSelector("button.override")).click();
        waitUntilGone(id);

        assertThat(queue.task(id).state()).isEqualTo(TaskState.APPROVED);
    }

    @Test
    void raisingTheUrgencyLevelOnACardMarksItCorrectedByWhomAndReSortsTheQueue() throws IOException {
        long top = queue.add(new RunningQueue.NewTask("Tom", "My card was charged twice", 20, UrgencyLevel.HIGH,
                "Sorry Tom, we are on it.", List.of(), Duration.ofMinutes(30)));
        long id = queue.add(new RunningQueue.NewTask("Ana", "The gate agent made us sit on the floor", 15,
                UrgencyLevel.HIGH, "Sorry Ana.", List.of(), Duration.ofMinutes(30)));
        signInAsSam();
        assertThat(waitForTasks(2)).extracting(c -> c.getAttribute("data-task-id"))
                .containsExactly(String.valueOf(top), String.valueOf(id));

        WebElement card = card(id);
        new Select(card.findElement(By.xpath(".//label[contains(., 'Urgency')]//select"))).selectByValue("critical");
        card.findElement(By.cssSelector("button.save-labels")).click();

        wait.until(d -> d.findElements(By.cssSelector("#queue li.task")).get(0).getAttribute("data-task-id")
                .equals(String.valueOf(id)));
        WebElement relabelled = card(id);
        assertThat(relabelled.findElement(By.cssSelector(".urgency")).getText()).isEqualToIgnoringCase("critical");
        assertThat(relabelled.findElement(By.cssSelector(".urgency")).getAttribute("class")).contains("corrected");
        assertThat(relabelled.findElement(By.cssSelector(".sentiment")).getAttribute("class")).doesNotContain("corrected");
        assertThat(relabelled.findElement(By.cssSelector(".relabel-note")).getText())
                .isEqualTo("Relabelled by sam: urgency high → critical");
        assertThat(card(top).findElement(By.cssSelector(".relabel-note")).isDisplayed()).isFalse();
        assertThat(queue.task(id).score().urgencyLevel()).isEqualTo(UrgencyLevel.CRITICAL);
        assertThat(queue.task(id).correction().actor()).isEqualTo("sam");
        assertThat(queue.task(id).state()).isEqualTo(TaskState.NEW);

        Path shot = Path.of("target", "screenshots", "queue-relabelled.png");
        Files.createDirectories(shot.getParent());
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void eachCardSaysWhatTheTeamKnowsOfThePersonOnEveryChannel() {
        long first = queue.add("Lars", "Order #3 is late", 0.7);
        long again = queue.add("Lars", "Still no sign of order #3", 0.8);
        openQueueWithToken();
        waitForTasks(2);

        assertThat(card(first).findElement(By.cssSelector(".customer")).getText())
                .isEqualTo("First time we hear from them");
        assertThat(card(again).findElement(By.cssSelector(".customer")).getText())
                .isEqualTo("1 earlier mention (mastodon) · 1 complaint · never answered");
    }

    @Test
    void theQueueFlagsTasksAboutToBreachOrBreachedAndCanPutTheLeastTimeLeftFirst() throws IOException {
        long onTime = queue.add(new RunningQueue.NewTask("Olu", "Order #1 is late", 0.9, UrgencyLevel.HIGH,
                "Sorry Olu.", List.of(), Duration.ofMinutes(50)));
        long close = queue.add(new RunningQueue.NewTask("Cleo", "Order #2 is late", 0.8, UrgencyLevel.HIGH,
                "Sorry Cleo.", List.of(), Duration.ofMinutes(25)));
        long late = queue.add(new RunningQueue.NewTask("<i>Lars</i>", "Order #3 is late", 0.7, UrgencyLevel.HIGH,
                "Sorry Lars.", List.of(), Duration.ofHours(-2)));
        try {
            openQueueWithToken();
            assertThat(waitForTasks(3)).extracting(c -> Long.parseLong(c.getAttribute("data-task-id")))
                    .containsExactly(onTime, close, late);

            assertThat(card(onTime).findElement(By.cssSelector(".service-level")).isDisplayed()).isFalse();
            assertThat(card(onTime).findElement(By.cssSelector(".due")).getText()).matches("due in (49|50) min");
            assertThat(card(close).findElement(By.cssSelector(".service-level")).getText())
                    .isEqualToIgnoringCase("about to breach");
            assertThat(card(late).findElement(By.cssSelector(".service-level")).getText())
                    .isEqualToIgnoringCase("breached 2 h ago");
            assertThat(card(late).findElement(By.cssSelector(".author-name")).getText()).isEqualTo("<i>Lars</i>");
            assertThat(driver.findElement(By.id("service-level-summary")).getText())
                    .isEqualTo("1 breached · 1 about to breach");

            new Select(driver.findElement(By.id("order-select"))).selectByValue("service-level");

            wait.until(d -> d.findElements(By.cssSelector("#queue li.task")).get(0).getAttribute("data-task-id")
                    .equals(String.valueOf(late)));
            assertThat(waitForTasks(3)).extracting(c -> Long.parseLong(c.getAttribute("data-task-id")))
                    .containsExactly(late, close, onTime);

            Path shot = Path.of("target", "screenshots", "queue-service-levels.png");
            Files.createDirectories(shot.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            // The browser is shared by the tests: the next one starts in priority order again.
            driver.executeScript("localStorage.removeItem('earshot.order')");
        }
    }

    @Test
    void relabellingTheSentimentShowsTheNewLabelAndWhatTheScorerSaid() {
        long id = queue.add("Ana", "Where is my parcel?", 0.8);
        openQueueWithToken();

        WebElement card = card(id);
        new Select(card.findElement(By.xpath(".//label[contains(., 'Sentiment')]//select"))).selectByValue("positive");
        card.findElement(By.cssSelector("button.save-labels")).click();

        WebElement note = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#queue li.task[data-task-id='" + id + "'] .relabel-note")));
        assertThat(note.getText()).isEqualTo("Relabelled by " + Caller.SERVICE + ": sentiment negative → positive");
        WebElement sentiment = card(id).findElement(By.cssSelector(".sentiment"));
        assertThat(sentiment.getText()).isEqualToIgnoringCase("positive");
        assertThat(sentiment.getAttribute("class")).contains("corrected", "sentiment-positive");
        assertThat(sentiment.getAttribute("title")).isEqualTo("set by " + Caller.SERVICE + "; the scorer said negative");
        assertThat(queue.corrections.forTask(id)).singleElement().satisfies(k -> {
            assertThat(k.sentiment()).isEqualTo(Sentiment.POSITIVE);
            assertThat(k.urgencyLevel()).isNull();
        });
    }

    @Test
    void savingUnchangedLabelsAsksForAChangeAndSendsNothing() {
        long id = queue.add("Ana", "Where is my parcel?", 0.8);
        openQueueWithToken();

        WebElement card = card(id);
        card.findElement(By.cssSelector("button.save-labels")).click();

        assertThat(wait.until(ExpectedConditions.visibilityOf(card.findElement(By.cssSelector(".task-error"))))
                .getText()).contains("Pick another sentiment or urgency");
        assertThat(queue.corrections.forTask(id)).isEmpty();
    }

    @Test
    void withoutASessionOrTokenThePageSendsThePersonToSignIn() {
        queue.add("Ana", "Where is my parcel?", 0.8);
        driver.get(queue.baseUrl() + "/");

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));

        assertThat(driver.getCurrentUrl()).contains("/login?next=%2F");
    }

    @Test
    void aWrongTokenSendsThePersonToSignInSayingTheTokenWasNotAccepted() {
        queue.add("Ana", "Where is my parcel?", 0.8);
        driver.get(queue.baseUrl() + "/#token=not-the-token");

        WebElement reason = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-reason")));

        assertThat(reason.getText()).contains("not accepted");
        assertThat(driver.findElements(By.cssSelector("#queue li.task"))).isEmpty();
    }
}
