package org.earshot.web;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Signing in as a person does: open a page of the queue, land on the sign-in form, type, submit. */
final class BrowserSignIn {
    private BrowserSignIn() {
    }

    /** Opens {@code url}, signs in on the form it sends to, and waits until the queue shows who is signed in. */
    static void signIn(WebDriver driver, WebDriverWait wait, String url, String name, String password) {
        driver.get(url);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-name"))).sendKeys(name);
        driver.findElement(By.id("login-password")).sendKeys(password);
        driver.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), name));
    }
}
