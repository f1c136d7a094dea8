package org.rcrp.handover.casefile;

import static org.rcrp.handover.web.ProblemMatchers.onlyError;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.identity.Actors;
import org.rcrp.handover.errors.ProblemResponses;
import org.rcrp.handover.identity.SecurityConfiguration;
import org.rcrp.handover.intake.CallIntake;
import org.rcrp.handover.intake.CallRecord;
import org.rcrp.handover.intake.CaseNotFoundException;
import org.rcrp.handover.intake.CaseNotOpenException;
import org.rcrp.handover.intake.CaseUpdate;
import org.rcrp.handover.intake.NewCall;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.CaseState;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.InvalidInputException;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.errors.ApiProblems;
import org.rcrp.handover.process.TextLimits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The calls API as a web slice: the real security configuration with the demo users over HTTP Basic,
 * the real problem+json handling, mocked services. Every error is checked field by field.
 */
@WebMvcTest(CallController.class)
@Import({SecurityConfiguration.class, ProblemResponses.class, Actors.class, ApiProblems.class})
class CallControllerTest {

    private static final String CASE_ID = "7d1c2c1e-0000-4000-8000-000000000001";
    private static final String REFERENCE = "CAD-20261125-0001";
    /** One answer whether the case does not exist or is not the caller's to see; never its id. */
    private static final String NO_CASE = "There is no such case, or it is not yours to see";
    private static final String SOURCES = "must be one of [PUBLIC_999, PUBLIC_101, PARTNER, NHS111]";
    private static final String CATEGORIES = "must be one of [CONCERN_FOR_WELFARE, WALKOUT, AWOL, MEDICAL, S136_HANDOVER, OTHER]";
    private static final String AGENCIES = "must be one of [POLICE, MENTAL_HEALTH, AMBULANCE, SOCIAL_CARE, CHILDRENS_SOCIAL_CARE, HEALTHCARE_SETTING, NHS111, HOSPITAL, FIRE]";
    private static final String STATES = "must be one of [TRIAGE, POLICE_ATTENDING, REFERRED, HANDOVER, ESCALATED, CLOSED]";

    private static final String VALID_CALL = """
            { "reference": "CAD-20261125-0001", "source": "PUBLIC_999", "category": "CONCERN_FOR_WELFARE",
              "summary": "Neighbour has not been seen for three days",
              "location": { "description": "12 High Street", "urban": true },
              "subject": { "name": "J. Doe", "ageYears": 34, "knownTo": ["MENTAL_HEALTH"] },
              "caller": { "name": "A. Caller", "phone": "+44 (0)7700 900123", "relationship": "neighbour" } }
            """;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CallIntake intake;

    @MockitoBean
    CaseQueries queries;

    // ---- POST /api/calls: created, existing --------------------------------------------------------

