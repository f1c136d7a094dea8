package org.rcrp.handover.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.support.ApiCalls;
import org.rcrp.handover.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Sharing what a partner needs, through the API with the demo users: the crisis team holding a referral asks for the
 * family contact's number; a call handler grants it with the lawful basis and the sharing agreement; the crisis team then
 * sees exactly that name and number, and never the caller's; a refused request shows nothing; managers see the log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {TestDatabase.DB_URL})
@ActiveProfiles("postgres")
@DirtiesContext
class ContactSharingPostgresIT {

    private static final String FAMILY_NAME = "Fenella Familyperson";
    private static final String FAMILY_PHONE = "07700 900777";
    private static final String CALLER_NAME = "Alan Neighbour";

    @Autowired
    TestRestTemplate http;

    private ApiCalls api;

    @BeforeEach
    void client() {
        api = new ApiCalls(http);
    }

    private String referredToTheCrisisTeam() {
        Map<String, Object> call = new HashMap<>(ApiCalls.welfareKnownTo(ApiCalls.reference(), "MENTAL_HEALTH"));
        call.put("familyContact", Map.of("name", FAMILY_NAME, "phone", FAMILY_PHONE, "relationship", "sister"));
        String caseId = api.logCall(call);
        api.triageToReferral(caseId, null);
        api.awaitTask("mhcrisis1", caseId, "user_accept_referral");
        return caseId;
    }

    /** Nothing about the caller or the family contact, in any spelling, anywhere in what the partner got. */
    private static void assertNoContactIn(String what, String body, boolean familyShared) {
        assertThat(body).as(what).doesNotContain(CALLER_NAME).doesNotContain(ApiCalls.CALLER_PHONE)
                .doesNotContain(ApiCalls.CALLER_PHONE_DIGITS).doesNotContain("neighbour");
        if (!familyShared) {
            assertThat(body).as(what).doesNotContain(FAMILY_NAME).doesNotContain(FAMILY_PHONE).doesNotContain("sister");
        }
    }

