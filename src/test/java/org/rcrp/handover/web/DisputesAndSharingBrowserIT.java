package org.rcrp.handover.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.rcrp.handover.support.ApiCalls;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

/**
 * The dispute and sharing pages in a real browser, each passing axe-core: the duty inspector and the crisis team's on-call
 * manager state their positions, a manager records the joint review's learning; the crisis team asks for the family
 * contact's number, a call handler grants it, and the crisis team sees it.
 */
class DisputesAndSharingBrowserIT extends BrowserITBase {

    @Autowired
    TestRestTemplate http;

    private ApiCalls api;

    @BeforeEach
    void useTheApi() {
        api = new ApiCalls(http);
    }

    private String referredToTheCrisisTeam(Map<String, Object> extra) {
        Map<String, Object> call = new HashMap<>(ApiCalls.welfareKnownTo(ApiCalls.reference(), "MENTAL_HEALTH"));
        call.putAll(extra);
        String caseId = api.logCall(call);
        api.triageToReferral(caseId, null);
        return caseId;
    }

    /** Claims the task through the API and states the position on its page. */
    private void statePosition(String user, String caseId, String key, String note) {
        String task = api.awaitTask(user, caseId, key);
        api.call(user, HttpMethod.POST, "/api/tasks/" + task + "/claim", null);
        steps.signIn(user);
        steps.open("/work/" + task);
        steps.waitFor(By.id("complete"));
        PageChecks.assertAccessible(browser, key);
        PageChecks.assertFits(browser, key);
        steps.choose("position-JOINT_RESPONSE");
        steps.type("note", note);
        steps.click(By.id("complete"));
        steps.waitForText(By.tagName("body"), "Done");
    }

    @Test
    void bothSidesStateTheirPositionsAndAManagerRecordsTheLearning() {
        String caseId = referredToTheCrisisTeam(Map.of());
        api.claimAndComplete("mhcrisis1", api.awaitTask("mhcrisis1", caseId, "user_accept_referral"),
                Map.of("decision", "REJECT", "reasonCode", "NOT_OUR_SERVICE", "note", "Not known to us"));
        String review = api.awaitTask("supervisor1", caseId, "user_supervisor_review");
        api.call("supervisor1", HttpMethod.POST, "/api/tasks/" + review + "/claim", null);
        steps.signIn("supervisor1");
        steps.open("/work/" + review);
        steps.waitFor(By.id("complete"));
        PageChecks.assertAccessible(browser, "supervisor review of a rejection");
        steps.choose("action-POLICE_ATTEND");
        steps.type("note", "Police go now");
        steps.choose("contest-true");
        steps.click(By.id("complete"));
        steps.waitForText(By.tagName("body"), "Done");

        statePosition("inspector1", caseId, "user_dispute_police_position", "Both should have gone");
        statePosition("mhmanager1", caseId, "user_dispute_partner_position", "A joint visit was right");

        steps.signIn("manager1");
        steps.open("/disputes");
        steps.waitFor(By.id("awaiting-heading"));
        PageChecks.assertAccessible(browser, "disputes");
        PageChecks.assertFits(browser, "disputes");
        By card = By.xpath("//div[contains(@class,'govuk-summary-card')][.//a[text()='" + caseId + "']]");
        assertThat(steps.text(card)).contains("Mental health crisis team", "Both should have responded together (inspector1)",
                "Both should have responded together (mhmanager1)");
        String disputeId = browser.findElement(card).getAttribute("id").substring("dispute-".length());
        steps.type("learningNote-" + disputeId, "Joint visits by default for known MH welfare checks");
        steps.click(By.id("review-" + disputeId));
        steps.waitForText(By.tagName("body"), "Learning recorded");
        assertThat(steps.text(By.tagName("main"))).contains("manager1: Joint visits by default for known MH welfare checks");
    }

    @Test
    void theCrisisTeamAsksForTheFamilysNumberAndSeesItOnceGranted() {
        String caseId = referredToTheCrisisTeam(Map.of("familyContact",
                Map.of("name", "Fenella Familyperson", "phone", "07700 900777", "relationship", "sister")));
        api.awaitTask("mhcrisis1", caseId, "user_accept_referral");

        steps.signIn("mhcrisis1");
        steps.open("/cases/" + caseId + "/contacts");
        steps.waitFor(By.id("request-contact"));
        PageChecks.assertAccessible(browser, "contact details (partner)");
        assertThat(browser.getPageSource()).doesNotContain("07700 900777").doesNotContain(ApiCalls.CALLER_PHONE);
        steps.click(By.id("request-contact"));
        steps.waitFor(By.id("error-summary"));
        PageChecks.assertAccessible(browser, "contact details with errors");
        steps.choose("whose-FAMILY");
        steps.type("purpose", "Phone off: we need the family to find him");
        steps.click(By.id("request-contact"));
        steps.waitForText(By.tagName("body"), "Request sent to police");

        steps.signIn("handler1");
        steps.open("/cases/" + caseId + "/contacts");
        steps.waitFor(By.id("family-contact"));
        PageChecks.assertAccessible(browser, "contact details (police)");
        PageChecks.assertFits(browser, "contact details (police)");
        String requestId = browser.findElement(By.cssSelector("div[id^='request-']")).getAttribute("id").substring("request-".length());
        steps.choose("GRANT-" + requestId);
        steps.type("lawfulBasis-" + requestId, "UK GDPR 6(1)(e), 9(2)(g)");
        steps.type("sharingAgreement-" + requestId, "County MH ISA 2025");
        steps.click(By.id("decide-" + requestId));
        steps.waitForText(By.tagName("body"), "Decision recorded");

        steps.signIn("mhcrisis1");
        steps.open("/cases/" + caseId + "/contacts");
        steps.waitForText(By.id("shared-contacts"), "07700 900777");
        assertThat(steps.text(By.id("shared-contacts"))).contains("Fenella Familyperson").doesNotContain("sister");
        assertThat(browser.getPageSource()).doesNotContain(ApiCalls.CALLER_PHONE);
    }
}
