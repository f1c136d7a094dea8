package org.rcrp.handover.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.support.ApiCalls;
import org.rcrp.handover.support.PageSession;
import org.rcrp.handover.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The dispute and sharing pages over HTTP, as their forms post (the browser journeys are DisputesAndSharingBrowserIT):
 * the supervisor contests on the review page, both sides state positions on theirs (the on-call manager without the case's
 * details), a manager records the learning on the joint review page; the crisis team asks for the family's number, a
 * call handler grants it, and the crisis team's page then shows it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {TestDatabase.DB_URL})
@ActiveProfiles("postgres")
@DirtiesContext
class DisputeAndSharingPagesPostgresIT {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;

    private ApiCalls api;

    @BeforeEach
    void client() {
        api = new ApiCalls(http);
    }

    private String referredToTheCrisisTeam(Map<String, Object> extra) {
        Map<String, Object> call = new HashMap<>(ApiCalls.welfareKnownTo(ApiCalls.reference(), "MENTAL_HEALTH"));
        call.putAll(extra);
        String caseId = api.logCall(call);
        api.triageToReferral(caseId, null);
        return caseId;
    }

    /** Claims the task and completes it on its page; the page must render first. */
    private HttpResponse<String> completeOnPage(String user, String task, Map<String, String> answers) {
        api.call(user, HttpMethod.POST, "/api/tasks/" + task + "/claim", null);
        PageSession session = PageSession.signIn(port, user);
        HttpResponse<String> page = session.get("/work/" + task);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        HttpResponse<String> done = session.postForm("/work/" + task, "/work/" + task, answers);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        return page;
    }

    @Test
    void aDisputeThroughThePages() {
        String caseId = referredToTheCrisisTeam(Map.of());
        api.claimAndComplete("mhcrisis1", api.awaitTask("mhcrisis1", caseId, "user_accept_referral"),
                Map.of("decision", "REJECT", "reasonCode", "NOT_OUR_SERVICE", "note", "Not known to us"));
        HttpResponse<String> review = completeOnPage("supervisor1", api.awaitTask("supervisor1", caseId, "user_supervisor_review"),
                Map.of("action", "POLICE_ATTEND", "note", "Police go now", "contest", "true"));
        assertThat(review.body()).contains("contest-true").contains("Do police contest the rejection?");

        HttpResponse<String> police = completeOnPage("inspector1", api.awaitTask("inspector1", caseId, "user_dispute_police_position"),
                Map.of("position", "JOINT_RESPONSE", "note", "Both should have gone"));
        assertThat(police.body()).contains("position-JOINT_RESPONSE").contains("Open the case with its timeline");
        HttpResponse<String> partner = completeOnPage("mhmanager1", api.awaitTask("mhmanager1", caseId, "user_dispute_partner_position"),
                Map.of("position", "JOINT_RESPONSE", "note", "A joint visit was right"));
        assertThat(partner.body()).as("the on-call manager has no part in the case: no case details")
                .doesNotContain("Open the case with its timeline").doesNotContain("Jane Smithson").doesNotContain(ApiCalls.CALLER_PHONE);

        PageSession manager = PageSession.signIn(port, "manager1");
        HttpResponse<String> queue = manager.get("/disputes");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains(caseId).contains("Both should have responded together (inspector1)")
                .contains("Both should have responded together (mhmanager1)");
        Matcher card = Pattern.compile("id=\"dispute-([^\"]+)\"[\\s\\S]*?" + Pattern.quote(caseId)).matcher(queue.body());
        assertThat(card.find()).isTrue();
        String disputeId = card.group(1);
        HttpResponse<String> empty = manager.postForm("/disputes", "/disputes/" + disputeId + "/review", Map.of("learningNote", " "));
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("govuk-error-message").contains("Enter the learning note");
        HttpResponse<String> reviewed = manager.postForm("/disputes", "/disputes/" + disputeId + "/review",
                Map.of("learningNote", "Joint visits by default"));
        assertThat(reviewed.statusCode()).isEqualTo(302);
        assertThat(manager.get("/disputes").body()).contains("manager1: Joint visits by default");
        assertThat(PageSession.signIn(port, "mhcrisis1").get("/disputes").statusCode()).isEqualTo(403);
    }

    @Test
    void sharingThroughThePages() {
        String caseId = referredToTheCrisisTeam(Map.of("familyContact",
                Map.of("name", "Fenella Familyperson", "phone", "07700 900777", "relationship", "sister")));
        api.awaitTask("mhcrisis1", caseId, "user_accept_referral");
        String contacts = "/cases/" + caseId + "/contacts";

        PageSession crisis = PageSession.signIn(port, "mhcrisis1");
        HttpResponse<String> before = crisis.get(contacts);
        assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
        assertThat(before.body()).contains("no-shared-contacts").doesNotContain("07700 900777").doesNotContain(ApiCalls.CALLER_PHONE);
        assertThat(crisis.get("/cases/" + caseId).body()).contains("contact-sharing-link");
        HttpResponse<String> missing = crisis.postForm(contacts, contacts + "/requests", Map.of("purpose", "To find him"));
        assertThat(missing.statusCode()).isEqualTo(200);
        assertThat(missing.body()).contains("error-summary");
        assertThat(crisis.postForm(contacts, contacts + "/requests", Map.of("whose", "FAMILY", "purpose", "To find him"))
                .statusCode()).isEqualTo(302);

        PageSession handler = PageSession.signIn(port, "handler1");
        HttpResponse<String> police = handler.get(contacts);
        assertThat(police.body()).contains("07700 900777").contains("To find him");
        JsonNode request = api.call("handler1", HttpMethod.GET, "/api/calls/" + caseId + "/contact-requests", null).getBody().get(0);
        String decision = contacts + "/requests/" + request.get("id").asText() + "/decision";
        HttpResponse<String> noBasis = handler.postForm(contacts, decision, Map.of("decision", "GRANT"));
        assertThat(noBasis.statusCode()).isEqualTo(200);
        assertThat(noBasis.body()).contains("govuk-error-message");
        assertThat(handler.postForm(contacts, decision, Map.of("decision", "GRANT", "lawfulBasis", "UK GDPR 6(1)(e)",
                "sharingAgreement", "County MH ISA 2025")).statusCode()).isEqualTo(302);

        HttpResponse<String> after = crisis.get(contacts);
        assertThat(after.body()).contains("shared-contacts").contains("Fenella Familyperson · 07700 900777")
                .doesNotContain(ApiCalls.CALLER_PHONE);
    }
}
