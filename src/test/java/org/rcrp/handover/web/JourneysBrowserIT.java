package org.rcrp.handover.web;

import org.rcrp.handover.support.WaitingTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rcrp.handover.web.BrowserSteps.inRow;
import static org.rcrp.handover.web.BrowserSteps.row;

import java.time.Duration;
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
import org.openqa.selenium.JavascriptExecutor;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.inbox.WorkItem;
import org.rcrp.handover.intake.NewCall;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.triage.AssessThreshold;
import org.springframework.test.context.TestPropertySource;

/**
 * The four journeys of the web UI in a real browser (headless Debian chromium) on PostgreSQL, with
 * the partner clocks shortened by configuration. Every page visited passes axe-core with no serious or
 * critical violation and fits a 1366×768 control-room screen; the partner's pages also fit a tablet.
 * The main pages are photographed into docs/screenshots for the README.
 */
@TestPropertySource(properties = {
        "rcrp.sla.partner-reminder=PT20S",
        "rcrp.sla.partner-acknowledgement=PT40S"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneysBrowserIT extends BrowserITBase {

    private static final Actor HANDLER2 = new Actor("handler2", Set.of("call-handlers"));
    private static final Duration ESCALATION = Duration.ofSeconds(90);

    private final String reference = "CAD-J-" + UUID.randomUUID().toString().substring(0, 8);
    private final String silentReference = "CAD-S-" + UUID.randomUUID().toString().substring(0, 8);
    /** Earlier calls the AWOL call's triage page shows: about the patient (within 24 h), and from the ward's number about another. */
    private final String aboutThePatient = "CAD-E-" + UUID.randomUUID().toString().substring(0, 8);
    private final String fromTheWard = "CAD-W-" + UUID.randomUUID().toString().substring(0, 8);

    /** Social care never answers this referral: its clock runs while the other journeys do. */
    @BeforeAll
    void referACaseSocialCareWillNotAnswer() {
        openTheApp();
        String caseId = intake.log(new NewCall(silentReference, Source.PUBLIC_101, Category.CONCERN_FOR_WELFARE,
                "Carer worried: older man not answering the door", null,
                new NewCall.Subject("R Jones", 81, List.of(Agency.SOCIAL_CARE)), null, null), HANDLER2).call().id();
        WorkItem triage = WaitingTasks.of(tasks, caseId, HANDLER2);
        tasks.claim(triage.id(), HANDLER2);
        tasks.complete(triage.id(), HANDLER2, AssessThreshold.answers(false, false, false, false, false, false,
                "Known to adult social care; no threat to life"));
        intake.log(new NewCall(aboutThePatient, Source.PUBLIC_101, Category.CONCERN_FOR_WELFARE,
                "Mother worried: son not answering his phone since yesterday", null,
                new NewCall.Subject("Adam Patel", 41, List.of(Agency.MENTAL_HEALTH)), null, null), HANDLER2);
        intake.log(new NewCall(fromTheWard, Source.PARTNER, Category.CONCERN_FOR_WELFARE, "Ward asks for a welfare check on a discharged patient",
                null, new NewCall.Subject("Bea Khan", 67, List.of()), new NewCall.Caller("Ward 4 nurse in charge", "01632 960 123", "nurse"),
                null), HANDLER2);
    }

    @Test
    @Order(1)
    void aHandlerLogsAnAwolCallAndTriagesItToTheMentalHealthTrust() {
        browser.manage().window().setSize(PageChecks.CONTROL_ROOM);
        steps.signIn("handler1");
        PageChecks.check(browser, "work-queues");

        steps.click(By.linkText("Log a call"));
        steps.waitFor(By.id("log-call"));
        assertThat(browser.findElement(By.id("awol.retakeExpiry")).isDisplayed()).as("AWOL details hidden until AWOL").isFalse();
        steps.choose("category-AWOL");
        steps.waitFor(By.id("awol.retakeExpiry"));
        steps.type("reference", reference);
        steps.choose("source-PUBLIC_999");
        steps.choose("awol.hospitalSearched-yes");
        steps.type("subject.ageYears", "forty");
        steps.click(By.id("log"));

        // Refused with every answer kept and each problem next to its input.
        steps.waitFor(By.id("error-summary"));
        assertThat(steps.text(By.id("error-summary"))).contains("Enter the person's age as a whole number of years, from 0 to 130")
                .contains("Enter the date the power to retake the patient expires").contains("Enter what has happened, in the caller's words");
        assertThat(browser.findElement(By.id("reference")).getAttribute("value")).isEqualTo(reference);
        assertThat(browser.findElement(By.id("category-AWOL")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("awol.hospitalSearched-yes")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("subject.ageYears")).getAttribute("value")).isEqualTo("forty");
        PageChecks.check(browser, "log-call-errors");

        steps.type("subject.ageYears", "40");
        steps.type("subject.name", "Adam Patel");
        java.time.LocalDate retakeExpiry = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).plusDays(14);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('awol.retakeExpiry').value = '"
                + retakeExpiry + "'"); // a lapsed power is refused
        steps.type("awol.mhaSection", "s2");
        steps.choose("awol.partThree-no");
        steps.choose("awol.dangerous-no");
        steps.choose("awol.particularlyVulnerable-no");
        steps.choose("knownTo-MENTAL_HEALTH");
        steps.type("summary", "Ward reports patient absent without leave since 14:00; grounds searched");
        steps.type("caller.name", "Ward 4 nurse in charge");
        steps.type("caller.phone", "01632 960 123");
        steps.click(By.id("log"));

        steps.waitForText(By.id("message"), "Logged " + reference);
        assertThat(steps.text(By.id("state"))).isEqualTo("Waiting for triage");
        assertThat(steps.text(By.id("awol-details"))).contains("s2").contains(retakeExpiry.toString()).contains("hospital searched");
        steps.click(By.xpath("//table[@id='open-tasks']//button[@data-claim-and-open]")); // claim and open: straight to triage

        steps.waitFor(By.id("rationale"));
        assertThat(steps.text(By.id("facts"))).contains("Ward reports patient absent without leave");
        // What was known or knowable, first: the earlier call about him (within 24 h), and one from the ward's number about another.
        assertThat(steps.text(By.id("previous-contacts"))).contains(aboutThePatient).contains("Within 24 h").contains("Name and age")
                .contains(fromTheWard).contains("Phone only").contains("Bea Khan, 67");
        for (String question : new String[] {"riskToLife", "seriousHarm", "childAtRisk", "crime", "missingPerson", "medicalEmergency"}) {
            steps.choose(question + "-no");
        }
        steps.type("rationale", "AWOL s2 patient, not Part III, not dangerous or vulnerable; trust has searched");
        steps.click(By.id("check"));
        steps.waitFor(By.id("recommendation"));
        assertThat(steps.text(By.id("recommendation"))).contains("Refer to a partner: Mental health crisis team")
                .contains("the detaining trust searches");
        PageChecks.check(browser, "triage-recommendation");
        steps.click(By.id("confirm"));

        steps.waitForText(By.tagName("main"), "Triage recorded for " + reference);
        steps.click(By.linkText(reference));
        steps.waitForText(By.id("state"), "Referred to a partner");
        assertThat(steps.text(By.id("responsible"))).as("police own the person until a partner accepts").isEqualTo("Police");
        assertThat(steps.text(By.id("open-tasks"))).contains("Accept referral").contains("mental health crisis team");
        PageChecks.check(browser, "case-referred");
    }

    @Test
    @Order(2)
    void theCrisisTeamAcceptsOnATabletAndRecordsItsOutcome() {
        browser.manage().window().setSize(PageChecks.TABLET);
        steps.signIn("mhcrisis1");
        steps.waitFor(row("available", reference));
        assertThat(steps.text(row("available", reference))).contains("Accept referral").contains("AWOL");
        PageChecks.check(browser, "partner-queue-tablet");
        steps.click(inRow("available", reference, "button[@data-claim-and-open]")); // claim and open: straight to the task

        steps.waitFor(By.id("complete"));
        assertThat(steps.text(By.id("facts"))).contains("Ward reports patient absent without leave")
                .doesNotContain("Ward 4 nurse in charge").doesNotContain("01632");
        steps.choose("decision-REJECT");
        steps.click(By.id("complete"));
        steps.waitFor(By.id("error-summary"));
        assertThat(steps.text(By.id("error-summary"))).contains("Select the reason for rejecting the referral");
        assertThat(browser.findElement(By.id("decision-REJECT")).isSelected()).isTrue();
        PageChecks.check(browser, "partner-accept-referral-tablet");
        steps.choose("decision-ACCEPT");
        steps.type("note", "Crisis team will lead the search with the ward");
        steps.click(By.id("complete"));
        steps.waitForText(By.tagName("main"), "Done: " + reference);

        // Accepting made the outcome task for the person who accepted: held by them already.
        steps.waitFor(row("mine", reference));
        assertThat(steps.text(row("mine", reference))).contains("Record partner outcome");
        steps.click(inRow("mine", reference, "a[text()='Work on it']"));
        steps.choose("outcome-ASSESSED");
        steps.type("note", "Found at a friend's address; returned to the ward");
        steps.click(By.id("complete"));
        steps.waitForText(By.tagName("main"), "Done: " + reference);

        // The outcome ends the referral: the crisis team keeps what it recorded, and nothing more of the case.
        steps.click(By.linkText(reference));
        steps.waitFor(By.id("timeline"));
        assertThat(steps.text(By.id("part-ended"))).contains("part in this case has ended");
        assertThat(browser.findElements(By.id("facts"))).isEmpty();
        assertThat(steps.text(By.id("timeline"))).contains("Referral accepted").contains("Partner outcome assessed")
                .contains("Found at a friend's address").doesNotContain("Assess threshold");
        PageChecks.check(browser, "case-partner-tablet");
    }

    @Test
    @Order(3)
    void socialCaresSilenceReachesTheSupervisorWithoutReloadingThePage() {
        browser.manage().window().setSize(PageChecks.CONTROL_ROOM);
        steps.signIn("supervisor1");
        steps.click(By.linkText("Escalations"));
        steps.waitFor(By.id("live"));
        ((JavascriptExecutor) browser).executeScript("window.rcrpSamePage = true;");

        steps.waitForText(By.id("live"), silentReference, ESCALATION);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.rcrpSamePage === true;"))
                .as("the escalation appeared without the page reloading").isEqualTo(true);
        assertThat(steps.text(row("escalations", silentReference))).contains("Partner did not respond in time")
                .contains("Adult social care").contains("Nobody yet").contains("Refer to another agency:");
        assertThat(steps.text(row("repeat-contacts", reference))).as("the AWOL call came within 24 h of another about him")
                .contains("Repeat contact within 24 h").contains(aboutThePatient).contains("Same name and age");
        PageChecks.check(browser, "escalations");
    }

    @Test
    @Order(4)
    void theSupervisorReroutesTheSilentReferralToTheAmbulanceService() {
        steps.open("/escalations");
        steps.click(inRow("escalations", silentReference, "button[@data-claim-and-open]")); // claim and open: straight to the decision

        steps.waitFor(By.id("complete"));
        steps.choose("action-REROUTE");
        steps.click(By.id("complete"));
        steps.waitFor(By.id("error-summary"));
        assertThat(browser.findElement(By.id("action-REROUTE")).isSelected()).isTrue();
        PageChecks.check(browser, "supervisor-review");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("agency"))).selectByValue("AMBULANCE");
        steps.type("note", "Social care out of hours not answering; ambulance to check on him");
        steps.click(By.id("complete"));
        steps.waitForText(By.tagName("main"), "Done: " + silentReference);

        steps.open("/escalations");
        steps.waitFor(By.id("live"));
        assertThat(steps.text(By.id("live"))).doesNotContain(silentReference);

        steps.signIn("ambulance1");
        steps.waitForText(By.id("queues"), silentReference);
        assertThat(steps.text(row("available", silentReference))).contains("Accept referral");
        steps.click(By.linkText(silentReference));
        steps.waitFor(By.id("timeline"));
        assertThat(steps.text(By.id("case-agency"))).isEqualTo("Ambulance service");
        // Its own referral's events; not social care's silence, nor the supervisor's note.
        assertThat(steps.text(By.id("timeline"))).contains("Partner referral to ambulance service")
                .doesNotContain("Social care out of hours not answering").doesNotContain("adult social care");
    }
}
