package org.rcrp.handover.inbox;

import static org.rcrp.handover.web.ProblemMatchers.onlyError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
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
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.rcrp.handover.attendance.Attend;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.identity.Actors;
import org.rcrp.handover.errors.ProblemResponses;
import org.rcrp.handover.identity.SecurityConfiguration;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.AttendOutcome;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.InformMethod;
import org.rcrp.handover.process.PartnerOutcome;
import org.rcrp.handover.process.ReferralDecision;
import org.rcrp.handover.process.RejectionReason;
import org.rcrp.handover.process.Route;
import org.rcrp.handover.process.SupervisorAction;
import org.rcrp.handover.process.TaskCompletion;
import org.rcrp.handover.referral.AcceptReferral;
import org.rcrp.handover.referral.RecordPartnerOutcome;
import org.rcrp.handover.referral.SupervisorReview;
import org.rcrp.handover.s136.AcceptHandover;
import org.rcrp.handover.triage.AssessThreshold;
import org.rcrp.handover.triage.InformCaller;
import org.rcrp.handover.errors.ApiProblems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The tasks API as a web slice: real security (demo users over HTTP Basic), real problem+json, a mocked
 * {@link TaskFacade}. Completing binds the body to the record of the task's key; every refusal names its field.
 */
@WebMvcTest(TaskController.class)
@Import({SecurityConfiguration.class, ProblemResponses.class, Actors.class, ApiProblems.class})
class TaskControllerTest {

    private static final String TASK = "task-42";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TaskFacade tasks;

    // ---- GET /api/tasks ----------------------------------------------------------------------------

