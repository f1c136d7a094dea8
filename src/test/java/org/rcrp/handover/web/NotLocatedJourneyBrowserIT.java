package org.rcrp.handover.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rcrp.handover.web.BrowserSteps.inRow;
import static org.rcrp.handover.web.BrowserSteps.row;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.inbox.WorkItem;
import org.rcrp.handover.intake.NewCall;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.support.WaitingTasks;
import org.rcrp.handover.triage.AssessThreshold;

/**
 * The crisis team finds nobody, in a real browser (headless chromium) on PostgreSQL: it accepts the referral, visits,
 * records NO_CONTACT; the case is back with police in the supervisor's escalations as NOT_LOCATED; closing needs the
 * whereabouts; the supervisor opens a missing-person risk assessment, which appears in the supervisors' work. Every
 * page visited passes axe-core with no serious or critical violation and fits its screen.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotLocatedJourneyBrowserIT extends BrowserITBase {

    private static final Actor HANDLER2 = new Actor("handler2", Set.of("call-handlers"));

    private final String reference = "CAD-N-" + UUID.randomUUID().toString().substring(0, 8);

    /** A concern for welfare about a man known to the crisis team, triaged to it. */
    @BeforeAll
    void referACaseToTheCrisisTeam() {
        openTheApp();
        String caseId = intake.log(new NewCall(reference, Source.PUBLIC_101, Category.CONCERN_FOR_WELFARE,
                "Sister worried: brother stopped answering after a hospital discharge", null,
                new NewCall.Subject("Tom Reid", 35, List.of(Agency.MENTAL_HEALTH)), null, null), HANDLER2).call().id();
        WorkItem triage = WaitingTasks.of(tasks, caseId, HANDLER2);
        tasks.claim(triage.id(), HANDLER2);
        tasks.complete(triage.id(), HANDLER2, AssessThreshold.answers(false, false, false, false, false, false,
                "Known to the crisis team; no threat to life reported"));
    }

    private void claimAndWorkOn(String table) {
        steps.click(inRow(table, reference, "button[@data-claim-and-open]")); // claim and open: straight to the task
        steps.waitFor(By.id("complete"));
    }

    private void workOnHeld() {
        steps.click(inRow("mine", reference, "a[text()='Work on it']"));
        steps.waitFor(By.id("complete"));
    }

    @Test
    @Order(1)
    void theCrisisTeamAcceptsVisitsAndRecordsNoContact() {
        browser.manage().window().setSize(PageChecks.TABLET);
        steps.signIn("mhcrisis1");
        steps.waitFor(row("available", reference));
        claimAndWorkOn("available");
        steps.choose("decision-ACCEPT");
        steps.type("note", "Crisis team will visit this afternoon");
        steps.click(By.id("complete"));
        steps.waitForText(By.tagName("main"), "Done: " + reference);

        // Accepting made the outcome task for the person who accepted: held by them already.
        steps.waitFor(row("mine", reference));
        assertThat(steps.text(row("mine", reference))).contains("Record partner outcome");
        workOnHeld();
        steps.choose("outcome-NO_CONTACT");
        steps.type("note", "Visited 15:10: no answer, curtains drawn, phone off");
        PageChecks.check(browser, "partner-outcome-no-contact-tablet");
        steps.click(By.id("complete"));
        steps.waitForText(By.tagName("main"), "Done: " + reference);
    }

    @Test
    @Order(2)
    void theCaseIsBackWithPoliceInTheSupervisorsEscalationsAsNotLocated() {
        browser.manage().window().setSize(PageChecks.CONTROL_ROOM);
        steps.signIn("supervisor1");
        steps.open("/escalations");
        steps.waitFor(row("escalations", reference));
        assertThat(steps.text(row("escalations", reference))).contains("Person not located").contains("Missing-person risk assessment:")
                .doesNotContain("Refer to another agency");
        PageChecks.check(browser, "escalations-not-located");

        steps.click(By.linkText(reference));
        steps.waitFor(By.id("not-located"));
        assertThat(steps.text(By.id("state"))).isEqualTo("With a police supervisor");
        assertThat(steps.text(By.id("responsible"))).isEqualTo("Police");
        assertThat(steps.text(By.id("not-located"))).contains("Whereabouts unknown").contains("The lead partner");
        PageChecks.check(browser, "case-not-located");
    }

    @Test
    @Order(3)
    void theSupervisorCannotCloseWithoutTheWhereaboutsAndOpensAMissingPersonAssessment() {
        steps.open("/escalations");
        steps.click(inRow("escalations", reference, "button[@data-claim-and-open]")); // claim and open: straight to the decision

        steps.waitFor(By.id("complete"));
        steps.choose("action-CLOSE");
        steps.type("note", "He will turn up");
        steps.click(By.id("complete"));
        steps.waitFor(By.id("error-summary"));
        assertThat(steps.text(By.id("error-summary"))).contains("whereabouts");
        PageChecks.check(browser, "supervisor-review-not-located");

        steps.choose("action-MISSING_PERSON");
        steps.type("note", "Recent discharge, phone off: missing-person risk assessment");
        steps.click(By.id("complete"));
        steps.waitForText(By.tagName("main"), "Done: " + reference);

        // The supervisor's decision made the assessment for their own group: held by them already.
        steps.open("/work");
        steps.waitFor(row("mine", reference));
        assertThat(steps.text(row("mine", reference))).contains("Missing-person risk assessment");
        workOnHeld();
        assertThat(browser.findElement(By.id("riskLevel-HIGH"))).isNotNull();
        assertThat(browser.findElement(By.id("located-false"))).isNotNull();
        PageChecks.check(browser, "missing-person-assessment");
    }
}
