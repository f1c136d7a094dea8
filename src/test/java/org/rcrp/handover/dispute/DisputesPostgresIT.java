package org.rcrp.handover.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.support.ApiCalls;
import org.rcrp.handover.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A contested rejection through the API with the demo users: the supervisor sends police now and contests; the duty
 * inspector and the crisis team's on-call manager each state a position in their own inbox; the agreed outcome and both
 * names wait in the joint review queue, where a manager records the learning.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {TestDatabase.DB_URL})
@ActiveProfiles("postgres")
@DirtiesContext
class DisputesPostgresIT {

    @Autowired
    TestRestTemplate http;

    private ApiCalls api;

    @BeforeEach
    void client() {
        api = new ApiCalls(http);
    }

    /** A case referred to the crisis team, which rejected it, waiting for the supervisor's review. */
    private String rejectedByTheCrisisTeam() {
        String caseId = api.logCall(ApiCalls.welfareKnownTo(ApiCalls.reference(), "MENTAL_HEALTH"));
        api.triageToReferral(caseId, null);
        api.claimAndComplete("mhcrisis1", api.awaitTask("mhcrisis1", caseId, "user_accept_referral"),
                Map.of("decision", "REJECT", "reasonCode", "NOT_OUR_SERVICE", "note", "Not known to us"));
        return caseId;
    }

    private JsonNode disputeOf(String caseId, String state) {
        ResponseEntity<JsonNode> queue = api.call("manager1", HttpMethod.GET, "/api/disputes?state=" + state, null);
        assertThat(queue.getStatusCode()).isEqualTo(HttpStatus.OK);
        return StreamSupport.stream(queue.getBody().spliterator(), false)
                .filter(dispute -> dispute.get("caseId").asText().equals(caseId)).findFirst().orElse(null);
    }

    @Test
    void aContestedRejectionIsSettledByBothSidesAndReviewedJointly() {
        String caseId = rejectedByTheCrisisTeam();
        String review = api.awaitTask("supervisor1", caseId, "user_supervisor_review");
        api.claimAndComplete("supervisor1", review, Map.of("action", "POLICE_ATTEND", "contest", true,
                "note", "Police go now; the crisis team should have gone"));

        // Police attend at once: the dispute holds nothing up.
        api.awaitTask("officer1", caseId, "user_attend");
        String police = api.awaitTask("inspector1", caseId, "user_dispute_police_position");
        String partner = api.awaitTask("mhmanager1", caseId, "user_dispute_partner_position");
        assertThat(api.taskOf("supervisor1", caseId, "user_dispute_police_position")).as("not for a supervisor alone").isEmpty();
        assertThat(api.taskOf("mhcrisis1", caseId, "user_dispute_partner_position")).as("the on-call manager's, not the team's").isEmpty();
        assertThat(disputeOf(caseId, "OPEN")).isNotNull();
        assertThat(disputeOf(caseId, "AWAITING_REVIEW")).isNull();

        api.call("inspector1", HttpMethod.POST, "/api/tasks/" + police + "/claim", null);
        ResponseEntity<JsonNode> noPosition = api.call("inspector1", HttpMethod.POST, "/api/tasks/" + police + "/complete",
                Map.of("note", "Joint"));
        assertThat(noPosition.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noPosition.getBody().toString()).contains("position");
        api.claimAndComplete("inspector1", police, Map.of("position", "JOINT_RESPONSE", "note", "Inspector: both should have gone"));
        api.claimAndComplete("mhmanager1", partner, Map.of("position", "JOINT_RESPONSE", "note", "Manager: a joint visit was right"));

        JsonNode settled = disputeOf(caseId, "AWAITING_REVIEW");
        assertThat(settled).as("in the joint review queue").isNotNull();
        assertThat(settled.get("agency").asText()).isEqualTo("MENTAL_HEALTH");
        assertThat(settled.get("tier").asInt()).isEqualTo(1);
        assertThat(settled.get("result").asText()).isEqualTo("AGREED");
        assertThat(settled.get("outcome").asText()).isEqualTo("JOINT_RESPONSE");
        assertThat(settled.at("/police/decidedBy").asText()).isEqualTo("inspector1");
        assertThat(settled.at("/partner/decidedBy").asText()).isEqualTo("mhmanager1");
        assertThat(settled.at("/partner/position").asText()).isEqualTo("JOINT_RESPONSE");
        String timeline = api.view("supervisor1", caseId).get("timeline").toString();
        assertThat(timeline).contains("Dispute agreed at tier 1", "Inspector: both should have gone", "Manager: a joint visit was right");

        String id = settled.get("id").asText();
        assertThat(api.call("mhcrisis1", HttpMethod.GET, "/api/disputes", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> noNote = api.call("manager1", HttpMethod.POST, "/api/disputes/" + id + "/review", Map.of());
        assertThat(noNote.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noNote.getBody().toString()).contains("learningNote");
        assertThat(disputeOf(caseId, "AWAITING_REVIEW")).as("a refused review changes nothing").isNotNull();

        ResponseEntity<JsonNode> reviewed = api.call("manager1", HttpMethod.POST, "/api/disputes/" + id + "/review",
                Map.of("learningNote", "Welfare checks with a known MH history: joint visit by default"));
        assertThat(reviewed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode done = disputeOf(caseId, "REVIEWED");
        assertThat(done.get("learningNote").asText()).isEqualTo("Welfare checks with a known MH history: joint visit by default");
        assertThat(done.get("reviewedBy").asText()).isEqualTo("manager1");
        assertThat(api.call("manager1", HttpMethod.POST, "/api/disputes/" + id + "/review", Map.of("learningNote", "again"))
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void anUncontestedRejectionOpensNoDispute() {
        String caseId = rejectedByTheCrisisTeam();
        String review = api.awaitTask("supervisor1", caseId, "user_supervisor_review");
        api.claimAndComplete("supervisor1", review, Map.of("action", "REROUTE", "agency", "SOCIAL_CARE", "note", "Agree"));
        api.awaitTask("social1", caseId, "user_accept_referral");

        assertThat(api.taskOf("inspector1", caseId, "user_dispute_police_position")).as("uncontested: no dispute").isEmpty();
        assertThat(disputeOf(caseId, "OPEN")).isNull();
    }
}
