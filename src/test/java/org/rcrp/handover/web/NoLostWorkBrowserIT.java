package org.rcrp.handover.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.rcrp.handover.casefile.CaseQueries;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.inbox.WorkItem;
import org.rcrp.handover.intake.NewCall;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.support.PageSession;
import org.rcrp.handover.support.WaitingTasks;
import org.rcrp.handover.triage.AssessThreshold;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 23, "work is lost", in a real browser on PostgreSQL: a task that went away while its form was open (here the
 * partner's clock ran out) gives an HTML page that says what happened, keeps what was typed and adds it to the case for
 * the supervisor; a form sent after the session expired comes back filled in after signing in again; an unknown case is
 * an HTML page in the browser and problem+json in the API. Every page passes axe-core and fits the screen.
 */
class NoLostWorkBrowserIT extends BrowserITBase {

    private static final Actor HANDLER2 = new Actor("handler2", Set.of("call-handlers"));
    private static final Actor MHCRISIS1 = new Actor("mhcrisis1", Set.of("mental-health"));

    @Autowired
    CaseQueries cases;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;

    @Test
    void anAcceptSentAfterTheClockRanOutIsKeptAndAddedToTheCaseForTheSupervisor() {
        String reference = "CAD-L-" + shortId();
        String caseId = referredToTheCrisisTeam(reference);
        WorkItem accept = WaitingTasks.of(tasks, caseId, MHCRISIS1);
        tasks.claim(accept.id(), MHCRISIS1);

        browser.manage().window().setSize(PageChecks.TABLET);
        steps.signIn("mhcrisis1");
        steps.open("/work/" + accept.id());
        steps.waitFor(By.id("complete"));
        steps.choose("decision-ACCEPT");
        String note = "Crisis team will see him at home at 15:00 with the ward " + shortId();
        steps.type("note", note);

        // The clock runs out while the worker types: the referral goes to a police supervisor.
        Job clock = managementService.createJobQuery().processInstanceId(processOf(accept.id()))
                .activityId("timer_partner_sla").singleResult();
        managementService.executeJob(clock.getId());
        assertThat(taskService.createTaskQuery().taskId(accept.id()).count()).as("the accept task has gone").isZero();

        steps.click(By.id("complete"));
        steps.waitFor(By.id("task-gone"));
        assertThat(browser.getPageSource()).as("a page, not problem+json").doesNotContain("\"status\"");
        assertThat(steps.text(By.id("what-happened"))).contains("clock ran out").contains("No response in time")
                .contains("Supervisor review");
        assertThat(browser.findElement(By.id("kept-note")).getAttribute("value")).contains(note).contains("Accept");
        PageChecks.check(browser, "task-gone-tablet");

        steps.click(By.id("add-to-case"));
        steps.waitForText(By.id("message"), "added to the case");
        assertThat(steps.text(By.id("timeline"))).contains(note);
        assertThat(cases.view(caseId, HANDLER2).timeline())
                .as("the supervisor reads it on the case: new information from the crisis worker")
                .anySatisfy(entry -> {
                    assertThat(entry.type()).isEqualTo("UPDATE");
                    assertThat(entry.actor()).isEqualTo("mhcrisis1");
                    assertThat(entry.detail()).contains(note);
                });
    }

    @Test
    void aCallLoggedAfterTheSessionExpiredComesBackFilledInAfterSigningIn() {
        steps.signIn("handler1");
        steps.open("/calls/new");
        steps.waitFor(By.id("log-call"));
        String reference = "CAD-X-" + shortId();
        String summary = "Caller's brother on the bridge parapet, says he has had enough " + shortId();
        steps.type("reference", reference);
        steps.choose("source-PUBLIC_999");
        steps.choose("category-CONCERN_FOR_WELFARE");
        steps.type("summary", summary);

        browser.manage().deleteCookieNamed("JSESSIONID"); // the session expired while the call was typed
        steps.click(By.id("log"));

        steps.waitFor(By.id("username")).sendKeys("handler1");
        browser.findElement(By.id("password")).sendKeys("handler1");
        browser.findElement(By.id("sign-in")).click();

        steps.waitFor(By.id("kept-form"));
        assertThat(browser.findElement(By.id("reference")).getAttribute("value")).isEqualTo(reference);
        assertThat(browser.findElement(By.id("summary")).getAttribute("value")).isEqualTo(summary);
        assertThat(browser.findElement(By.id("source-PUBLIC_999")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("category-CONCERN_FOR_WELFARE")).isSelected()).isTrue();
        assertThat(browser.getCurrentUrl()).as("nothing typed travels in an address").doesNotContain("bridge");
        PageChecks.check(browser, "log-call-kept");

        steps.click(By.id("log"));
        steps.waitForText(By.id("message"), "Logged " + reference);
    }

    @Test
    void aTaskFormSentAfterTheSessionExpiredComesBackFilledInAfterSigningIn() {
        String reference = "CAD-T-" + shortId();
        String caseId = referredToTheCrisisTeam(reference);
        WorkItem accept = WaitingTasks.of(tasks, caseId, MHCRISIS1);
        tasks.claim(accept.id(), MHCRISIS1);

        steps.signIn("mhcrisis1");
        steps.open("/work/" + accept.id());
        steps.waitFor(By.id("complete"));
        steps.choose("decision-ACCEPT");
        String note = "Will ring the ward first " + shortId();
        steps.type("note", note);
        browser.manage().deleteCookieNamed("JSESSIONID");
        steps.click(By.id("complete"));

        steps.waitFor(By.id("username")).sendKeys("mhcrisis1");
        browser.findElement(By.id("password")).sendKeys("mhcrisis1");
        browser.findElement(By.id("sign-in")).click();

        steps.waitFor(By.id("kept-form"));
        assertThat(browser.findElement(By.id("decision-ACCEPT")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("note")).getAttribute("value")).isEqualTo(note);
        PageChecks.assertAccessible(browser, "task-kept");
        steps.click(By.id("complete"));
        steps.waitForText(By.tagName("main"), "Done: " + reference);
    }

    @Test
    void anUnknownCaseIsAnHtmlPageInTheBrowserAndProblemJsonInTheApi() throws Exception {
        String unknown = UUID.randomUUID().toString();
        steps.signIn("handler1");
        steps.open("/cases/" + unknown);
        steps.waitFor(By.id("error-page"));
        assertThat(steps.text(By.tagName("h1"))).isEqualTo("Case not found");
        assertThat(browser.getPageSource()).as("a page, not problem+json").doesNotContain("\"status\"");
        assertThat(browser.findElement(By.linkText("Go to your work")).isDisplayed()).isTrue();
        PageChecks.check(browser, "error-not-found");

        HttpResponse<String> page = PageSession.signIn(port, "handler1").get("/cases/" + unknown);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));

        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/calls/" + unknown))
                // as a browser asks: the API still answers problem+json
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("handler1:handler1".getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(api.body()).contains("\"status\":404");

        HttpResponse<String> noSuchApi = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/no-such-thing"))
                .header("Accept", "text/html,*/*;q=0.8")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("handler1:handler1".getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noSuchApi.statusCode()).isEqualTo(404);
        assertThat(noSuchApi.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }

    /** A call about a man known to mental health, triaged to the crisis team (the table refers him there). */
    private String referredToTheCrisisTeam(String reference) {
        String caseId = intake.log(new NewCall(reference, Source.PUBLIC_101, Category.CONCERN_FOR_WELFARE,
                "Mother worried: son known to the crisis team not answering since yesterday", null,
                new NewCall.Subject("D Evans", 34, List.of(Agency.MENTAL_HEALTH)), null, null), HANDLER2).call().id();
        WorkItem triage = WaitingTasks.of(tasks, caseId, HANDLER2);
        tasks.claim(triage.id(), HANDLER2);
        tasks.complete(triage.id(), HANDLER2, AssessThreshold.answers(false, false, false, false, false, false,
                "Known to the crisis team; no threat to life"));
        return caseId;
    }

    private String processOf(String taskId) {
        return taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
    }
}
