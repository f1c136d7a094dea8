package org.rcrp.handover.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.intake.NewCall;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.Source;
import org.springframework.test.context.TestPropertySource;

/**
 * A control room that looks away: new urgent work shows in the window's title (and, only if the user switched them on, a
 * sound or a browser notification); a session about to end says so, and "Stay signed in" keeps it. Sessions here end after
 * 90 s without the user doing anything (the pages' own refreshes do not count), with the warning 60 s before.
 */
@TestPropertySource(properties = {
        "server.servlet.session.timeout=90s",
        "rcrp.session.warn-before=PT60S"})
class SessionAndAttentionBrowserIT extends BrowserITBase {

    private static final Actor HANDLER2 = new Actor("handler2", Set.of("call-handlers"));

    @Test
    void newUrgentWorkShowsInTheTitleAndTheSessionWarnsBeforeItEndsAndStaysSignedIn() {
        steps.signIn("handler1");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        long loaded = System.currentTimeMillis();
        assertThat(browser.getTitle()).isEqualTo("Your work – RCRP Handover");
        // Sound and notifications are the user's choice, off until chosen.
        steps.waitFor(By.id("attention-settings"));
        assertThat(browser.findElement(By.id("attention-sound")).isSelected()).isFalse();
        assertThat(browser.findElement(By.id("attention-notify")).isSelected()).isFalse();

        String reference = "CAD-A-" + UUID.randomUUID().toString().substring(0, 8);
        intake.log(new NewCall(reference, Source.PUBLIC_999, Category.CONCERN_FOR_WELFARE, "Screaming, sounds of fighting", null,
                new NewCall.Subject("J Smith", 41, List.of()), null, null), HANDLER2);
        steps.waitForText(By.id("queues"), reference, Duration.ofSeconds(20));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver -> driver.getTitle().startsWith("(1) "));
        assertThat(browser.getTitle()).isEqualTo("(1) Your work – RCRP Handover");
        browser.findElement(By.tagName("h1")).click(); // seen
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver -> driver.getTitle().equals("Your work – RCRP Handover"));
        PageChecks.check(browser, "work-attention");

        // The warning comes a minute before the 90 s are up, and takes the focus.
        steps.waitForText(By.id("session-warning"), "signed out", Duration.ofSeconds(60));
        assertThat(browser.findElement(By.id("session-warning")).isDisplayed()).isTrue();
        assertThat(js.executeScript("return document.getElementById('session-warning').contains(document.activeElement);"))
                .as("focus is in the warning").isEqualTo(true);
        PageChecks.check(browser, "session-warning");
        browser.findElement(By.id("stay-signed-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> !driver.findElement(By.id("session-warning")).isDisplayed());

        // Past the 90 s the first page had, the user is still signed in.
        long expiredWithoutIt = loaded + Duration.ofSeconds(95).toMillis();
        new WebDriverWait(browser, Duration.ofSeconds(110)).pollingEvery(Duration.ofSeconds(1))
                .until(driver -> System.currentTimeMillis() > expiredWithoutIt);
        steps.open("/work");
        steps.waitFor(By.id("groups"));
        assertThat(browser.getTitle()).doesNotContain("Sign in");
    }
}
