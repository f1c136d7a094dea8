package org.rcrp.handover.web;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person does in the pages, for the browser tests. Queues and case pages refresh themselves,
 * so an element found a moment ago may have been replaced: clicks and reads are retried on a fresh find.
 */
final class BrowserSteps {

    private final WebDriver browser;
    private final String app;
    private final WebDriverWait waiting;

    BrowserSteps(WebDriver browser, String app) {
        this.browser = browser;
        this.app = app;
        this.waiting = new WebDriverWait(browser, Duration.ofSeconds(20));
        this.waiting.ignoring(StaleElementReferenceException.class);
    }

    /** Signs out whoever was signed in and signs in with the demo sign-in page. */
    void signIn(String user) {
        browser.manage().deleteAllCookies();
        open("/work");
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.id("sign-in")).click();
        waitFor(By.id("groups"));
    }

    void open(String path) {
        browser.get(app + path);
    }

    WebElement waitFor(By locator) {
        return waiting.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    void waitForText(By locator, String text) {
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    /** Waits longer, for what a clock or the job executor brings about. */
    void waitForText(By locator, String text, Duration atMost) {
        new WebDriverWait(browser, atMost).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    /** Clicks it in the middle of the window, as a person scrolls to it: never under a task page's sticky banner. */
    void click(By locator) {
        waiting.until(driver -> {
            WebElement element = driver.findElement(locator);
            centred(element).click();
            return true;
        });
    }

    /** GOV.UK radios and checkboxes are styled over an invisible input: present, not visible. */
    void choose(String inputId) {
        centred(waiting.until(ExpectedConditions.presenceOfElementLocated(By.id(inputId)))).click();
    }

    private WebElement centred(WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
        return element;
    }

    void type(String inputId, String text) {
        WebElement input = waitFor(By.id(inputId));
        input.clear();
        input.sendKeys(text);
    }

    String text(By locator) {
        return waiting.until(driver -> driver.findElement(locator).getText());
    }

    /** The row of a table that links to the call with this reference. */
    static By row(String tableId, String reference) {
        return By.xpath("//table[@id='" + tableId + "']//tr[td/a[text()='" + reference + "']]");
    }

    static By inRow(String tableId, String reference, String element) {
        return By.xpath("//table[@id='" + tableId + "']//tr[td/a[text()='" + reference + "']]//" + element);
    }
}