    @Test
    void aNewCallGives201WithLocationAndTheCase() throws Exception {
        when(intake.log(any(), any())).thenReturn(new CallIntake.Logged(record(), true));
        when(queries.view(eq(CASE_ID), any())).thenReturn(view());

        postCall(VALID_CALL, "handler1")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/calls/" + CASE_ID))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.id").value(CASE_ID))
                .andExpect(jsonPath("$.reference").value(REFERENCE))
                .andExpect(jsonPath("$.state").value("TRIAGE"))
                .andExpect(jsonPath("$.responsibleAgency").value("POLICE"));

        ArgumentCaptor<NewCall> call = ArgumentCaptor.forClass(NewCall.class);
        ArgumentCaptor<Actor> actor = ArgumentCaptor.forClass(Actor.class);
        verify(intake).log(call.capture(), actor.capture());
        org.assertj.core.api.Assertions.assertThat(call.getValue().reference()).isEqualTo(REFERENCE);
        org.assertj.core.api.Assertions.assertThat(call.getValue().source()).isEqualTo(Source.PUBLIC_999);
        org.assertj.core.api.Assertions.assertThat(call.getValue().location().urban()).isTrue();
        org.assertj.core.api.Assertions.assertThat(call.getValue().subject().knownTo()).containsExactly(Agency.MENTAL_HEALTH);
        org.assertj.core.api.Assertions.assertThat(actor.getValue().userId()).isEqualTo("handler1");
        org.assertj.core.api.Assertions.assertThat(actor.getValue().groups()).containsExactly("call-handlers");
    }

    @Test
    void aKnownReferenceGives200WithTheExistingCase() throws Exception {
        when(intake.log(any(), any())).thenReturn(new CallIntake.Logged(record(), false));
        when(queries.view(eq(CASE_ID), any())).thenReturn(view());

        postCall(VALID_CALL, "handler2")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(CASE_ID))
                .andExpect(jsonPath("$.reference").value(REFERENCE));
    }

    // ---- POST /api/calls: bean validation -----------------------------------------------------------

    @Test
    void aBlankReferenceIsRefused() throws Exception {
        rejected(VALID_CALL.replace("\"CAD-20261125-0001\"", "\"  \""), "The request has invalid fields")
                .andExpect(jsonPath("$.errors[*].field", everyOne("reference")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("must not be blank")));
    }

    @Test
    void aTooLongReferenceIsRefused() throws Exception {
        rejected(VALID_CALL.replace("CAD-20261125-0001", "C".repeat(65)), "The request has invalid fields")
                .andExpectAll(onlyError("reference", "size must be between 0 and 64"));
    }

    @Test
    void aReferenceWithOtherCharactersIsRefused() throws Exception {
        rejected(VALID_CALL.replace("CAD-20261125-0001", "CAD 2026;0001"), "The request has invalid fields")
                .andExpectAll(onlyError("reference", "may hold letters, digits and . _ : / - only"));
    }

    @Test
    void aMissingSourceIsRefused() throws Exception {
        rejected(VALID_CALL.replace("\"source\": \"PUBLIC_999\",", ""), "The request has invalid fields")
                .andExpectAll(onlyError("source", "must not be null"));
    }

    @Test
    void severalInvalidFieldsAreAllNamedSortedByField() throws Exception {
        rejected("""
                { "reference": "CAD-1", "summary": "",
                  "subject": { "ageYears": 200 }, "caller": { "phone": "call me" } }
                """, "The request has invalid fields")
                .andExpect(jsonPath("$.errors", hasSize(5)))
                .andExpect(jsonPath("$.errors[0].field").value("caller.phone"))
                .andExpect(jsonPath("$.errors[1].field").value("category"))
                .andExpect(jsonPath("$.errors[1].message").value("must not be null"))
                .andExpect(jsonPath("$.errors[2].field").value("source"))
                .andExpect(jsonPath("$.errors[3].field").value("subject.ageYears"))
                .andExpect(jsonPath("$.errors[4].field").value("summary"));
    }

    @Test
    void anUnknownSourceListsTheAllowedValues() throws Exception {
        rejected(VALID_CALL.replace("PUBLIC_999", "PIGEON"), "The request has invalid fields")
                .andExpectAll(onlyError("source", SOURCES));
    }

    @Test
    void anUnknownCategoryListsTheAllowedValues() throws Exception {
        rejected(VALID_CALL.replace("CONCERN_FOR_WELFARE", "NOISE"), "The request has invalid fields")
                .andExpectAll(onlyError("category", CATEGORIES));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "0", "\"5\"", "-1", "5.0"})
    void aNumberIsNoCategory(String number) throws Exception {
        rejected(VALID_CALL.replace("\"CONCERN_FOR_WELFARE\"", number), "The request has invalid fields")
                .andExpectAll(onlyError("category", CATEGORIES));
    }

    @Test
    void aNumberIsNoAgencyInKnownTo() throws Exception {
        rejected(VALID_CALL.replace("[\"MENTAL_HEALTH\"]", "[\"MENTAL_HEALTH\", 2]"), "The request has invalid fields")
                .andExpectAll(onlyError("subject.knownTo[1]", AGENCIES));
    }

    @Test
    void aBlankSummaryIsRefused() throws Exception {
        rejected(VALID_CALL.replace("Neighbour has not been seen for three days", " "), "The request has invalid fields")
                .andExpectAll(onlyError("summary", "must not be blank"));
    }

    @Test
    void aTooLongSummaryIsRefused() throws Exception {
        rejected(VALID_CALL.replace("Neighbour has not been seen for three days", "x".repeat(TextLimits.SUMMARY + 1)),
                "The request has invalid fields")
                .andExpectAll(onlyError("summary", "size must be between 0 and " + TextLimits.SUMMARY));
    }

    @Test
    void aNegativeAgeIsRefused() throws Exception {
        rejected(VALID_CALL.replace("\"ageYears\": 34", "\"ageYears\": -1"), "The request has invalid fields")
                .andExpectAll(onlyError("subject.ageYears", "must be greater than or equal to 0"));
    }

    @Test
    void anAgeOver130IsRefused() throws Exception {
        rejected(VALID_CALL.replace("\"ageYears\": 34", "\"ageYears\": 131"), "The request has invalid fields")
                .andExpectAll(onlyError("subject.ageYears", "must be less than or equal to 130"));
    }

    @Test
    void anAgeThatIsNotANumberIsRefused() throws Exception {
        rejected(VALID_CALL.replace("\"ageYears\": 34", "\"ageYears\": \"thirty\""), "The request has invalid fields")
                .andExpectAll(onlyError("subject.ageYears", "must be a number"));
    }

    @Test
    void anUnknownAgencyInKnownToNamesItsIndex() throws Exception {
        rejected(VALID_CALL.replace("[\"MENTAL_HEALTH\"]", "[\"MENTAL_HEALTH\", \"COASTGUARD\"]"), "The request has invalid fields")
                .andExpectAll(onlyError("subject.knownTo[1]", AGENCIES));
    }

    @Test
    void aPhoneWithLettersIsRefused() throws Exception {
        rejected(VALID_CALL.replace("+44 (0)7700 900123", "07700 CALLME"), "The request has invalid fields")
                .andExpectAll(onlyError("caller.phone", "may hold digits, spaces and + ( ) - only"));
    }

    @Test
    void aFamilyContactsPhoneWithLettersIsRefused() throws Exception {
        rejected(VALID_CALL.replace("\"neighbour\" } }", "\"neighbour\" },\n  \"familyContact\": { \"name\": \"B. Sister\", \"phone\": \"07700 SISTER\", \"relationship\": \"sister\" } }"),
                "The request has invalid fields")
                .andExpectAll(onlyError("familyContact.phone", "may hold digits, spaces and + ( ) - only"));
    }

    @Test
    void anAwolWithoutRetakeExpiryIsRefused() throws Exception {
        rejected("""
                { "reference": "CAD-20261125-0002", "source": "PARTNER", "category": "AWOL", "summary": "Left the ward",
                  "awol": { "mhaSection": "s3", "dangerous": false } }
                """, "The request has invalid fields")
                .andExpectAll(onlyError("awol.retakeExpiry", "must not be null"));
    }

    @Test
    void anAwolKindIsOneOfTheFour() throws Exception {
        rejected("""
                { "reference": "CAD-20261125-0002", "source": "PARTNER", "category": "AWOL", "summary": "Left the ward",
                  "awol": { "retakeExpiry": "2027-01-01", "kind": "WANDERED" } }
                """, "The request has invalid fields")
                .andExpectAll(onlyError("awol.kind", "must be one of [ABSCONDED, FAILED_TO_RETURN, CTO_RECALL, ESCAPED_CUSTODY]"));
    }

    @Test
    void aWalkOutsSettingIsACodeAndItsDescriptionHasALimit() throws Exception {
        rejected("""
                { "reference": "CAD-20261125-0003", "source": "PARTNER", "category": "WALKOUT", "summary": "Left A&E",
                  "walkout": { "setting": "the big hospital" } }
                """, "The request has invalid fields")
                .andExpectAll(onlyError("walkout.setting",
                        "must be one of [EMERGENCY_DEPARTMENT, ACUTE_WARD, MENTAL_HEALTH_WARD, GP_SURGERY, OTHER]"));
        rejected("""
                { "reference": "CAD-20261125-0003", "source": "PARTNER", "category": "WALKOUT", "summary": "Left A&E",
                  "walkout": { "description": "%s" } }
                """.formatted("d".repeat(org.rcrp.handover.process.TextLimits.WALKOUT_DESCRIPTION + 1)), "The request has invalid fields")
                .andExpectAll(onlyError("walkout.description",
                        "size must be between 0 and " + org.rcrp.handover.process.TextLimits.WALKOUT_DESCRIPTION));
        rejected("""
                { "reference": "CAD-20261125-0003", "source": "PARTNER", "category": "WALKOUT", "summary": "Left A&E",
                  "walkout": { "lastSeen": "an hour ago" } }
                """, "The request has invalid fields")
                .andExpect(jsonPath("$.errors[0].field").value("walkout.lastSeen"));
    }

    @Test
    void aRetakeExpiryThatIsNotADateIsRefused() throws Exception {
        rejected("""
                { "reference": "CAD-20261125-0002", "source": "PARTNER", "category": "AWOL", "summary": "Left the ward",
                  "awol": { "retakeExpiry": "next Tuesday" } }
                """, "The request has invalid fields")
                .andExpectAll(onlyError("awol.retakeExpiry", "must be a date (YYYY-MM-DD)"));
    }

    @Test
    void aWrongJsonTypeNamesTheNestedField() throws Exception {
        rejected(VALID_CALL.replace("\"urban\": true", "\"urban\": \"maybe\""), "The request has invalid fields")
                .andExpectAll(onlyError("location.urban", "must be true or false"));
    }

    @Test
    void anObjectWhereAListBelongsIsRefused() throws Exception {
        rejected(VALID_CALL.replace("[\"MENTAL_HEALTH\"]", "{ \"agency\": \"MENTAL_HEALTH\" }"), "The request has invalid fields")
                .andExpectAll(onlyError("subject.knownTo", "must be a list"));
    }

    @Test
    void aNullAgencyInKnownToNamesItsIndex() throws Exception {
        rejected(VALID_CALL.replace("[\"MENTAL_HEALTH\"]", "[\"MENTAL_HEALTH\", null]"), "The request has invalid fields")
                .andExpectAll(onlyError("subject.knownTo[1]", "must not be null"));
    }

    @Test
    void aJsonArrayIsRefusedAsTheBody() throws Exception {
        rejected("[" + VALID_CALL + "]", "The request body is not valid JSON")
                .andExpectAll(onlyError("body", "must be a JSON object"));
    }

    @Test
    void aBodyThatIsNotJsonIs415Problem() throws Exception {
        problem(mvc.perform(post("/api/calls").with(httpBasic("handler1", "handler1"))
                        .contentType(MediaType.TEXT_PLAIN).content("reference=CAD-1")),
                415, "Unsupported Media Type", "Content-Type 'text/plain;charset=UTF-8' is not supported.");
        verify(intake, never()).log(any(), any());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{ \"reference\": ", "not json at all", "{\"reference\": \"CAD-1\",}"})
    void malformedJsonIsRefusedAsTheBody(String body) throws Exception {
        rejected(body, "The request body is not valid JSON")
                .andExpectAll(onlyError("body", "must be a JSON object"))
                .andExpect(content().string(not(containsString("Exception"))))
                .andExpect(content().string(not(containsString("com.fasterxml"))));
    }

    @Test
    void anEmptyBodyIsRefusedAsTheBody() throws Exception {
        rejected("", "The request body is not valid JSON")
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void anAwolCallWithoutAwolDetailsIsRefusedByTheService() throws Exception {
        when(intake.log(any(), any())).thenThrow(new InvalidInputException(
                List.of(new FieldError("awol", "is required when the category is AWOL"))));

        problem(postCall(VALID_CALL.replace("CONCERN_FOR_WELFARE", "AWOL"), "handler1"), 400, "Bad Request",
                "The request has invalid fields")
                .andExpectAll(onlyError("awol", "is required when the category is AWOL"));
        verify(queries, never()).view(any(), any());
    }

    // ---- POST /api/calls: who may ------------------------------------------------------------------

    @Test
    void withoutCredentialsTheAnswerIs401ProblemWithAChallenge() throws Exception {
        problem(mvc.perform(post("/api/calls").contentType(MediaType.APPLICATION_JSON).content(VALID_CALL)),
                401, "Unauthorized", "Sign in to use this service")
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"rcrp\""));
        verify(intake, never()).log(any(), any());
    }

    @Test
    void aWrongPasswordIs401() throws Exception {
        problem(mvc.perform(post("/api/calls").with(httpBasic("handler1", "wrong"))
                        .contentType(MediaType.APPLICATION_JSON).content(VALID_CALL)),
                401, "Unauthorized", "Sign in to use this service")
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"rcrp\""));
        verify(intake, never()).log(any(), any());
    }

    @Test
    void anUnknownUserIs401() throws Exception {
        problem(mvc.perform(get("/api/calls/" + CASE_ID).with(httpBasic("nobody", "nobody"))),
                401, "Unauthorized", "Sign in to use this service");
        verify(queries, never()).view(any(), any());
    }

    @Test
    void aManagerMayNotLogCalls() throws Exception {
        problem(postCall(VALID_CALL, "manager1"), 403, "Forbidden", "Managers read the figures and cases; they do not change them")
                .andExpect(jsonPath("$.errors").doesNotExist());
        verify(intake, never()).log(any(), any());
    }

    @Test
    void aPartnerRepostingAReferenceOfACaseItMayNotReadLearnsOnlyThatTheReferenceIsInUse() throws Exception {
        when(intake.log(any(), any())).thenReturn(new CallIntake.Logged(record(), false));
        when(queries.view(eq(CASE_ID), any())).thenThrow(new CaseNotFoundException(CASE_ID));

        problem(postCall(VALID_CALL.replace("PUBLIC_999", "PARTNER"), "social1"), 409, "Conflict",
                "This reference is already in use")
                .andExpect(header().doesNotExist("Location"))
                .andExpect(jsonPath("$.errors").doesNotExist())
                .andExpect(content().string(not(containsString(CASE_ID))))
                .andExpect(content().string(not(containsString("J. Doe"))));
    }

    @Test
    void aPartnerMayLogAReferral() throws Exception {
        when(intake.log(any(), any())).thenReturn(new CallIntake.Logged(record(), true));
        when(queries.view(eq(CASE_ID), any())).thenReturn(view());

        postCall(VALID_CALL.replace("PUBLIC_999", "PARTNER"), "mhcrisis1").andExpect(status().isCreated());
    }

    // ---- GET /api/calls/{id} -----------------------------------------------------------------------

    @Test
    void theCasePassesThrough() throws Exception {
        when(queries.view(eq(CASE_ID), any())).thenReturn(view());

        mvc.perform(get("/api/calls/" + CASE_ID).with(httpBasic("supervisor1", "supervisor1")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.id").value(CASE_ID))
                .andExpect(jsonPath("$.reference").value(REFERENCE))
                .andExpect(jsonPath("$.category").value("CONCERN_FOR_WELFARE"))
                .andExpect(jsonPath("$.state").value("TRIAGE"))
                .andExpect(jsonPath("$.responsibleAgency").value("POLICE"))
                .andExpect(jsonPath("$.callerInformed").value(false))
                .andExpect(jsonPath("$.openTasks[0].key").value("user_assess_threshold"))
                .andExpect(jsonPath("$.openTasks[0].candidateGroups[0]").value("call-handlers"))
                .andExpect(jsonPath("$.timeline[0].type").value("CALL_LOGGED"))
                .andExpect(jsonPath("$.timeline[0].actor").value("handler1"));

        ArgumentCaptor<Actor> actor = ArgumentCaptor.forClass(Actor.class);
        verify(queries).view(eq(CASE_ID), actor.capture());
        org.assertj.core.api.Assertions.assertThat(actor.getValue().userId()).isEqualTo("supervisor1");
    }

    @Test
    void anUnknownCaseIs404Problem() throws Exception {
        when(queries.view(eq("nope"), any())).thenThrow(new CaseNotFoundException("nope"));

        problem(mvc.perform(get("/api/calls/nope").with(httpBasic("handler1", "handler1"))), 404, "Not Found", NO_CASE)
                .andExpect(jsonPath("$.errors").doesNotExist());
    }

    @Test
    void anUnexpectedFailureIs500WithoutInternals() throws Exception {
        when(queries.view(eq(CASE_ID), any())).thenThrow(new IllegalStateException("SELECT * FROM call_record failed"));

        problem(mvc.perform(get("/api/calls/" + CASE_ID).with(httpBasic("handler1", "handler1"))), 500,
                "Internal Server Error", "Something went wrong on our side; it has been logged.")
                .andExpect(content().string(not(containsString("SELECT"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))));
    }

    // ---- GET /api/calls ----------------------------------------------------------------------------

    @Test
    void casesAreListedWithStateAndLimit() throws Exception {
        when(queries.list(any(), anyInt(), any())).thenReturn(List.of(new CaseView.Summary(CASE_ID, REFERENCE,
                Category.WALKOUT, CaseState.REFERRED, null, Agency.MENTAL_HEALTH, Agency.POLICE, Instant.parse("2026-11-25T10:00:00Z"))));

        mvc.perform(get("/api/calls").param("state", "REFERRED").param("limit", "20").with(httpBasic("manager1", "manager1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(CASE_ID))
                .andExpect(jsonPath("$[0].state").value("REFERRED"))
                .andExpect(jsonPath("$[0].agency").value("MENTAL_HEALTH"));
        verify(queries).list(eq(Optional.of(CaseState.REFERRED)), eq(20), any());
    }

    @Test
    void withoutParametersTheListIsEveryStateAndAHundred() throws Exception {
        when(queries.list(any(), anyInt(), any())).thenReturn(List.of());

        mvc.perform(get("/api/calls").with(httpBasic("supervisor1", "supervisor1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
        verify(queries).list(eq(Optional.empty()), eq(100), any());
    }

    @Test
    void anUnknownStateListsTheStates() throws Exception {
        problem(mvc.perform(get("/api/calls").param("state", "BOGUS").with(httpBasic("supervisor1", "supervisor1"))),
                400, "Bad Request", "A parameter has an invalid value")
                .andExpectAll(onlyError("state", STATES));
        verify(queries, never()).list(any(), anyInt(), any());
    }

    @Test
    void aLimitThatIsNotANumberIsRefused() throws Exception {
        problem(mvc.perform(get("/api/calls").param("limit", "lots").with(httpBasic("supervisor1", "supervisor1"))),
                400, "Bad Request", "A parameter has an invalid value")
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a number"));
    }

    @Test
    void aLimitBelowOneIsRefused() throws Exception {
        problem(mvc.perform(get("/api/calls").param("limit", "0").with(httpBasic("supervisor1", "supervisor1"))),
                400, "Bad Request", "A parameter has an invalid value")
                .andExpectAll(onlyError("limit", "must be greater than or equal to 1"));
        verify(queries, never()).list(any(), anyInt(), any());
    }

    @Test
    void aLimitAbove500IsRefused() throws Exception {
        problem(mvc.perform(get("/api/calls").param("limit", "501").with(httpBasic("supervisor1", "supervisor1"))),
                400, "Bad Request", "A parameter has an invalid value")
                .andExpectAll(onlyError("limit", "must be less than or equal to 500"));
        verify(queries, never()).list(any(), anyInt(), any());
    }

    @Test
    void aPartnerAskingForTheListIs403Problem() throws Exception {
        when(queries.list(any(), anyInt(), any())).thenThrow(new AccessDeniedException("Case lists are for police staff"));

        problem(mvc.perform(get("/api/calls").with(httpBasic("social1", "social1"))), 403, "Forbidden",
                "Case lists are for police staff")
                .andExpect(jsonPath("$.errors").doesNotExist());
    }

    // ---- POST /api/calls/{id}/updates --------------------------------------------------------------

    @Test
    void newInformationIsAccepted() throws Exception {
        when(queries.mayRead(eq(CASE_ID), any())).thenReturn(true);

        postUpdate(CASE_ID, "{ \"note\": \"He has a knife\", \"riskToLife\": true }", "handler1")
                .andExpect(status().isAccepted());
        verify(intake).addInformation(eq(CASE_ID), eq(new CaseUpdate("He has a knife", true, false, false)), any());
    }

    @Test
    void aBlankNoteIsRefused() throws Exception {
        problem(postUpdate(CASE_ID, "{ \"note\": \"  \", \"crime\": true }", "handler1"), 400, "Bad Request",
                "The request has invalid fields")
                .andExpectAll(onlyError("note", "must not be blank"));
        verify(intake, never()).addInformation(any(), any(), any());
    }

    @Test
    void aRiskThatIsNotABooleanIsRefused() throws Exception {
        problem(postUpdate(CASE_ID, "{ \"note\": \"x\", \"riskToLife\": \"very\" }", "handler1"), 400, "Bad Request",
                "The request has invalid fields")
                .andExpect(jsonPath("$.errors[0].field").value("riskToLife"))
                .andExpect(jsonPath("$.errors[0].message").value("must be true or false"));
        verify(intake, never()).addInformation(any(), any(), any());
    }

    @Test
    void aClosedCaseIs409() throws Exception {
        when(queries.mayRead(eq(CASE_ID), any())).thenReturn(true);
        doThrow(new CaseNotOpenException(CASE_ID)).when(intake).addInformation(eq(CASE_ID), any(), any());

        problem(postUpdate(CASE_ID, "{ \"note\": \"Still there\" }", "handler1"), 409, "Conflict",
                "The case is closed. Log a new call; repeat contact is linked.")
                .andExpect(jsonPath("$.errors").doesNotExist());
    }

    @Test
    void aManagerMayNotAddInformationNorRaiseTheRisk() throws Exception {
        when(queries.mayRead(eq(CASE_ID), any())).thenReturn(true);

        problem(postUpdate(CASE_ID, "{ \"note\": \"He has a knife\", \"riskToLife\": true }", "manager1"), 403, "Forbidden",
                "Managers read the figures and cases; they do not change them")
                .andExpect(jsonPath("$.errors").doesNotExist());
        verify(intake, never()).addInformation(any(), any(), any());
    }

    @Test
    void aManagerIsRefusedAlikeWhetherOrNotTheCaseExists() throws Exception {
        when(queries.mayRead(any(), any())).thenReturn(false);

        problem(postUpdate("no-such-case", "{ \"note\": \"x\" }", "manager1"), 403, "Forbidden",
                "Managers read the figures and cases; they do not change them");
        verify(intake, never()).addInformation(any(), any(), any());
    }

    @Test
    void aCaseTheUserMayNotReadIs404() throws Exception {
        when(queries.mayRead(eq(CASE_ID), any())).thenReturn(false);

        problem(postUpdate(CASE_ID, "{ \"note\": \"Still there\" }", "ambulance1"), 404, "Not Found", NO_CASE);
        verify(intake, never()).addInformation(any(), any(), any());
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private ResultActions postCall(String body, String user) throws Exception {
        return mvc.perform(post("/api/calls").with(httpBasic(user, user)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions postUpdate(String id, String body, String user) throws Exception {
        MockHttpServletRequestBuilder request = post("/api/calls/" + id + "/updates").with(httpBasic(user, user))
                .contentType(MediaType.APPLICATION_JSON).content(body);
        return mvc.perform(request);
    }

    /** A POST /api/calls as handler1 that must be refused with 400 before reaching the service. */
    private ResultActions rejected(String body, String detail) throws Exception {
        ResultActions result = problem(postCall(body, "handler1"), 400, "Bad Request", detail);
        verify(intake, never()).log(any(), any());
        verify(queries, never()).view(any(), any());
        return result;
    }

    static ResultActions problem(ResultActions result, int status, String title, String detail) throws Exception {
        return result
                .andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").value(title))
                .andExpect(jsonPath("$.detail").value(detail))
                .andExpect(jsonPath("$.trace").doesNotExist())
                .andExpect(jsonPath("$.exception").doesNotExist());
    }

    private static org.hamcrest.Matcher<Iterable<? extends String>> everyOne(String field) {
        return org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo(field));
    }

    private static CallRecord record() {
        return new CallRecord(CASE_ID, REFERENCE, Source.PUBLIC_999, Category.CONCERN_FOR_WELFARE,
                "Neighbour has not been seen for three days", "12 High Street", true, "J. Doe", 34,
                List.of(Agency.MENTAL_HEALTH), "A. Caller", "+44 (0)7700 900123", "neighbour",
                null, null, null, null, null, null, Instant.parse("2026-11-25T10:00:00Z"), "handler1");
    }

    private static CaseView view() {
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        return new CaseView(CASE_ID, REFERENCE, Source.PUBLIC_999, Category.CONCERN_FOR_WELFARE,
                "Neighbour has not been seen for three days", new CaseView.Location("12 High Street", true),
                new CaseView.Subject("J. Doe", 34, List.of(Agency.MENTAL_HEALTH)),
                new CaseView.Caller("A. Caller", "+44 (0)7700 900123", "neighbour"), null, null, null,
                CaseState.TRIAGE, null, null, null, Agency.POLICE, null, null, false, false, at, "handler1", null,
                List.of(new CaseView.OpenTask("task-1", "user_assess_threshold", "Assess threshold",
                        List.of("call-handlers"), null, java.util.Date.from(at), null)),
                List.of(new CaseView.TimelineEntry(at, "CALL_LOGGED", "handler1", "call-handlers", "CONCERN_FOR_WELFARE")),
                List.of(), List.of(), null);
    }
}
