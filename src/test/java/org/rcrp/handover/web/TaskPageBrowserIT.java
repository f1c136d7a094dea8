package org.rcrp.handover.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.inbox.WorkItem;
import org.rcrp.handover.intake.CaseUpdate;
import org.rcrp.handover.intake.NewCall;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.ReferralDecision;
import org.rcrp.handover.process.RejectionReason;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.referral.AcceptReferral;
import org.rcrp.handover.triage.AssessThreshold;
import org.springframework.test.context.TestPropertySource;

/**
 * Every task page under pressure (issue 23): a banner that stays in view with the task's clock, the case's grade and who is
 * responsible now; a "Latest" panel with what is new on the case, updating itself while the page is open; a warning before
 * the clock runs out. The partner's acknowledgement clock is a minute here, warned of 40 s before it runs out.
 */
@TestPropertySource(properties = {
        "rcrp.sla.partner-reminder=PT50S",
        "rcrp.sla.partner-acknowledgement=PT60S",
        "rcrp.task-clock.warn-before=PT40S"})
class TaskPageBrowserIT extends BrowserITBase {

    private static final Actor HANDLER1 = new Actor("handler1", Set.of("call-handlers"));
    private static final Actor HANDLER2 = new Actor("handler2", Set.of("call-handlers"));
    private static final Actor CRISIS_TEAM = new Actor("mhcrisis1", Set.of("mental-health"));
    private static final Actor OFFICER = new Actor("officer1", Set.of("response-officers"));
    private static final Duration REFRESH = Duration.ofSeconds(20);

    @Test
    void theOfficerSeesTheRiskTheCrisisTeamRaisedWithTheGradeAndClockInViewAndTheHandlerSeesTheRejectionArrive() {
        // The crisis team reports a rope at Hill Quarry, and police are sent at once.
        String attended = "CAD-T-" + shortId();
        String caseId = referredToTheCrisisTeam(attended, "Low risk: upset at home after an argument");
        WorkItem acceptance = waiting(caseId, CRISIS_TEAM, "user_accept_referral");
        tasks.claim(acceptance.id(), CRISIS_TEAM);
        tasks.complete(acceptance.id(), CRISIS_TEAM, new AcceptReferral(ReferralDecision.ACCEPT, null, "We will visit"));
        intake.addInformation(caseId, new CaseUpdate("Has a rope, at Hill Quarry", true, false, false), CRISIS_TEAM);
        WorkItem attend = waiting(caseId, OFFICER, "user_attend");
        tasks.claim(attend.id(), OFFICER);

        steps.signIn("officer1");
        steps.open("/work/" + attend.id());
        steps.waitFor(By.id("complete"));
        assertThat(steps.text(By.id("banner-grade"))).isEqualTo("Immediate");
        assertThat(steps.text(By.id("banner-responsible"))).isEqualTo("Police");
        assertThat(steps.text(By.id("task-clock"))).matches("in \\d+ min.*");
        assertThat(steps.text(By.id("latest"))).contains("Has a rope, at Hill Quarry").contains("mhcrisis1");
        PageChecks.check(browser, "task-attend");
        // Scrolled down to the outcome, the banner is still at the top of the window.
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.scrollTo(0, document.documentElement.scrollHeight);");
        assertThat(((Number) js.executeScript("return window.scrollY;")).longValue()).as("the page scrolls").isPositive();
        Number top = (Number) js.executeScript("return document.getElementById('task-banner').getBoundingClientRect().top;");
        assertThat(top.doubleValue()).as("the banner sticks to the top of the window").isBetween(-1.0, 1.0);
        assertThat(browser.findElement(By.id("task-banner")).isDisplayed()).isTrue();
        PageChecks.screenshot(browser, "task-attend-scrolled");

        // A handler asked to tell the caller who will help sees the partner reject, without reloading.
        String informed = "CAD-T-" + shortId();
        String informedCase = referredToTheCrisisTeam(informed, "Neighbour worried about the man at number 4");
        WorkItem inform = waiting(informedCase, HANDLER1, "user_inform_caller");
        tasks.claim(inform.id(), HANDLER1);
        steps.signIn("handler1");
        steps.open("/work/" + inform.id());
        steps.waitFor(By.id("complete"));
        assertThat(steps.text(By.id("banner-responsible"))).isEqualTo("Police");
        assertThat(steps.text(By.id("latest"))).contains("Nothing new since this task was created");
        js.executeScript("window.rcrpSamePage = true;");
        WorkItem rejection = waiting(informedCase, CRISIS_TEAM, "user_accept_referral");
        tasks.claim(rejection.id(), CRISIS_TEAM);
        tasks.complete(rejection.id(), CRISIS_TEAM, new AcceptReferral(ReferralDecision.REJECT, RejectionReason.NO_CAPACITY,
                "No one free tonight"));
        steps.waitForText(By.id("latest"), "No one free tonight", REFRESH);
        assertThat(steps.text(By.id("latest"))).contains("Referral rejected").doesNotContain("NO_CAPACITY");
        assertThat(browser.findElement(By.id("latest-status")).getAttribute("textContent")).contains("New on the case");
        assertThat(js.executeScript("return window.rcrpSamePage === true;")).as("Latest changed without a reload").isEqualTo(true);
        PageChecks.check(browser, "task-inform-caller-latest");
    }

