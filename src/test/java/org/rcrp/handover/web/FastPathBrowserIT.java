package org.rcrp.handover.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rcrp.handover.web.BrowserSteps.row;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.intake.CallRepository;
import org.rcrp.handover.intake.NewCall;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.support.WaitingTasks;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The fast path in Chromium on PostgreSQL (issue 23): a 999 risk-to-life call reaches police in two page loads from
 * "Log the call" (the triage opens claimed, with the police recommendation already shown, on its own 2-minute clock);
 * the recommendation and the plan follow the answers beside the questions; Confirm on answers whose recommendation was
 * not shown records nothing; the task a person's completion makes is theirs ("Held by you"). Prints the page loads and
 * clicks of the 999 and the routine 101 journeys (README, Pages).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FastPathBrowserIT extends BrowserITBase {

    private static final Actor HANDLER2 = new Actor("handler2", Set.of("call-handlers"));

    @Autowired
    CallRepository calls;
    @Autowired
    TaskService taskService;

    private JourneyCounter counter;
    private final String routine = "CAD-R-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    void openTheBrowser() {
        openTheApp();
        counter = new JourneyCounter(browser);
    }

    @Test
    @Order(1)
    void a999RiskToLifeCallReachesPoliceInTwoPageLoads() {
        steps.signIn("handler1");
        String urgent = "CAD-U-" + UUID.randomUUID().toString().substring(0, 8);
        steps.open("/calls/new");
        steps.waitFor(By.id("log-call"));
        assertThat(browser.findElement(By.id("immediateKind-riskToLife")).isDisplayed()).as("asked only after yes").isFalse();
        fillCall(urgent, "PUBLIC_999", "Screaming and sounds of fighting next door", false);
        counter.start(); // the clicks of the new question count; filling in the call does not (as before it)
        click(By.id("immediate-yes"));
        click(By.id("immediateKind-riskToLife"));
        PageChecks.check(browser, "log-call-fast-path");
        click(By.id("log"));

        // The triage, claimed for the handler, with police recommended on arrival: the answer given is kept.
        steps.waitFor(By.id("recommendation"));
        assertThat(steps.text(By.id("recommended"))).isEqualTo("Police attend, immediate");
        assertThat(browser.findElement(By.id("riskToLife-yes")).isSelected()).isTrue();
        assertThat(counter.pageLoads()).as("the log form's answer opened the triage").isEqualTo(1);
        Task triage = taskService.createTaskQuery().processInstanceBusinessKey(caseOf(urgent))
                .taskDefinitionKey(RcrpCallProcess.Elements.USER_ASSESS_THRESHOLD).singleResult();
        assertThat(triage.getAssignee()).isEqualTo("handler1");
        assertThat(Duration.between(triage.getCreateTime().toInstant(), triage.getDueDate().toInstant()))
                .as("a 999 call's own triage clock").isCloseTo(Duration.ofMinutes(2), Duration.ofSeconds(1));
        PageChecks.check(browser, "triage-fast-path");

        for (String question : new String[] {"crime", "seriousHarm", "childAtRisk", "missingPerson", "medicalEmergency"}) {
            click(By.id(question + "-no"));
        }
        steps.type("rationale", "Screaming and fighting heard by the caller: risk to life");
        awaitRecommendationShown();
        click(By.id("confirm"));
        steps.waitForText(By.tagName("main"), "Triage recorded for " + urgent);

        assertThat(tasksOf(urgent, RcrpCallProcess.Elements.USER_ATTEND)).as("police have a task").isEqualTo(1);
        long loads = counter.pageLoads();
        System.out.printf("FAST-PATH journey A (999 risk to life -> police task): %d page loads, %d clicks%n", loads, counter.clicks());
        assertThat(loads).as("page loads from submitting the 999 risk-to-life call to a police task").isLessThanOrEqualTo(2);
    }

    @Test
    @Order(2)
    void aRoutine101CallIsReferredToTheCrisisTeamAndTheHandlerHoldsTellingTheCaller() {
        steps.open("/calls/new");
        steps.waitFor(By.id("log-call"));
        fillCall(routine, "PUBLIC_101", "Mother worried: son known to the crisis team low and not answering", true);
        counter.start();
        click(By.id("immediate-no"));
        click(By.id("log"));

        steps.waitFor(By.id("no-recommendation"));
        for (String question : new String[] {"riskToLife", "crime", "seriousHarm", "childAtRisk", "missingPerson", "medicalEmergency"}) {
            click(By.id(question + "-no"));
        }
        steps.type("rationale", "Known to the crisis team; no threshold met");
        awaitRecommendationShown();
        assertThat(steps.text(By.id("recommended"))).isEqualTo("Refer to a partner: Mental health crisis team");
        click(By.id("confirm"));
        steps.waitForText(By.tagName("main"), "Triage recorded for " + routine);
        assertThat(tasksOf(routine, PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL)).as("the crisis team has it").isEqualTo(1);
        System.out.printf("FAST-PATH journey B (101 routine -> crisis team referral): %d page loads, %d clicks%n",
                counter.pageLoads(), counter.clicks());

        // The task the triage made for the handler's own group is theirs: held by them, not in the queue.
        steps.waitFor(row("mine", routine));
        assertThat(steps.text(row("mine", routine))).contains("Inform caller");
        assertThat(browser.findElements(row("available", routine))).isEmpty();
    }

    @Test
    @Order(3)
    void confirmOnAnswersWhoseRecommendationWasNotShownRecordsNothing() {
        String reference = "CAD-C-" + UUID.randomUUID().toString().substring(0, 8);
        String caseId = intake.log(new NewCall(reference, Source.PUBLIC_101, Category.CONCERN_FOR_WELFARE,
                "Neighbour worried about a man not seen for two days", null, null, null, null), HANDLER2).call().id();
        String triage = WaitingTasks.of(tasks, caseId, HANDLER2).id();
        tasks.claim(triage, HANDLER2);
        steps.signIn("handler2");
        steps.open("/work/" + triage + "/triage");
        steps.waitFor(By.id("no-recommendation"));

        // Errors in the page's words, never a field's name.
        click(By.id("confirm-end"));
        steps.waitFor(By.id("error-summary"));
        assertThat(steps.text(By.id("error-summary"))).contains("Select yes if there is a real and immediate risk to someone’s life")
                .contains("Enter your rationale").doesNotContain("riskToLife").doesNotContain("is required");
        assertThat(browser.findElement(By.cssSelector("label[for=overrideRoute]")).getAttribute("textContent").strip())
                .as("the override reads in words").isEqualTo("What should happen instead");
        PageChecks.assertAccessible(browser, "triage-errors");

        // The recommendation follows the answers without a page load.
        counter.start();
        for (String question : new String[] {"riskToLife", "crime", "seriousHarm", "childAtRisk", "missingPerson", "medicalEmergency"}) {
            click(By.id(question + "-no"));
        }
        steps.type("rationale", "Not seen for two days; no threat");
        awaitRecommendationShown();
        assertThat(steps.text(By.id("recommended"))).isEqualTo("Advice and close");
        click(By.id("crime-yes"));
        steps.waitForText(By.id("recommended"), "Police attend");
        awaitRecommendationShown();
        assertThat(counter.pageLoads()).as("no page load while answering").isZero();
        PageChecks.check(browser, "triage-live-recommendation");
        String policeShown = (String) ((JavascriptExecutor) browser).executeScript(
                "return document.getElementById('shownRecommendation').value;");

        // Confirm carrying what was shown for other answers (police) than those sent (no crime): nothing recorded.
        click(By.id("crime-no"));
        steps.waitForText(By.id("recommended"), "Advice and close");
        awaitRecommendationShown();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('shownRecommendation').value = arguments[0];", policeShown);
        click(By.id("confirm-end"));
        steps.waitFor(By.id("not-shown"));
        assertThat(steps.text(By.id("not-shown"))).contains("Nothing was recorded yet").contains("changed the recommendation");
        assertThat(steps.text(By.id("recommended"))).isEqualTo("Advice and close");
        assertThat(taskService.createTaskQuery().taskId(triage).count()).as("still waiting for triage").isEqualTo(1);
        assertThat(steps.text(By.id("rationale"))).isEqualTo("Not seen for two days; no threat");

        click(By.id("confirm"));
        steps.waitForText(By.tagName("main"), "Triage recorded for " + reference);
        assertThat(taskService.createTaskQuery().taskId(triage).count()).isZero();
    }

    private void awaitRecommendationShown() {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> !((String) ((JavascriptExecutor) driver).executeScript(
                "return document.getElementById('shownRecommendation').value;")).isEmpty());
    }

    private String caseOf(String reference) {
        return calls.findByReference(reference).orElseThrow().id();
    }

    private long tasksOf(String reference, String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(caseOf(reference)).taskDefinitionKey(key).count();
    }

    private void click(By locator) {
        counter.clicked();
        steps.click(locator);
    }

    private void fillCall(String reference, String source, String summary, boolean knownToCrisisTeam) {
        steps.type("reference", reference);
        steps.choose("source-" + source);
        steps.choose("category-CONCERN_FOR_WELFARE");
        steps.type("summary", summary);
        steps.type("location.description", "14 Hill Road");
        steps.type("subject.name", "Sam Reed");
        steps.type("subject.ageYears", "34");
        if (knownToCrisisTeam) {
            steps.choose("knownTo-MENTAL_HEALTH");
        }
    }
}