    private String fhirTasks(String user, String organization) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "application/fhir+json");
        ResponseEntity<String> bundle = http.withBasicAuth(user, user).exchange("/fhir/Task?owner=Organization/" + organization,
                HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(bundle.getStatusCode()).isEqualTo(HttpStatus.OK);
        return bundle.getBody();
    }

    @Test
    void aGrantShowsExactlyTheRequestedContactToThatPartnerAndIsLoggedForManagers() {
        String caseId = referredToTheCrisisTeam();
        String requests = "/api/calls/" + caseId + "/contact-requests";
        assertNoContactIn("partner view before any grant", api.view("mhcrisis1", caseId).toString(), false);
        assertNoContactIn("FHIR before any grant", fhirTasks("mhcrisis1", "mental-health"), false);
        assertThat(fhirTasks("mhcrisis1", "mental-health")).as("the referral's FHIR Task").contains(caseId);
        assertThat(api.view("mhcrisis1", caseId).has("sharedContacts")).isFalse();
        assertThat(api.view("handler1", caseId).at("/familyContact/phone").asText()).as("police see it").isEqualTo(FAMILY_PHONE);

        ResponseEntity<JsonNode> noPurpose = api.call("mhcrisis1", HttpMethod.POST, requests, Map.of("whose", "FAMILY"));
        assertThat(noPurpose.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noPurpose.getBody().toString()).contains("purpose");
        assertThat(api.call("handler1", HttpMethod.POST, requests, Map.of("whose", "FAMILY", "purpose", "x")).getStatusCode())
                .as("police do not ask").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.call("social1", HttpMethod.POST, requests, Map.of("whose", "FAMILY", "purpose", "x")).getStatusCode())
                .as("an agency without a referral").isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> asked = api.call("mhcrisis1", HttpMethod.POST, requests,
                Map.of("whose", "FAMILY", "purpose", "Phone off: the crisis team needs to reach the family to find him"));
        assertThat(asked.getStatusCode()).as("%s", asked.getBody()).isEqualTo(HttpStatus.CREATED);
        String family = asked.getBody().get("id").asText();
        assertThat(asked.getBody().get("state").asText()).isEqualTo("REQUESTED");
        String decision = requests + "/" + family + "/decision";

        ResponseEntity<JsonNode> noBasis = api.call("handler1", HttpMethod.POST, decision, Map.of("decision", "GRANT"));
        assertThat(noBasis.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noBasis.getBody().toString()).contains("lawfulBasis").contains("sharingAgreement");
        assertThat(api.call("officer1", HttpMethod.POST, decision, Map.of("decision", "REFUSE")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.call("mhcrisis1", HttpMethod.GET, requests, null).getBody().get(0).get("state").asText())
                .as("a refused decision changes nothing").isEqualTo("REQUESTED");
        assertNoContactIn("partner view after a refused decision", api.view("mhcrisis1", caseId).toString(), false);

        ResponseEntity<JsonNode> granted = api.call("handler1", HttpMethod.POST, decision, Map.of("decision", "GRANT",
                "lawfulBasis", "UK GDPR 6(1)(e), 9(2)(g)", "sharingAgreement", "County MH ISA 2025", "note", "Rang to check"));
        assertThat(granted.getStatusCode()).as("%s", granted.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(api.call("handler1", HttpMethod.POST, decision, Map.of("decision", "REFUSE")).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        JsonNode view = api.view("mhcrisis1", caseId);
        assertThat(view.get("sharedContacts")).hasSize(1);
        assertThat(view.at("/sharedContacts/0/whose").asText()).isEqualTo("FAMILY");
        assertThat(view.at("/sharedContacts/0/name").asText()).isEqualTo(FAMILY_NAME);
        assertThat(view.at("/sharedContacts/0/phone").asText()).isEqualTo(FAMILY_PHONE);
        assertThat(view.has("familyContact")).isFalse();
        assertNoContactIn("partner view after the family grant", view.toString(), true);
        assertThat(view.toString()).as("not the relationship: name and phone only").doesNotContain("sister");
        assertNoContactIn("FHIR after the grant", fhirTasks("mhcrisis1", "mental-health"), false);

        String caller = api.call("mhcrisis1", HttpMethod.POST, requests, Map.of("whose", "CALLER", "purpose", "Ask what he said"))
                .getBody().get("id").asText();
        assertThat(api.call("supervisor1", HttpMethod.POST, requests + "/" + caller + "/decision",
                Map.of("decision", "REFUSE", "note", "The family contact is enough")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertNoContactIn("partner view after the caller's refusal", api.view("mhcrisis1", caseId).toString(), true);

        assertThat(api.call("mhcrisis1", HttpMethod.GET, "/api/sharing", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode log = api.call("manager1", HttpMethod.GET, "/api/sharing", null).getBody();
        JsonNode grant = StreamSupport.stream(log.spliterator(), false).filter(share -> share.get("id").asText().equals(family))
                .findFirst().orElseThrow();
        assertThat(grant.get("caseId").asText()).isEqualTo(caseId);
        assertThat(grant.get("partnerGroup").asText()).isEqualTo("mental-health");
        assertThat(grant.get("requestedBy").asText()).isEqualTo("mhcrisis1");
        assertThat(grant.get("decidedBy").asText()).isEqualTo("handler1");
        assertThat(grant.get("state").asText()).isEqualTo("GRANTED");
        assertThat(grant.get("lawfulBasis").asText()).isEqualTo("UK GDPR 6(1)(e), 9(2)(g)");
        assertThat(grant.get("sharingAgreement").asText()).isEqualTo("County MH ISA 2025");
        assertThat(grant.get("shared").asText()).isEqualTo("name and phone of the family contact");
        assertThat(log.toString()).as("the log says what was shared, never the number").doesNotContain(FAMILY_PHONE);
        assertThat(StreamSupport.stream(log.spliterator(), false).anyMatch(share -> share.get("id").asText().equals(caller)
                && share.get("state").asText().equals("REFUSED") && share.get("decidedBy").asText().equals("supervisor1"))).isTrue();
        assertThat(api.view("handler1", caseId).get("timeline").toString()).contains("CONTACT_REQUESTED", "CONTACT_SHARED", "CONTACT_REFUSED");
    }
}
