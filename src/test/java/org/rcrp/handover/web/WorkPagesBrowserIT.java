package org.rcrp.handover.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rcrp.handover.web.BrowserSteps.inRow;
import static org.rcrp.handover.web.BrowserSteps.row;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.inbox.WorkItem;
import org.rcrp.handover.intake.NewCall;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.support.WaitingTasks;
import org.rcrp.handover.triage.AssessThreshold;

/**
 * The pages the four journeys do not reach, in a real browser (headless Debian chromium) on
 * PostgreSQL: the sign-in page; queues that change under the user's eyes (a new call appears, a task
 * claimed by a colleague disappears, without reloading); advice and close with the caller told; police
 * attendance ending in an s136 detention and the hospital accepting the handover; new information from
 * the case page. Every page passes axe-core with no serious or critical violation and fits the screen.
 */
class WorkPagesBrowserIT extends BrowserITBase {

    private static final Actor HANDLER2 = new Actor("handler2", Set.of("call-handlers"));
    private static final Duration REFRESH = Duration.ofSeconds(20);

    @Test
    void theQueueShowsNewWorkAndDropsWhatAColleagueClaimedWithoutReloading() {
        browser.manage().deleteAllCookies();
        steps.open("/work");
        steps.waitFor(By.id("username"));
        assertThat(browser.getPageSource()).contains("Demo sign-in").contains("demo users only");
        PageChecks.assertAccessible(browser, "sign-in");
        PageChecks.assertFits(browser, "sign-in");
        steps.signIn("handler1");
        assertThat(steps.text(By.id("groups"))).isEqualTo("Groups: call handler");
        ((JavascriptExecutor) browser).executeScript("window.rcrpSamePage = true;");

        String reference = "CAD-Q-" + shortId();
        String caseId = log(reference, Category.CONCERN_FOR_WELFARE, "Neighbour not seen for two days");
        steps.waitForText(By.id("queues"), reference, REFRESH);
        assertThat(steps.text(row("available", reference))).contains("Assess threshold").contains("Concern for welfare")
                .containsPattern("in \\d+ min");

        WorkItem triage = WaitingTasks.of(tasks, caseId, HANDLER2);
        tasks.claim(triage.id(), HANDLER2);
        new WebDriverWait(browser, REFRESH).until(ExpectedConditions.invisibilityOfElementLocated(row("available", reference)));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.rcrpSamePage === true;"))
                .as("the queue changed without the page reloading").isEqualTo(true);

        tasks.unclaim(triage.id(), HANDLER2);
        steps.waitForText(By.id("queues"), reference, REFRESH);
        steps.click(inRow("available", reference, "button")); // claim and open: straight to triage
        steps.waitFor(By.id("rationale"));
        steps.open("/work");
        steps.click(By.xpath("//table[@id='mine']//a[text()='" + reference + "']"));
        steps.waitFor(By.id("state"));
        assertThat(steps.text(By.xpath("//table[@id='open-tasks']//tr[td[text()='Assess threshold']]")))
                .as("the case shows who holds its triage").contains("handler1");
        assertThat(steps.text(By.id("timeline"))).contains("Call logged").doesNotContain("CALL_LOGGED");
        PageChecks.check(browser, "case-triage");

        // Triage to advice and close: nothing typed is lost on an error.
        steps.open("/work");
        steps.click(inRow("mine", reference, "a[text()='Assess']"));
        steps.waitFor(By.id("rationale"));
        PageChecks.assertAccessible(browser, "triage");
        for (String question : new String[] {"riskToLife", "seriousHarm", "childAtRisk", "crime", "missingPerson"}) {
            steps.choose(question + "-no");
        }
        steps.type("rationale", "Neighbour's concern only; no threat, not missing");
        steps.click(By.id("confirm"));
        steps.waitFor(By.id("error-summary"));
        assertThat(steps.text(By.id("error-summary"))).contains("Select yes if there is a medical emergency");
        assertThat(steps.text(By.id("rationale"))).isEqualTo("Neighbour's concern only; no threat, not missing");
        assertThat(browser.findElement(By.id("crime-no")).isSelected()).isTrue();
        PageChecks.assertAccessible(browser, "triage-errors");
        steps.choose("medicalEmergency-no");
        steps.click(By.id("check"));
        steps.waitFor(By.id("recommendation"));
        assertThat(steps.text(By.id("recommendation"))).contains("Advice and close").contains("advise the caller");
        steps.click(By.id("confirm"));
        steps.waitForText(By.tagName("main"), "Triage recorded for " + reference);

        // Inform the caller: the triage made it for the handler who triaged (held by them already); a caller not
        // reached needs a note; then the advice-only case closes.
        steps.click(inRow("mine", reference, "a[text()='Work on it']"));
        steps.choose("method-NOT_REACHABLE");
        PageChecks.check(browser, "inform-caller");
        steps.click(By.id("complete"));
        steps.waitFor(By.id("error-summary"));
        assertThat(steps.text(By.id("error-summary"))).contains("Enter what was said, or what you tried when the caller could not be reached");
        assertThat(browser.findElement(By.id("method-NOT_REACHABLE")).isSelected()).isTrue();
        steps.choose("method-PHONE");
        steps.type("note", "Advised NHS 111 option 2; call back if worse");
        steps.click(By.id("complete"));
        steps.waitForText(By.tagName("main"), "Done: " + reference);

        steps.click(By.linkText(reference));
        steps.waitForText(By.id("state"), "Closed");
        assertThat(steps.text(By.id("timeline"))).contains("Caller informed by phone");
        assertThat(browser.findElements(By.id("add-information"))).as("a closed case takes no new information").isEmpty();
        PageChecks.check(browser, "case-closed");
    }

