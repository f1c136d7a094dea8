package org.rcrp.handover.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rcrp.handover.web.BrowserSteps.inRow;
import static org.rcrp.handover.web.BrowserSteps.row;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.inbox.WorkItem;
import org.rcrp.handover.intake.NewCall;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.process.SupervisorAction;
import org.rcrp.handover.referral.SupervisorReview;
import org.rcrp.handover.support.WaitingTasks;
import org.rcrp.handover.triage.AssessThreshold;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 23's queues, search, claim-and-open and escalations in a real browser on PostgreSQL, with the triage and
 * partner clocks shortened: a 999 call of screaming and fighting sorts above an older routine 101 call and shows where it
 * came from, its grade, the person and the place in words; filter chips and search work as links and over the API (a
 * partner finds only what it holds); one click claims and opens; escalations come most urgent case first, coloured by
 * severity, with the wait, the agency's contact route, earlier decisions and what each action does, in words only. Two
 * journeys are counted in clicks and page loads (README, The web UI).
 */
@TestPropertySource(properties = {
        "rcrp.sla.triage=PT30S",
        "rcrp.sla.triage-999=PT20S",
        "rcrp.sla.partner-reminder=PT15S",
        "rcrp.sla.partner-acknowledgement=PT30S",
        "rcrp.agencies.SOCIAL_CARE.phone=0300 123 4567"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueuesAndEscalationsBrowserIT extends BrowserITBase {

    private static final Actor HANDLER2 = new Actor("handler2", Set.of("call-handlers"));
    private static final Actor SUPERVISOR = new Actor("supervisor1", Set.of("police-supervisors"));
    private static final Duration ESCALATION = Duration.ofSeconds(120);
    /** A code as the system keeps it ("PUBLIC_999", "NO_RESPONSE"): never on a page. */
    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b");

    private final String id = UUID.randomUUID().toString().substring(0, 6);
    private final String routine101 = "CAD-R-" + id;
    private final String fighting999 = "CAD-F-" + id;
    private final String earlierAboutHim = "CAD-H-" + id;
    private final String silentSocialCare = "CAD-S-" + id;
    private final String crisisReferral = "CAD-M-" + id;
    private final String surname = "Okafor" + id.replaceAll("[^a-f]", "").toLowerCase() + "q";
    private final String person = "Dan " + surname;
    /** The same person as the police national computer would write him: found by the person key, not by the letters. */
    private final String spelledOtherwise = "MR " + surname.toUpperCase() + ", DAN";
    private int clicks;
    private int pageLoads;

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;

    @BeforeAll
    void logTheShift() {
        openTheApp();
        // Social care is asked first and never answers: its silence reaches the supervisors while the rest runs.
        String silent = intake.log(new NewCall(silentSocialCare, Source.PUBLIC_101, Category.CONCERN_FOR_WELFARE,
                "Carer worried: older woman not answering the door", new NewCall.Location("4 Elm Court", true),
                new NewCall.Subject("Rose Whitby", 84, List.of(Agency.SOCIAL_CARE)), null, null), HANDLER2).call().id();
        triageWithNoThreshold(silent, "Known to adult social care; no threat to life");
        intake.log(new NewCall(earlierAboutHim, Source.PUBLIC_101, Category.CONCERN_FOR_WELFARE,
                "Sister worried about him last week", new NewCall.Location("Flat 3, 12 Mill Lane", true),
                new NewCall.Subject(spelledOtherwise, 35, List.of()), null, null), HANDLER2);
        // The older call is routine and from 101; the newer one is 999 and violent: the 999 call must come first.
        intake.log(new NewCall(routine101, Source.PUBLIC_101, Category.MEDICAL, "Asks for advice about a neighbour's repeat prescription",
                new NewCall.Location("22 Station Road", true), new NewCall.Subject("Pat Evans", 70, List.of()), null, null), HANDLER2);
        intake.log(new NewCall(fighting999, Source.PUBLIC_999, Category.CONCERN_FOR_WELFARE, "Screaming, sounds of fighting from the flat upstairs",
                new NewCall.Location("Flat 3, 12 Mill Lane", true), new NewCall.Subject(person, 36, List.of()), null, null), HANDLER2);
    }

    private void triageWithNoThreshold(String caseId, String rationale) {
        WorkItem triage = WaitingTasks.of(tasks, caseId, HANDLER2);
        tasks.claim(triage.id(), HANDLER2);
        tasks.complete(triage.id(), HANDLER2, AssessThreshold.answers(false, false, false, false, false, false, rationale));
    }

    @Test
    @Order(1)
    void aScreaming999CallSortsAboveAnOlderRoutine101CallWithItsSourcePersonAndPlaceInWords() throws Exception {
        steps.signIn("handler1");
        steps.waitFor(row("available", fighting999));
        List<String> order = references("available");
        assertThat(order.indexOf(fighting999)).as("the 999 call before the older 101 call: %s", order)
                .isGreaterThanOrEqualTo(0).isLessThan(order.indexOf(routine101));
        assertThat(steps.text(row("available", fighting999))).contains("999 call").contains("Not graded yet")
                .contains(person).contains("Flat 3, 12 Mill Lane").contains("Screaming, sounds of fighting")
                .contains("Concern for welfare");
        assertThat(steps.text(row("available", routine101))).contains("101 call").contains("Pat Evans").contains("22 Station Road")
                .contains("Medical");
        assertThat(steps.text(By.id("queues"))).doesNotContainPattern(CODE).doesNotContain("null");
        scrollTo("filters");
        PageChecks.check(browser, "work-queues");

        // The same order and facts over the API.
        String available = api("handler1", "/api/tasks");
        assertThat(available.indexOf(fighting999)).isGreaterThanOrEqualTo(0).isLessThan(available.indexOf(routine101));
        assertThat(available).contains("\"source\":\"PUBLIC_999\"").contains("\"subjectName\":\"" + person + "\"")
                .contains("\"location\":\"Flat 3, 12 Mill Lane\"");
    }

    @Test
    @Order(2)
    void filterChipsAreLinksAndTheSameFiltersWorkOverTheApi() throws Exception {
        steps.open("/work");
        steps.click(By.xpath("//nav[@id='filters']//a[normalize-space()='Filter: Medical']"));
        steps.waitFor(By.xpath("//nav[@id='filters']//a[@aria-current='true']"));
        assertThat(browser.getCurrentUrl()).contains("category=MEDICAL");
        assertThat(references("available")).contains(routine101).doesNotContain(fighting999);
        steps.click(By.xpath("//nav[@id='filters']//a[normalize-space()='Remove filter: Medical']"));
        steps.waitFor(row("available", fighting999));
        steps.open("/work?mine=true");
        assertThat(browser.findElements(By.id("available"))).as("only mine: the available list is not shown").isEmpty();

        assertThat(api("handler1", "/api/tasks?category=MEDICAL")).contains(routine101).doesNotContain(fighting999);
        assertThat(api("handler1", "/api/tasks?category=CONCERN_FOR_WELFARE")).contains(fighting999).doesNotContain(routine101);
        // One click claims the routine call's triage and opens it.
        steps.open("/work");
        startCounting();
        act(inRow("available", routine101, "button[@data-claim-and-open]"), ExpectedConditions.visibilityOfElementLocated(By.id("rationale")));
        assertThat(browser.getCurrentUrl()).endsWith("/triage");
        assertThat(clicks).isEqualTo(1);
        assertThat(pageLoads).isEqualTo(2);

        HttpResponse<String> bad = request("handler1", "/api/tasks?agency=POLICE_DOG");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(bad.body()).contains("\"field\":\"agency\"");
    }

    @Test
    @Order(3)
    void searchFindsByReferencePersonOrAddressWithOtherCallsAboutThePersonAndPartnersOnlyWhatTheyHold() throws Exception {
        steps.open("/work");
        steps.type("q", person);
        steps.click(By.id("search-button"));
        steps.waitFor(By.id("results"));
        assertThat(browser.getCurrentUrl()).contains("/cases?q=");
        String found = steps.text(row("results", fighting999));
        assertThat(found).contains("Waiting for triage").contains("Police").contains("Flat 3, 12 Mill Lane")
                .as("the other call about him, spelt otherwise").contains(earlierAboutHim);
        assertThat(steps.text(By.id("results"))).contains(earlierAboutHim).doesNotContainPattern(CODE).doesNotContain("null");
        PageChecks.check(browser, "case-search");
        steps.open("/cases?q=" + URLEncoder.encode("mill lane", StandardCharsets.UTF_8));
        assertThat(references("results")).contains(fighting999, earlierAboutHim);
        steps.open("/cases?q=" + routine101);
        assertThat(references("results")).containsExactly(routine101);

        assertThat(api("handler1", "/api/calls?q=" + URLEncoder.encode("12 Mill Lane", StandardCharsets.UTF_8)))
                .contains(fighting999).contains(earlierAboutHim).contains("\"subjectName\"");
        // A partner finds the case it holds, never one it does not.
        assertThat(api("social1", "/api/calls?q=Whitby")).contains(silentSocialCare);
        assertThat(api("social1", "/api/calls?q=" + URLEncoder.encode(person, StandardCharsets.UTF_8))).isEqualTo("[]");
        assertThat(api("mhcrisis1", "/api/calls?q=Whitby")).isEqualTo("[]");
        steps.signIn("mhcrisis1");
        steps.open("/cases?q=Mill");
        assertThat(steps.text(By.id("result-count"))).startsWith("No case matches");
    }

    /** Journey (a), counted: a partner caseworker claims and accepts a referral from Your work. */
    @Test
    @Order(4)
    void aPartnerClaimsAndAcceptsAReferralInThreeClicksAndThreePageLoads() {
        // Referred now: the partner clocks of this test are short.
        String crisis = intake.log(new NewCall(crisisReferral, Source.PUBLIC_101, Category.CONCERN_FOR_WELFARE,
                "Known patient low in mood, asking for the crisis team", new NewCall.Location("9 Rye Road", true),
                new NewCall.Subject("Lena Marsh", 33, List.of(Agency.MENTAL_HEALTH)), null, null), HANDLER2).call().id();
        triageWithNoThreshold(crisis, "Known to the crisis team; no threat to life");
        steps.signIn("mhcrisis1");
        startCounting();
        steps.waitFor(row("available", crisisReferral));
        act(inRow("available", crisisReferral, "button[@data-claim-and-open]"), ExpectedConditions.visibilityOfElementLocated(By.id("complete")));
        assertThat(browser.getCurrentUrl()).as("claim and open lands on the task page").matches(".*/work/[^/]+$");
        act(By.id("decision-ACCEPT"), null);
        steps.type("note", "Crisis team will call her within the hour");
        act(By.id("complete"), ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Done: " + crisisReferral));
        assertThat(clicks).as("clicks").isEqualTo(3);
        assertThat(pageLoads).as("page loads, the queue's own first one included").isEqualTo(3);
    }

    @Test
    @Order(5)
    void escalationsComeMostUrgentCaseFirstColouredBySeverityWithTheWaitContactEarlierDecisionsAndConsequences() {
        // The supervisor chased social care once already: the case's second silence shows that chase.
        WorkItem firstSilence = Awaitility.await().atMost(ESCALATION).until(() -> review(silentSocialCare), java.util.Objects::nonNull);
        // The review comes with the escalation notice, sent by a job of its own; as that job ends the engine moves the
        // review to another execution, and a claim in that instant fails (the person is told to try again). This test
        // is about the page, not that instant: it claims once the notice is out.
        Awaitility.await().atMost(ESCALATION).until(() -> noticesWaiting(firstSilence.callId()) == 0);
        tasks.claim(firstSilence.id(), SUPERVISOR);
        tasks.complete(firstSilence.id(), SUPERVISOR, new SupervisorReview(SupervisorAction.CHASE, null,
                "Rang the out-of-hours team: they will look now"));

        steps.signIn("supervisor1");
        steps.click(By.linkText("Escalations"));
        steps.waitForText(By.id("live"), silentSocialCare, ESCALATION);
        steps.waitForText(By.id("live"), fighting999, ESCALATION);
        List<String> order = references("escalations");
        assertThat(order.indexOf(fighting999)).as("an untriaged 999 call before a routine silence raised earlier: %s", order)
                .isLessThan(order.indexOf(silentSocialCare));
        assertThat(order.indexOf(fighting999)).as("the 999 call's late triage before the older 101 call's, raised first: %s", order)
                .isLessThan(order.indexOf(routine101));
        assertThat(tag(fighting999).getAttribute("class")).contains("govuk-tag--red");
        assertThat(tag(silentSocialCare).getAttribute("class")).contains("govuk-tag--orange");
        String silence = steps.text(row("escalations", silentSocialCare));
        assertThat(silence).contains("Partner did not respond in time").contains("Nobody has answered")
                .contains("Adult social care").contains("Duty line: 0300 123 4567")
                .containsPattern("\\w{3} \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2}:\\d{2}").contains("ago")
                .contains("Earlier on this case").contains("Chase").contains("supervisor1")
                .contains("Send police: officers get a task to attend; the partner is stood down")
                .contains("Refer to another agency:").contains("Close the case:")
                .doesNotContain("You may");
        assertThat(steps.text(By.id("live"))).doesNotContainPattern(CODE).doesNotContain("null");
        scrollTo("escalation-order");
        PageChecks.check(browser, "escalations");
    }

    /** Journey (b), counted: a supervisor resolves a no-response escalation by sending police. */
    @Test
    @Order(6)
    void theSupervisorResolvesANoResponseEscalationInThreeClicksAndThreePageLoads() {
        steps.open("/escalations");
        startCounting();
        steps.waitFor(row("escalations", silentSocialCare));
        act(inRow("escalations", silentSocialCare, "button[@data-claim-and-open]"),
                ExpectedConditions.visibilityOfElementLocated(By.id("complete")));
        assertThat(steps.text(By.id("review-consequences"))).contains("Send police: officers get a task to attend");
        // Only the fields the chosen decision needs: the agency only to reroute.
        steps.choose("action-REROUTE");
        assertThat(browser.findElement(By.id("agency")).isDisplayed()).isTrue();
        act(By.id("action-POLICE_ATTEND"), null);
        assertThat(browser.findElement(By.id("agency")).isDisplayed()).as("no agency to choose when sending police").isFalse();
        PageChecks.check(browser, "supervisor-review");
        steps.type("note", "Social care silent twice; officers to check on her");
        act(By.id("complete"), ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Done: " + silentSocialCare));
        assertThat(clicks).as("clicks (trying reroute first is not counted: not part of the journey)").isEqualTo(3);
        assertThat(pageLoads).as("page loads, the escalations page's own first one included").isEqualTo(3);
    }

    /** The screenshot shows the list, not the page's heading. */
    private void scrollTo(String elementId) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView();", elementId);
    }

    /** The case's jobs that send a notice (async continuations), still to run or running. */
    private long noticesWaiting(String caseId) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId).list().stream()
                .mapToLong(instance -> managementService.createJobQuery().processInstanceId(instance.getId()).messages().count())
                .sum();
    }

    private WorkItem review(String reference) {
        return tasks.open(RcrpCallProcess.Elements.USER_SUPERVISOR_REVIEW, SUPERVISOR).stream()
                .filter(item -> reference.equals(item.callReference()) && item.assignee() == null).findFirst().orElse(null);
    }

    private WebElement tag(String reference) {
        return browser.findElement(inRow("escalations", reference, "strong[contains(@class, 'govuk-tag')]"));
    }

    /** The references of a table's rows, top to bottom. */
    private List<String> references(String tableId) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> driver.findElements(By.xpath("//table[@id='" + tableId + "']/tbody/tr/td/a[starts-with(@href, '/cases/')]")).stream()
                        .map(WebElement::getText).toList());
    }

    /** Counting from the page now shown, which is the journey's first page load. */
    private void startCounting() {
        clicks = 0;
        pageLoads = 1;
        markPage();
    }

    /** One click; a page load when the page it was on is gone. */
    private void act(By target, ExpectedCondition<?> then) {
        markPage();
        steps.click(target);
        clicks++;
        if (then != null) {
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(then);
        }
        if (!Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript("return window.rcrpCounted === true;"))) {
            pageLoads++;
        }
    }

    private void markPage() {
        ((JavascriptExecutor) browser).executeScript("window.rcrpCounted = true;");
    }

    private String api(String user, String path) throws Exception {
        HttpResponse<String> response = request(user, path);
        assertThat(response.statusCode()).as("%s as %s: %s", path, user, response.body()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> request(String user, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
