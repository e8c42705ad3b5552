package org.earshot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.earshot.domain.UrgencyLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** How the queue page in a real headless Chromium shows a draft's warnings, and an edit's as the person types. */
class QueueDraftWarningsIT {

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

    private WebElement card(long id) {
        driver.get(queue.baseUrl() + "/#token=" + RunningQueue.TOKEN);
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#queue li.task[data-task-id='" + id + "']")));
    }

    @Test
    void hardWarningsStandOutAndNoticesAreMarkedAsNotices() {
        long id = queue.add(new RunningQueue.NewTask("Jo", "My lawyer will call you", 0.9, UrgencyLevel.CRITICAL,
                "Hi Jo, we'll refund you today.", List.of("escalate: legal ('my lawyer') → the legal team",
                        "hard: promises 'refund'"), Duration.ofMinutes(30)));
        WebElement card = card(id);

        List<WebElement> items = card.findElements(By.cssSelector(".warnings li"));
        assertThat(items).extracting(WebElement::getText).containsExactly(
                "escalate: legal ('my lawyer') → the legal team", "hard: promises 'refund'");
        assertThat(items).extracting(e -> e.getAttribute("class")).containsExactly("warning-notice", "warning-hard");
        assertThat(items).extracting(e -> e.getAttribute("data-rule")).containsExactly("escalate", "promise-outside-policy");
    }

    @Test
    void anEditIsCheckedAgainstTheRulesWhileThePersonTypes() {
        long id = queue.add(new RunningQueue.NewTask("Ana", "Where is my parcel?", 0.8, UrgencyLevel.NORMAL,
                "Hi Ana, your parcel left our depot this morning; you'll hear back within 4 hours.", List.of(),
                Duration.ofMinutes(30)));
        WebElement card = card(id);
        assertThat(card.findElement(By.cssSelector(".warnings")).isDisplayed()).isFalse();

        card.findElement(By.cssSelector("button.edit")).click();
        WebElement editor = card.findElement(By.cssSelector("textarea.draft-editor"));
        wait.until(ExpectedConditions.visibilityOf(editor));
        editor.clear();
        editor.sendKeys("No. We will send you a voucher.");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#queue li.task[data-task-id='" + id + "'] .warnings"), "hard: promises 'voucher'"));
        assertThat(card.findElement(By.cssSelector(".warnings")).getText())
                .contains("does not use the person's name (Ana)");
    }
}