    @Test
    void officersAttendARiskToLifeDetainUnderS136AndTheHospitalAcceptsTheHandover() {
        String reference = "CAD-P-" + shortId();
        String caseId = log(reference, Category.CONCERN_FOR_WELFARE, "Man on the bridge parapet threatening to jump");
        WorkItem triage = WaitingTasks.of(tasks, caseId, HANDLER2);
        tasks.claim(triage.id(), HANDLER2);
        tasks.complete(triage.id(), HANDLER2, AssessThreshold.answers(false, true, false, false, false, false,
                "Real and immediate risk to life"));

        steps.signIn("officer1");
        steps.waitForText(By.id("queues"), reference, REFRESH);
        assertThat(steps.text(row("available", reference))).contains("Attend");
        steps.click(inRow("available", reference, "button[@data-claim-and-open]")); // claim and open: straight to the task
        steps.waitFor(By.id("complete"));
        assertThat(steps.text(By.id("facts"))).contains("Man on the bridge parapet");
        PageChecks.check(browser, "attend");
        steps.choose("outcome-S136_DETENTION");
        steps.type("note", "Detained under s136; conveyed by ambulance to the place of safety");
        steps.click(By.id("complete"));
        steps.waitForText(By.tagName("main"), "Done: " + reference);
        // The hour starts at the arrival, which the officer records on arriving at the place of safety: the task is
        // theirs already, made by their own detention
        steps.waitForText(By.id("queues"), reference, REFRESH);
        steps.click(inRow("mine", reference, "a[text()='Work on it']"));
        steps.waitFor(By.id("complete"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(By.id("arrivedAt")), java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/London"))
                        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString());
        steps.choose("placeOfSafety-HEALTH_BASED");
        steps.choose("conveyance-AMBULANCE");
        PageChecks.check(browser, "s136-record-arrival");
        steps.click(By.id("complete"));
        steps.waitForText(By.tagName("main"), "Done: " + reference);

        // New information from the case page while the person waits at the place of safety: a refused
        // update keeps what was typed; an accepted one is on the timeline.
        steps.signIn("handler1");
        steps.open("/cases/" + caseId);
        steps.waitForText(By.id("state"), "Handover to a place of safety");
        steps.click(By.id("add-information"));
        steps.waitFor(By.id("error-summary"));
        assertThat(steps.text(By.id("error-summary"))).contains("Enter the new information");
        PageChecks.assertAccessible(browser, "case-update-errors");
        steps.type("note", "Sister called: he has his medication with him");
        steps.click(By.id("add-information"));
        steps.waitForText(By.id("message"), "New information recorded.");
        steps.waitForText(By.id("timeline"), "Sister called: he has his medication with him");

        steps.signIn("hospital1");
        steps.waitForText(By.id("queues"), reference, REFRESH);
        steps.click(inRow("available", reference, "button[@data-claim-and-open]")); // claim and open: straight to the task
        steps.waitFor(By.id("complete"));
        PageChecks.check(browser, "s136-handover");
        steps.type("note", "Handed over to the place-of-safety nurse");
        steps.click(By.id("complete"));
        steps.waitForText(By.tagName("main"), "Done: " + reference);
        // The detention lasts until the assessment ends: the hospital records it (held by whoever took the handover),
        // and its part ends there
        steps.waitForText(By.id("queues"), reference, REFRESH);
        steps.click(inRow("mine", reference, "a[text()='Work on it']"));
        steps.waitFor(By.id("complete"));
        steps.choose("outcome-DISCHARGED_WITH_FOLLOW_UP");
        steps.click(By.id("complete"));
        steps.waitForText(By.tagName("main"), "Done: " + reference);
        // The handover ends the hospital's part: what it recorded stays on its page, not police's update.
        steps.click(By.linkText(reference));
        steps.waitForText(By.id("timeline"), "Handed over to the place-of-safety nurse");
        assertThat(steps.text(By.id("part-ended"))).contains("part in this case has ended");
        assertThat(steps.text(By.id("timeline"))).doesNotContain("Sister called");
        PageChecks.check(browser, "case-handover");
    }

    private String log(String reference, Category category, String summary) {
        return intake.log(new NewCall(reference, Source.PUBLIC_999, category, summary, null,
                new NewCall.Subject("J Smith", 41, List.of()), null, null), HANDLER2).call().id();
    }
}