    @Test
    void withoutScopeTheAvailableTasksOfTheUsersGroupsAreListed() throws Exception {
        when(tasks.available(any())).thenReturn(List.of(item()));

        mvc.perform(get("/api/tasks").with(httpBasic("handler1", "handler1")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].id").value(TASK))
                .andExpect(jsonPath("$[0].key").value("user_assess_threshold"))
                .andExpect(jsonPath("$[0].callId").value("case-1"))
                .andExpect(jsonPath("$[0].callReference").value("CAD-20261125-0001"))
                .andExpect(jsonPath("$[0].category").value("CONCERN_FOR_WELFARE"))
                .andExpect(jsonPath("$[0].candidateGroups[0]").value("call-handlers"))
                .andExpect(jsonPath("$[0].assignee").isEmpty())
                .andExpect(jsonPath("$[0].due").exists());

        ArgumentCaptor<Actor> actor = ArgumentCaptor.forClass(Actor.class);
        verify(tasks).available(actor.capture());
        verify(tasks, never()).mine(any());
        assertThat(actor.getValue().userId()).isEqualTo("handler1");
        assertThat(actor.getValue().groups()).containsExactly("call-handlers");
    }

    @Test
    void scopeAvailableListsTheAvailableTasks() throws Exception {
        when(tasks.available(any())).thenReturn(List.of());

        mvc.perform(get("/api/tasks").param("scope", "available").with(httpBasic("mhcrisis1", "mhcrisis1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
        verify(tasks).available(any());
        verify(tasks, never()).mine(any());
    }

    @Test
    void scopeMineListsTheUsersHeldTasks() throws Exception {
        when(tasks.mine(any())).thenReturn(List.of(item()));

        mvc.perform(get("/api/tasks").param("scope", "mine").with(httpBasic("handler2", "handler2")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(TASK));
        ArgumentCaptor<Actor> actor = ArgumentCaptor.forClass(Actor.class);
        verify(tasks).mine(actor.capture());
        verify(tasks, never()).available(any());
        assertThat(actor.getValue().userId()).isEqualTo("handler2");
    }

    @Test
    void anUnknownScopeListsTheScopes() throws Exception {
        problem(mvc.perform(get("/api/tasks").param("scope", "bogus").with(httpBasic("handler1", "handler1"))),
                400, "Bad Request", "A parameter has an invalid value")
                .andExpectAll(onlyError("scope", "must be one of [available, mine]"));
        verify(tasks, never()).available(any());
        verify(tasks, never()).mine(any());
    }

    @Test
    void filtersNarrowTheQueueByCategoryAgencyAndClock() throws Exception {
        Instant now = Instant.now();
        WorkItem overdueWelfare = new WorkItem("t1", "user_accept_referral", "Accept referral", "case-1", "CAD-1",
                "CONCERN_FOR_WELFARE", List.of("mental-health"), null, Date.from(now.minusSeconds(900)),
                Date.from(now.minusSeconds(60)), null, null, org.rcrp.handover.process.Agency.MENTAL_HEALTH, "A Person",
                "1 High St", "summary", Date.from(now.minusSeconds(1000)));
        WorkItem onTimeAwol = new WorkItem("t2", "user_accept_referral", "Accept referral", "case-2", "CAD-2", "AWOL",
                List.of("mental-health"), null, Date.from(now), Date.from(now.plusSeconds(900)), null, null,
                org.rcrp.handover.process.Agency.MENTAL_HEALTH, null, null, "summary", Date.from(now));
        when(tasks.available(any())).thenReturn(List.of(overdueWelfare, onTimeAwol));

        mvc.perform(get("/api/tasks").param("overdue", "true").with(httpBasic("mhcrisis1", "mhcrisis1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].id").value("t1"))
                .andExpect(jsonPath("$[0].agency").value("MENTAL_HEALTH")).andExpect(jsonPath("$[0].subjectName").value("A Person"))
                .andExpect(jsonPath("$[0].location").value("1 High St"));
        mvc.perform(get("/api/tasks").param("category", "AWOL").with(httpBasic("mhcrisis1", "mhcrisis1")))
                .andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].id").value("t2"));
        mvc.perform(get("/api/tasks").param("agency", "AMBULANCE").with(httpBasic("mhcrisis1", "mhcrisis1")))
                .andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void aBadFilterIsAProblemNamingItsParameter() throws Exception {
        for (String parameter : new String[] {"category", "agency", "overdue"}) {
            problem(mvc.perform(get("/api/tasks").param(parameter, "bogus").with(httpBasic("handler1", "handler1"))),
                    400, "Bad Request", "A parameter has an invalid value")
                    .andExpect(jsonPath("$.errors[0].field").value(parameter));
        }
        verify(tasks, never()).available(any());
    }

    @Test
    void aChildrensSocialCareCaseworkerActsInChildrensSocialCareOnly() throws Exception {
        when(tasks.available(any())).thenReturn(List.of());

        mvc.perform(get("/api/tasks").with(httpBasic("childsc1", "childsc1"))).andExpect(status().isOk());

        ArgumentCaptor<Actor> actor = ArgumentCaptor.forClass(Actor.class);
        verify(tasks).available(actor.capture());
        assertThat(actor.getValue().groups()).containsExactly("childrens-social-care");
        assertThat(actor.getValue().isPolice()).isFalse();
    }

    @Test
    void withoutCredentialsTasksAre401() throws Exception {
        problem(mvc.perform(get("/api/tasks")), 401, "Unauthorized", "Sign in to use this service")
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"rcrp\""));
        verify(tasks, never()).available(any());
    }

    // ---- claim / unclaim ---------------------------------------------------------------------------

    @Test
    void claimingIs204() throws Exception {
        mvc.perform(post("/api/tasks/" + TASK + "/claim").with(httpBasic("handler1", "handler1")))
                .andExpect(status().isNoContent())
                .andExpect(content().string(""));
        ArgumentCaptor<Actor> actor = ArgumentCaptor.forClass(Actor.class);
        verify(tasks).claim(eq(TASK), actor.capture());
        assertThat(actor.getValue().userId()).isEqualTo("handler1");
    }

    @Test
    void claimingATaskSomeoneElseHoldsIs409() throws Exception {
        doThrow(new TaskProblem(TaskProblem.Kind.CONFLICT, "Task " + TASK + " is held by handler2"))
                .when(tasks).claim(eq(TASK), any());

        problem(mvc.perform(post("/api/tasks/" + TASK + "/claim").with(httpBasic("handler1", "handler1"))),
                409, "Conflict", "Task " + TASK + " is held by handler2")
                .andExpect(jsonPath("$.errors").doesNotExist());
    }

    @Test
    void claimingAnUnknownTaskIs404() throws Exception {
        doThrow(new TaskProblem(TaskProblem.Kind.NOT_FOUND, "No open task nope")).when(tasks).claim(eq("nope"), any());

        problem(mvc.perform(post("/api/tasks/nope/claim").with(httpBasic("handler1", "handler1"))),
                404, "Not Found", "No open task nope")
                .andExpect(jsonPath("$.errors").doesNotExist());
    }

    @Test
    void unclaimingIs204() throws Exception {
        mvc.perform(post("/api/tasks/" + TASK + "/unclaim").with(httpBasic("officer1", "officer1")))
                .andExpect(status().isNoContent());
        verify(tasks).unclaim(eq(TASK), any());
    }

    @Test
    void unclaimingATaskNotHeldIs409() throws Exception {
        doThrow(new TaskProblem(TaskProblem.Kind.CONFLICT, "Task " + TASK + " is not held by officer1"))
                .when(tasks).unclaim(eq(TASK), any());

        problem(mvc.perform(post("/api/tasks/" + TASK + "/unclaim").with(httpBasic("officer1", "officer1"))),
                409, "Conflict", "Task " + TASK + " is not held by officer1");
    }

    @Test
    void claimingWithoutCredentialsIs401() throws Exception {
        problem(mvc.perform(post("/api/tasks/" + TASK + "/claim")), 401, "Unauthorized", "Sign in to use this service")
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"rcrp\""));
        verify(tasks, never()).claim(any(), any());
    }

    // ---- complete: each key binds its record -------------------------------------------------------

    @Test
    void assessThresholdBindsWithItsOverride() throws Exception {
        AssessThreshold body = completed("user_assess_threshold", "handler1", """
                { "crime": false, "riskToLife": false, "seriousHarm": false, "childAtRisk": false,
                  "medicalEmergency": false, "missingPerson": true, "rationale": "Known to the crisis team",
                  "override": { "route": "REFER", "agency": "MENTAL_HEALTH", "reason": "Crisis team knows him" } }
                """, AssessThreshold.class);
        assertThat(body.crime()).isFalse();
        assertThat(body.riskToLife()).isFalse();
        assertThat(body.missingPerson()).isTrue();
        assertThat(body.rationale()).isEqualTo("Known to the crisis team");
        assertThat(body.override().route()).isEqualTo(Route.REFER);
        assertThat(body.override().agency()).isEqualTo(Agency.MENTAL_HEALTH);
        assertThat(body.override().grade()).isNull();
        assertThat(body.override().reason()).isEqualTo("Crisis team knows him");
    }

    @Test
    void informCallerBinds() throws Exception {
        InformCaller body = completed("user_inform_caller", "handler1", "{ \"method\": \"SMS\", \"note\": \"Texted\" }",
                InformCaller.class);
        assertThat(body.method()).isEqualTo(InformMethod.SMS);
        assertThat(body.note()).isEqualTo("Texted");
    }

    @Test
    void attendBinds() throws Exception {
        Attend body = completed("user_attend", "officer1",
                "{ \"outcome\": \"REFER_PARTNER\", \"agency\": \"SOCIAL_CARE\", \"note\": \"Needs a carer\" }", Attend.class);
        assertThat(body.outcome()).isEqualTo(AttendOutcome.REFER_PARTNER);
        assertThat(body.agency()).isEqualTo(Agency.SOCIAL_CARE);
        assertThat(body.note()).isEqualTo("Needs a carer");
    }

    @Test
    void acceptReferralBinds() throws Exception {
        AcceptReferral body = completed("user_accept_referral", "mhcrisis1",
                "{ \"decision\": \"REJECT\", \"reasonCode\": \"NO_CAPACITY\", \"note\": \"Team at capacity\" }",
                AcceptReferral.class);
        assertThat(body.decision()).isEqualTo(ReferralDecision.REJECT);
        assertThat(body.reasonCode()).isEqualTo(RejectionReason.NO_CAPACITY);
        assertThat(body.note()).isEqualTo("Team at capacity");
    }

    @Test
    void aChildrensSocialCareCaseworkerAcceptsAReferral() throws Exception {
        AcceptReferral body = completed("user_accept_referral", "childsc1",
                "{ \"decision\": \"ACCEPT\", \"note\": \"Duty social worker visiting\" }", AcceptReferral.class);
        assertThat(body.decision()).isEqualTo(ReferralDecision.ACCEPT);
    }

    @Test
    void recordPartnerOutcomeBinds() throws Exception {
        RecordPartnerOutcome body = completed("user_record_partner_outcome", "ambulance1",
                "{ \"outcome\": \"ASSESSED\" }", RecordPartnerOutcome.class);
        assertThat(body.outcome()).isEqualTo(PartnerOutcome.ASSESSED);
        assertThat(body.note()).isNull();
    }

    @Test
    void supervisorReviewBinds() throws Exception {
        SupervisorReview body = completed("user_supervisor_review", "supervisor1",
                "{ \"action\": \"REROUTE\", \"agency\": \"AMBULANCE\", \"note\": \"Medical need\" }", SupervisorReview.class);
        assertThat(body.action()).isEqualTo(SupervisorAction.REROUTE);
        assertThat(body.agency()).isEqualTo(Agency.AMBULANCE);
        assertThat(body.note()).isEqualTo("Medical need");
    }

    @Test
    void acceptHandoverBindsAndIgnoresUnknownFields() throws Exception {
        AcceptHandover body = completed("user_accept_handover", "hospital1",
                "{ \"note\": \"Received at the suite\", \"extra\": 1 }", AcceptHandover.class);
        assertThat(body.note()).isEqualTo("Received at the suite");
    }

    @Test
    void qualityReviewBindsItsVerdictAndLearningNote() throws Exception {
        org.rcrp.handover.assurance.QualityReview body = completed("user_quality_review", "manager1",
                "{ \"verdict\": \"DISAGREE\", \"learningNote\": \"Should have been a missing-person report\" }",
                org.rcrp.handover.assurance.QualityReview.class);
        assertThat(body.verdict()).isEqualTo(org.rcrp.handover.process.QualityVerdict.DISAGREE);
        assertThat(body.note()).isEqualTo("Should have been a missing-person report");
    }

    @Test
    void anUnknownVerdictListsTheVerdicts() throws Exception {
        when(tasks.keyOfHeldTask(eq(TASK), any())).thenReturn("user_quality_review");

        refused("supervisor1", "{ \"verdict\": \"MAYBE\" }", "Invalid body for user_quality_review")
                .andExpectAll(onlyError("verdict", "must be one of [AGREE, DISAGREE]"));
    }

    @Test
    void theDecisionMakerReviewingTheirOwnDecisionIs403() throws Exception {
        when(tasks.keyOfHeldTask(eq(TASK), any())).thenReturn("user_quality_review");
        doThrow(new TaskProblem(TaskProblem.Kind.FORBIDDEN,
                "A second person must review this case: supervisor1 made a decision under review"))
                .when(tasks).complete(eq(TASK), any(), any());

        problem(complete("supervisor1", "{ \"verdict\": \"AGREE\" }"), 403, "Forbidden",
                "A second person must review this case: supervisor1 made a decision under review");
    }

    // ---- complete: refusals ------------------------------------------------------------------------

    @Test
    void aBooleanThatIsNotABooleanNamesTheField() throws Exception {
        when(tasks.keyOfHeldTask(eq(TASK), any())).thenReturn("user_assess_threshold");

        refused("handler1", "{ \"riskToLife\": \"yes\", \"rationale\": \"x\" }", "Invalid body for user_assess_threshold")
                .andExpectAll(onlyError("riskToLife", "must be true or false"));
    }

    @Test
    void anUnknownDecisionListsTheDecisions() throws Exception {
        when(tasks.keyOfHeldTask(eq(TASK), any())).thenReturn("user_accept_referral");

        refused("mhcrisis1", "{ \"decision\": \"MAYBE\" }", "Invalid body for user_accept_referral")
                .andExpectAll(onlyError("decision", "must be one of [ACCEPT, REJECT]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "\"1\""})
    void aNumberIsNoDecision(String number) throws Exception {
        when(tasks.keyOfHeldTask(eq(TASK), any())).thenReturn("user_accept_referral");

        refused("mhcrisis1", "{ \"decision\": " + number + " }", "Invalid body for user_accept_referral")
                .andExpectAll(onlyError("decision", "must be one of [ACCEPT, REJECT]"));
    }

    @Test
    void aNumberIsNoNestedEnumEither() throws Exception {
        when(tasks.keyOfHeldTask(eq(TASK), any())).thenReturn("user_assess_threshold");

        refused("handler1", """
                { "crime": false, "riskToLife": false, "seriousHarm": false, "childAtRisk": false,
                  "medicalEmergency": false, "missingPerson": false, "rationale": "x",
                  "override": { "route": 1, "agency": "SOCIAL_CARE", "reason": "why not" } }
                """, "Invalid body for user_assess_threshold")
                .andExpectAll(onlyError("override.route", "must be one of [POLICE_ATTEND, REFER, ADVICE_AND_CLOSE]"));
    }

    @Test
    void aBadNestedEnumNamesTheNestedField() throws Exception {
        when(tasks.keyOfHeldTask(eq(TASK), any())).thenReturn("user_assess_threshold");

        refused("handler1", """
                { "crime": false, "riskToLife": false, "seriousHarm": false, "childAtRisk": false,
                  "medicalEmergency": false, "missingPerson": false, "rationale": "x",
                  "override": { "route": "TELEPORT", "reason": "why not" } }
                """, "Invalid body for user_assess_threshold")
                .andExpectAll(onlyError("override.route", "must be one of [POLICE_ATTEND, REFER, ADVICE_AND_CLOSE]"));
    }

    @Test
    void aStringWhereAnObjectBelongsNamesTheField() throws Exception {
        when(tasks.keyOfHeldTask(eq(TASK), any())).thenReturn("user_assess_threshold");

        refused("handler1", "{ \"override\": \"REFER\" }", "Invalid body for user_assess_threshold")
                .andExpectAll(onlyError("override", "must be an object"));
    }

    @Test
    void aJsonArrayIsRefusedAsTheBody() throws Exception {
        when(tasks.keyOfHeldTask(eq(TASK), any())).thenReturn("user_inform_caller");

        refused("handler1", "[ { \"method\": \"PHONE\" } ]", "The body must be a JSON object")
                .andExpectAll(onlyError("body", "must be a JSON object"));
    }

    @Test
    void malformedJsonIsRefusedAsTheBody() throws Exception {
        refused("handler1", "{ \"method\": ", "The request body is not valid JSON")
                .andExpectAll(onlyError("body", "must be a JSON object"));
        verify(tasks, never()).keyOfHeldTask(any(), any());
    }

    @Test
    void errorsFromTheFacadeAreReturnedAs400() throws Exception {
        when(tasks.keyOfHeldTask(eq(TASK), any())).thenReturn("user_accept_referral");
        doThrow(new TaskProblem(TaskProblem.Kind.INVALID, "Invalid body for user_accept_referral",
                List.of(new FieldError("reasonCode", "is required"), new FieldError("note", "must be at most 4000 characters"))))
                .when(tasks).complete(eq(TASK), any(), any());

        problem(complete("mhcrisis1", "{ \"decision\": \"REJECT\" }"), 400, "Bad Request", "Invalid body for user_accept_referral")
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].field").value("reasonCode"))
                .andExpect(jsonPath("$.errors[0].message").value("is required"))
                .andExpect(jsonPath("$.errors[1].field").value("note"))
                .andExpect(jsonPath("$.errors[1].message").value("must be at most 4000 characters"));
    }

    @Test
    void completingATaskNotHeldIs409() throws Exception {
        when(tasks.keyOfHeldTask(eq(TASK), any()))
                .thenThrow(new TaskProblem(TaskProblem.Kind.CONFLICT, "Claim task " + TASK + " before completing it"));

        problem(complete("handler1", "{ \"method\": \"PHONE\" }"), 409, "Conflict", "Claim task " + TASK + " before completing it")
                .andExpect(jsonPath("$.errors").doesNotExist());
        verify(tasks, never()).complete(any(), any(), any());
    }

    @Test
    void aTriageDecidedBeforeNewInformationArrivedIs409NamingWhatChanged() throws Exception {
        when(tasks.keyOfHeldTask(eq(TASK), any())).thenReturn("user_assess_threshold");
        String changed = "New information at 14:02: risk to life reported — review it and submit again.";
        doThrow(new TaskProblem(TaskProblem.Kind.STALE, changed)).when(tasks).complete(eq(TASK), any(), any());

        problem(complete("handler1", """
                { "crime": false, "riskToLife": false, "seriousHarm": false, "childAtRisk": false,
                  "medicalEmergency": false, "missingPerson": false, "rationale": "Known to the crisis team", "seenUpdates": 0 }
                """), 409, "Conflict", changed)
                .andExpect(jsonPath("$.errors").doesNotExist());
    }

    @Test
    void seenUpdatesIsAWholeNumber() throws Exception {
        when(tasks.keyOfHeldTask(eq(TASK), any())).thenReturn("user_assess_threshold");

        refused("handler1", """
                { "crime": false, "riskToLife": false, "seriousHarm": false, "childAtRisk": false,
                  "medicalEmergency": false, "missingPerson": false, "rationale": "r", "seenUpdates": "two" }
                """, "Invalid body for user_assess_threshold")
                .andExpect(jsonPath("$.errors[0].field").value("seenUpdates"));
    }

    @Test
    void completingAnUnknownTaskIs404() throws Exception {
        when(tasks.keyOfHeldTask(eq(TASK), any()))
                .thenThrow(new TaskProblem(TaskProblem.Kind.NOT_FOUND, "No open task " + TASK));

        problem(complete("handler1", "{ \"note\": \"x\" }"), 404, "Not Found", "No open task " + TASK);
        verify(tasks, never()).complete(any(), any(), any());
    }

    @Test
    void aTaskWithoutABodyTypeIsRefused() throws Exception {
        when(tasks.keyOfHeldTask(eq(TASK), any())).thenReturn("user_something_else");

        refused("handler1", "{}", "Task " + TASK + " cannot be completed through this API")
                .andExpect(jsonPath("$.errors[0].field").value("key"))
                .andExpect(jsonPath("$.errors[0].message").value("no body is defined for user_something_else"));
    }

    @Test
    void completingWithoutCredentialsIs401() throws Exception {
        problem(mvc.perform(post("/api/tasks/" + TASK + "/complete").contentType(MediaType.APPLICATION_JSON).content("{}")),
                401, "Unauthorized", "Sign in to use this service");
        verify(tasks, never()).keyOfHeldTask(any(), any());
        verify(tasks, never()).complete(any(), any(), any());
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private ResultActions complete(String user, String body) throws Exception {
        return mvc.perform(post("/api/tasks/" + TASK + "/complete").with(httpBasic(user, user))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** Completes the held task with the body and returns what reached the facade, checked for its type. */
    private <T extends TaskCompletion> T completed(String key, String user, String body, Class<T> type) throws Exception {
        when(tasks.keyOfHeldTask(eq(TASK), any())).thenReturn(key);

        complete(user, body).andExpect(status().isNoContent());

        ArgumentCaptor<Actor> actor = ArgumentCaptor.forClass(Actor.class);
        ArgumentCaptor<TaskCompletion> completion = ArgumentCaptor.forClass(TaskCompletion.class);
        verify(tasks).complete(eq(TASK), actor.capture(), completion.capture());
        assertThat(actor.getValue().userId()).isEqualTo(user);
        assertThat(completion.getValue()).isExactlyInstanceOf(type);
        assertThat(completion.getValue().taskKey()).isEqualTo(key);
        return type.cast(completion.getValue());
    }

    /** A completion refused with 400 that never reached TaskFacade.complete. */
    private ResultActions refused(String user, String body, String detail) throws Exception {
        ResultActions result = problem(complete(user, body), 400, "Bad Request", detail);
        verify(tasks, never()).complete(any(), any(), any());
        return result;
    }

    private static ResultActions problem(ResultActions result, int status, String title, String detail) throws Exception {
        return result
                .andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").value(title))
                .andExpect(jsonPath("$.detail").value(detail))
                .andExpect(jsonPath("$.trace").doesNotExist())
                .andExpect(jsonPath("$.exception").doesNotExist());
    }

    private static WorkItem item() {
        Instant created = Instant.parse("2026-11-25T10:00:00Z");
        return new WorkItem(TASK, "user_assess_threshold", "Assess threshold", "case-1", "CAD-20261125-0001",
                "CONCERN_FOR_WELFARE", List.of("call-handlers"), null, Date.from(created),
                Date.from(created.plusSeconds(900)));
    }
}
