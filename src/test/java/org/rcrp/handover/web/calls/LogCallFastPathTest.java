package org.rcrp.handover.web.calls;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.casefile.CaseQueries;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.identity.Actors;
import org.rcrp.handover.errors.ApiProblems;
import org.rcrp.handover.errors.ProblemResponses;
import org.rcrp.handover.identity.SecurityConfiguration;
import org.rcrp.handover.inbox.TaskFacade;
import org.rcrp.handover.intake.CallIntake;
import org.rcrp.handover.intake.CallRecord;
import org.rcrp.handover.operations.ClockConfiguration;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.AgencyAvailability;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.web.TriageController;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The log form's first question as a web slice (mocked intake and tasks): yes opens the call's triage claimed for the
 * handler with the answers given; no opens it with none; not answered, the case page as before; yes without saying
 * what is happening logs nothing and says so in words.
 */
@WebMvcTest(LogCallController.class)
@Import({SecurityConfiguration.class, ProblemResponses.class, Actors.class, ApiProblems.class, ClockConfiguration.class})
class LogCallFastPathTest {

    private static final String CASE_ID = "7d1c2c1e-0000-4000-8000-000000000001";
    private static final String TRIAGE = "task-7";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CallIntake intake;
    @MockitoBean
    CaseQueries cases;
    @MockitoBean
    AgencyAvailability agencies;
    @MockitoBean
    TaskFacade tasks;

    @Test
    void yesRiskToLifeOpensTheTriageClaimedWithTheAnswerGiven() throws Exception {
        loggedWithTriageWaiting();

        log("immediate", "yes", "immediateKind", "riskToLife")
                .andExpect(redirectedUrl("/work/" + TRIAGE + "/triage"))
                .andExpect(flash().attribute(TriageController.PREFILLED, Map.of("riskToLife", "true")));
        verify(tasks).claim(eq(TRIAGE), any(Actor.class));
    }

    @Test
    void yesBothGivesBothAnswers() throws Exception {
        loggedWithTriageWaiting();

        log("immediate", "yes", "immediateKind", "riskToLife", "immediateKind", "crime")
                .andExpect(redirectedUrl("/work/" + TRIAGE + "/triage"))
                .andExpect(flash().attribute(TriageController.PREFILLED, Map.of("riskToLife", "true", "crime", "true")));
    }

    @Test
    void noOpensTheTriageClaimedWithNothingAnswered() throws Exception {
        loggedWithTriageWaiting();

        log("immediate", "no")
                .andExpect(redirectedUrl("/work/" + TRIAGE + "/triage"))
                .andExpect(flash().attribute(TriageController.PREFILLED, Map.of()));
        verify(tasks).claim(eq(TRIAGE), any(Actor.class));
    }

    @Test
    void notAnsweredTheCallWaitsInTheQueueAsBefore() throws Exception {
        loggedWithTriageWaiting();

        log().andExpect(redirectedUrl("/cases/" + CASE_ID));
        verify(tasks, never()).claim(any(), any());
    }

    @Test
    void aCallWithoutATriageForTheHandlerOpensItsCase() throws Exception {
        when(intake.log(any(), any())).thenReturn(new CallIntake.Logged(record(), true));
        when(tasks.waitingTask(any(), any(), any())).thenReturn(Optional.empty());

        log("immediate", "yes", "immediateKind", "crime").andExpect(redirectedUrl("/cases/" + CASE_ID));
    }

    @Test
    void yesWithoutWhatIsHappeningLogsNothingAndSaysWhatToDo() throws Exception {
        log("immediate", "yes")
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "Select whether someone’s life is at risk, a crime is in progress, or both")));
        verify(intake, never()).log(any(), any());
    }

    private void loggedWithTriageWaiting() {
        when(intake.log(any(), any())).thenReturn(new CallIntake.Logged(record(), true));
        when(tasks.waitingTask(eq(CASE_ID), eq(RcrpCallProcess.Elements.USER_ASSESS_THRESHOLD), any()))
                .thenReturn(Optional.of(TRIAGE));
    }

    private ResultActions log(String... fields) throws Exception {
        var request = post("/calls").with(csrf()).with(user("handler1").authorities(
                        () -> Actors.GROUP_PREFIX + "call-handlers"))
                .param("reference", "CAD-20261125-0001").param("source", "PUBLIC_999")
                .param("category", "CONCERN_FOR_WELFARE").param("summary", "Screaming next door");
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return mvc.perform(request);
    }

    private static CallRecord record() {
        return new CallRecord(CASE_ID, "CAD-20261125-0001", Source.PUBLIC_999, Category.CONCERN_FOR_WELFARE,
                "Screaming next door", "12 High Street", true, "J. Doe", 34,
                List.of(Agency.MENTAL_HEALTH), "A. Caller", "+44 (0)7700 900123", "neighbour",
                null, null, null, null, null, null, Instant.parse("2026-11-25T10:00:00Z"), "handler1");
    }
}
