package org.earshot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.earshot.domain.Role;
import org.earshot.domain.TaskState;
import org.earshot.domain.UrgencyLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Accounts in a real headless Chromium: signing in, task links, what each role sees, CSRF, signing out. */
class SignInPageIT {
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
        // Cookies are per host, not per port: an earlier test's session must not reach this server.
        driver.get(queue.baseUrl() + "/login");
        driver.manage().deleteAllCookies();
    }

    @AfterEach
    void stopQueue() {
        queue.close();
    }

    private void signIn(String path, String name, Role role) {
        String password = queue.addAccount(name, role);
        BrowserSignIn.signIn(driver, wait, queue.baseUrl() + path, name, password);
    }

    private WebElement card(long id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#queue li.task[data-task-id='" + id + "']")));
    }

    /** A request the page's own script could make, run in the page; answers the status and the error. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> fetchInPage(String path, boolean withCsrf) {
        return (Map<String, Object>) driver.executeAsyncScript("""
                const [path, withCsrf, done] = arguments;
                (async () => {
                  const session = await (await fetch('/api/session')).json();
                  const headers = { 'Content-Type': 'application/json' };
                  if (withCsrf) { headers['X-CSRF-Token'] = session.csrfToken; }
                  const r = await fetch(path, { method: 'POST', headers, body: '{}' });
                  done({ status: r.status, error: (await r.json()).error });
                })().catch((e) => done({ status: -1, error: String(e) }));
                """, path, withCsrf);
    }

    @Test
    void signingInOnTheFormShowsTheQueueUnderThePersonsNameAndRole() throws IOException {
        long id = queue.add("Ana", "Where is my parcel?", 0.8);

        signIn("/", "bea", Role.APPROVER);

        assertThat(card(id).findElement(By.cssSelector(".author-name")).getText()).isEqualTo("Ana");
        assertThat(driver.findElement(By.id("who")).getText()).isEqualTo("bea · approver");
        assertThat(driver.manage().getCookieNamed(Authentication.COOKIE).isHttpOnly()).isTrue();
        assertThat(driver.manage().getCookieNamed(Authentication.COOKIE).getSameSite()).isEqualTo("Strict");
        Path shot = Path.of("target", "screenshots", "signed-in.png");
        Files.createDirectories(shot.getParent());
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aWrongPasswordStaysOnTheFormWithAClearMessage() {
        queue.addAccount("bea", Role.APPROVER);
        driver.get(queue.baseUrl() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-name"))).sendKeys("bea");
        driver.findElement(By.id("login-password")).sendKeys("not her password");
        driver.findElement(By.id("login-button")).click();

        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        wait.until(d -> !error.getText().isEmpty());

        assertThat(error.getText()).contains("wrong name or password");
        assertThat(driver.getCurrentUrl()).contains("/login");
    }

    @Test
    void aTaskLinkOpensThatTaskAfterSigningIn() throws IOException {
        for (int i = 0; i < 6; i++) {
            queue.add("Busy " + i, "Something else entirely, number " + i, 0.9 - i * 0.01);
        }
        long linked = queue.add("Lou Linked", "The one the Slack alert was about", 0.2);

        signIn("/tasks/" + linked, "bea", Role.VIEWER);

        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#queue li.task.linked[data-task-id='" + linked + "']")));
        assertThat(driver.getCurrentUrl()).endsWith("/tasks/" + linked);
        assertThat(card.findElement(By.cssSelector(".author-name")).getText()).isEqualTo("Lou Linked");
        assertThat(driver.switchTo().activeElement().getAttribute("data-task-id")).isEqualTo(String.valueOf(linked));
        Path shot = Path.of("target", "screenshots", "task-link.png");
        Files.createDirectories(shot.getParent());
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void anOldAlertLinkWithTaskInTheFragmentOpensTheTaskToo() {
        long linked = queue.add("Lou Linked", "The one the Slack alert was about", 0.2);
        signIn("/", "bea", Role.VIEWER);

        // As from Slack: a fresh page load, not a fragment change on the open page.
        driver.get("about:blank");
        driver.get(queue.baseUrl() + "/#task=" + linked);

        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#queue li.task.linked[data-task-id='" + linked + "']")));
        assertThat(driver.getCurrentUrl()).endsWith("/tasks/" + linked);
    }

    @Test
    void aLinkToADecidedTaskSaysWhatBecameOfIt() {
        long decided = queue.add("Dee", "already handled", 0.5);
        queue.approvals.reject(decided, "duplicate", "sam");

        signIn("/tasks/" + decided, "bea", Role.VIEWER);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue-error"),
                "Task " + decided + " is not waiting in the queue: it is rejected."));
    }

    @Test
    void aResponderSeesNoApproveButtonAndTheServerRefusesTheApprovalAnyway() {
        long id = queue.add("Ana", "Where is my parcel?", 0.8);

        signIn("/", "rio", Role.RESPONDER);
        WebElement card = card(id);

        assertThat(card.findElement(By.cssSelector("button.approve")).isDisplayed()).isFalse();
        assertThat(card.findElement(By.cssSelector("button.reject")).isDisplayed()).isFalse();
        assertThat(card.findElement(By.cssSelector("button.edit")).isDisplayed()).isTrue();
        assertThat(card.findElement(By.cssSelector("button.save-labels")).isDisplayed()).isTrue();

        Map<String, Object> answer = fetchInPage("/api/tasks/" + id + "/approve", true);

        assertThat(answer.get("status")).isEqualTo(403L);
        assertThat((String) answer.get("error")).contains("approving a reply needs the approver role");
        assertThat(queue.task(id).state()).isEqualTo(TaskState.NEW);
    }

    @Test
    void aResponderProposesAnEditedDraftThatAnApproverThenFindsOnTheCard() {
        long id = queue.add("Ana", "Where is my parcel?", 0.8);
        signIn("/", "rio", Role.RESPONDER);

        card(id).findElement(By.cssSelector("button.edit")).click();
        WebElement editor = card(id).findElement(By.cssSelector("textarea.draft-editor"));
        editor.clear();
        editor.sendKeys("Hi Ana, it left our depot this morning.");
        card(id).findElement(By.cssSelector("button.propose")).click();

        // The card is built anew with the saved draft: the old one goes stale meanwhile.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> card(id)
                .findElement(By.cssSelector(".draft-text")).getText().equals("Hi Ana, it left our depot this morning."));
        assertThat(queue.task(id).state()).isEqualTo(TaskState.NEW);
        assertThat(queue.task(id).draft().text()).isEqualTo("Hi Ana, it left our depot this morning.");
        assertThat(queue.queries.history(id)).extracting(e -> e.actor() + " " + e.action())
                .containsExactly("rio draft-proposed");
    }

    @Test
    void aViewerSeesNeitherEditingNorDeciding() {
        long id = queue.add("Ana", "Where is my parcel?", 0.8);

        signIn("/", "vic", Role.VIEWER);
        WebElement card = card(id);

        assertThat(card.findElement(By.cssSelector("button.approve")).isDisplayed()).isFalse();
        assertThat(card.findElement(By.cssSelector("button.edit")).isDisplayed()).isFalse();
        assertThat(card.findElement(By.cssSelector(".relabel-form")).isDisplayed()).isFalse();
    }

    @Test
    void anApproverIsNotOfferedApproveAnywayButAnAdminIs() {
        long id = queue.add(new RunningQueue.NewTask("Ana", "I want my money back", 0.7, UrgencyLevel.HIGH,
                "We will refund you today.", List.of("hard: promises 'refund'"), Duration.ofMinutes(30)));
        signIn("/", "bea", Role.APPROVER);

        card(id).findElement(By.cssSelector("button.approve")).click();
        WebElement violations = wait.until(ExpectedConditions.visibilityOf(card(id).findElement(By.cssSelector(".violations"))));

        assertThat(violations.findElement(By.cssSelector("button.override")).isDisplayed()).isFalse();
        assertThat(violations.findElement(By.cssSelector(".override-note")).getText())
                .contains("Only an admin may approve past a hard rule");

        driver.manage().deleteAllCookies();
        signIn("/", "ada", Role.ADMIN);
        card(id).findElement(By.cssSelector("button.approve")).click();
        WebElement override = wait.until(ExpectedConditions.visibilityOf(card(id).findElement(By.cssSelector("button.override"))));
        override.click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#queue li.task[data-task-id='" + id + "']"), 0));

        assertThat(queue.task(id).decision().actor()).isEqualTo("ada");
        assertThat(queue.queries.history(id)).extracting(e -> e.actor() + " " + e.action()).contains("ada override");
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefusedEvenFromThePagesOwnOrigin() {
        long id = queue.add("Ana", "Where is my parcel?", 0.8);
        signIn("/", "bea", Role.APPROVER);
        card(id);

        Map<String, Object> answer = fetchInPage("/api/tasks/" + id + "/approve", false);

        assertThat(answer.get("status")).isEqualTo(403L);
        assertThat((String) answer.get("error")).contains("CSRF");
        assertThat(queue.task(id).state()).isEqualTo(TaskState.NEW);
    }

    @Test
    void approvingFromThePageRecordsTheSignedInPersonAndTheCardShowsItsAuditLog() {
        long id = queue.add("Ana", "Where is my parcel?", 0.8);
        long other = queue.add("Tom", "My card was charged twice", 0.9);
        queue.corrections.correct(other, null, UrgencyLevel.CRITICAL, "kim");
        signIn("/", "bea", Role.APPROVER);

        card(id).findElement(By.cssSelector("button.approve")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#queue li.task[data-task-id='" + id + "']"), 0));
        assertThat(queue.task(id).decision().actor()).isEqualTo("bea");

        card(other).findElement(By.cssSelector(".audit-log summary")).click();
        WebElement entry = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#queue li.task[data-task-id='" + other + "'] .audit-entries li")));
        assertThat(entry.findElement(By.cssSelector(".audit-actor")).getText()).isEqualTo("kim");
        assertThat(entry.findElement(By.cssSelector(".audit-action")).getText()).isEqualTo("corrected");
        assertThat(card(other).findElement(By.cssSelector(".audit-csv")).getAttribute("href"))
                .endsWith("/api/audit.csv?task=" + other);
    }

    @Test
    void aSecondTabIsSignedInTooAndSigningOutEndsTheSessionForBoth() {
        long id = queue.add("Ana", "Where is my parcel?", 0.8);
        signIn("/", "bea", Role.VIEWER);
        String first = driver.getWindowHandle();

        driver.switchTo().newWindow(WindowType.TAB);
        driver.get(queue.baseUrl() + "/tasks/" + id);
        assertThat(card(id).getAttribute("class")).contains("linked");
        assertThat(driver.findElement(By.id("who")).getText()).isEqualTo("bea · viewer");

        driver.findElement(By.id("sign-out-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-reason"), "You are signed out."));
        driver.close();
        driver.switchTo().window(first);

        driver.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        assertThat(driver.getCurrentUrl()).contains("/login");
    }
}
