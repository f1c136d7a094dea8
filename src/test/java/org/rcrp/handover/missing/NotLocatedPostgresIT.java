package org.rcrp.handover.missing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.support.ApiCalls;
import org.rcrp.handover.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Whereabouts unknown is a missing-person matter, through the API on PostgreSQL: a partner's NO_CONTACT and a police
 * NO_TRACE return the case to police (a supervisor's NOT_LOCATED review); it never closes on its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {TestDatabase.DB_URL})
@ActiveProfiles("postgres")
@DirtiesContext
class NotLocatedPostgresIT {

    @Autowired
    TestRestTemplate http;

    private ApiCalls api;

    @BeforeEach
    void client() {
        api = new ApiCalls(http);
    }

    private String crisisTeamFindsNobody() {
        String caseId = api.logCall(ApiCalls.welfareKnownTo(ApiCalls.reference(), "MENTAL_HEALTH"));
        api.triageToReferral(caseId, null);
        api.claimAndComplete("mhcrisis1", api.awaitTask("mhcrisis1", caseId, "user_accept_referral"),
                Map.of("decision", "ACCEPT", "note", "Crisis team will visit"));
        api.claimAndComplete("handler2", api.awaitTask("handler2", caseId, "user_inform_caller"),
                Map.of("method", "PHONE", "note", "Told the crisis team will visit"));
        api.claimAndComplete("mhcrisis1", api.awaitTask("mhcrisis1", caseId, "user_record_partner_outcome"),
                Map.of("outcome", "NO_CONTACT", "note", "Visited: nobody in, phone off"));
        return caseId;
    }

    private String officersFindNoTrace() {
        String caseId = api.logCall(ApiCalls.welfareKnownTo(ApiCalls.reference(), "MENTAL_HEALTH"));
        api.claimAndComplete("handler1", api.awaitTask("handler1", caseId, "user_assess_threshold"),
                ApiCalls.assessment(true, "Texted goodbye to his sister"));
        api.claimAndComplete("officer1", api.awaitTask("officer1", caseId, "user_attend"),
                Map.of("outcome", "NO_TRACE", "note", "Address and park searched"));
        return caseId;
    }

    @Test
    void aCrisisTeamsNoContactReturnsTheCaseToPoliceInsteadOfClosingIt() {
        String caseId = crisisTeamFindsNobody();

        JsonNode view = api.view("supervisor1", caseId);
        assertThat(view.get("state").asText()).isEqualTo("ESCALATED");
        assertThat(view.get("responsibleAgency").asText()).isEqualTo("POLICE");
        assertThat(api.awaitTask("supervisor1", caseId, "user_supervisor_review")).isNotBlank();
    }

    @Test
    void aPoliceNoTraceReturnsTheCaseToASupervisorInsteadOfClosingIt() {
        String caseId = officersFindNoTrace();

        JsonNode view = api.view("supervisor1", caseId);
        assertThat(view.get("state").asText()).isEqualTo("ESCALATED");
        assertThat(view.get("responsibleAgency").asText()).isEqualTo("POLICE");
        assertThat(api.awaitTask("supervisor1", caseId, "user_supervisor_review")).isNotBlank();
    }
}