    @Test
    void aPartnerSeesItsClockIsWarnedBeforeItRunsOutAndTheBannerTurnsRedWhenOverdue() {
        String reference = "CAD-T-" + shortId();
        String caseId = referredToTheCrisisTeam(reference, "Known to the crisis team; not answering the door");
        WorkItem acceptance = waiting(caseId, CRISIS_TEAM, "user_accept_referral");
        tasks.claim(acceptance.id(), CRISIS_TEAM);

        steps.signIn("mhcrisis1");
        steps.open("/work/" + acceptance.id());
        steps.waitFor(By.id("task-banner"));
        assertThat(steps.text(By.id("task-clock"))).startsWith("in ");
        assertThat(steps.text(By.id("banner-responsible"))).isEqualTo("Police");
        assertThat(steps.text(By.id("banner-grade"))).isNotBlank().doesNotContain("_");
        assertThat(browser.findElement(By.id("clock-warning")).isDisplayed()).as("no warning a minute before").isFalse();

        steps.waitFor(By.id("clock-warning"));
        assertThat(steps.text(By.id("clock-warning"))).contains("runs out");
        assertThat(browser.findElement(By.id("clock-alert")).getAttribute("textContent")).contains("runs out");
        PageChecks.assertAccessible(browser, "task-clock-warning");

        new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(By.id("task-banner")).getAttribute("class").contains("rcrp-task-banner--overdue"));
        assertThat(steps.text(By.id("task-clock"))).startsWith("overdue by");
        assertThat(browser.findElement(By.id("clock-alert")).getAttribute("textContent")).contains("has run out");
        PageChecks.check(browser, "task-clock-overdue");
        // The clock ended the task: the page says so where the user is reading, and keeps what was typed.
        steps.waitForText(By.id("latest-region"), "no longer open for you", REFRESH);
    }

    @Test
    void theTriagePageCarriesTheBannerToo() {
        String reference = "CAD-T-" + shortId();
        String caseId = intake.log(new NewCall(reference, Source.PUBLIC_999, Category.CONCERN_FOR_WELFARE, "Shouting heard next door",
                null, new NewCall.Subject("J Smith", 41, List.of()), null, null), HANDLER2).call().id();
        WorkItem triage = waiting(caseId, HANDLER1, "user_assess_threshold");
        tasks.claim(triage.id(), HANDLER1);
        steps.signIn("handler1");
        steps.open("/work/" + triage.id() + "/triage");
        steps.waitFor(By.id("task-banner"));
        assertThat(steps.text(By.id("banner-grade"))).isEqualTo("Not graded yet");
        assertThat(steps.text(By.id("banner-responsible"))).isEqualTo("Police");
        assertThat(steps.text(By.id("task-clock"))).matches("in \\d+ min.*");
    }

    private String referredToTheCrisisTeam(String reference, String summary) {
        String caseId = intake.log(new NewCall(reference, Source.PUBLIC_101, Category.CONCERN_FOR_WELFARE, summary, null,
                new NewCall.Subject("Adam Patel", 41, List.of(Agency.MENTAL_HEALTH)), null, null), HANDLER2).call().id();
        WorkItem triage = waiting(caseId, HANDLER2, "user_assess_threshold");
        tasks.claim(triage.id(), HANDLER2);
        tasks.complete(triage.id(), HANDLER2, AssessThreshold.answers(false, false, false, false, false, false,
                "Known to the crisis team; no threat to life"));
        return caseId;
    }

    private WorkItem waiting(String caseId, Actor actor, String key) {
        return org.awaitility.Awaitility.await().atMost(REFRESH).until(() -> tasks.available(actor).stream()
                .filter(item -> caseId.equals(item.callId()) && key.equals(item.key())).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }
}
