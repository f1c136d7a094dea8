package org.rcrp.handover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.rcrp.handover.process.RcrpCallProcess.Elements.*;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.*;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.rcrp.handover.referral.RecordEtaBreachDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rcrp.handover.attendance.Attend;
import org.rcrp.handover.referral.AcceptReferral;
import org.rcrp.handover.referral.RecordPartnerOutcome;
import org.rcrp.handover.referral.SupervisorReview;
import org.rcrp.handover.s136.AcceptHandover;
import org.rcrp.handover.s136.CompleteAssessment;
import org.rcrp.handover.s136.RecordArrival;
import org.rcrp.handover.triage.AssessThreshold;
import org.rcrp.handover.triage.InformCaller;

/** Every path and timer of rcrp-call, driven through the real models (referral and handover included). */
@Deployment(resources = {RcrpCallProcess.RESOURCE, PartnerReferralProcess.RESOURCE, S136HandoverProcess.RESOURCE,
        org.rcrp.handover.plan.ResponseNeedsDecision.RESOURCE})
class RcrpCallProcessTest extends ProcessTestCase {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(ProcessTestBeans.ENGINE_CONFIGURATION)
            .excludeProcessDefinitionKeys(PartnerReferralProcess.KEY, S136HandoverProcess.KEY)
            .assertClassCoverageAtLeast(0.95)
            .build();

    @Override
    protected ProcessEngine processEngine() {
        return engine.getProcessEngine();
    }

    static AssessThreshold nothingMet() {
        return AssessThreshold.answers(false, false, false, false, false, false, "No threshold met on the caller's account");
    }

    static AssessThreshold riskToLife() {
        return AssessThreshold.answers(false, true, false, false, false, false, "Caller says he has taken an overdose");
    }

    static AssessThreshold crime() {
        return AssessThreshold.answers(true, false, false, false, false, false, "Criminal damage in progress");
    }

    private ProcessInstance welfareKnownToMentalHealth() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of(KNOWN_TO_MENTAL_HEALTH.name(), true));
        cases.complete(call, nothingMet());
        return call;
    }

    // ---- Triage ----

    // ---- Response plans: several agencies at once ----

    @Test
    void selfHarmWithBleedingSendsPoliceAtOnceAndAsksTheAmbulanceBesideThemWithoutMovingTheOwner() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of(KNOWN_TO_MENTAL_HEALTH.name(), true));

        cases.complete(call, AssessThreshold.answers(false, true, false, false, true, false, "Cut wrists, still threatening"));
        cases.runAsyncJobs(call);

        assertThat(cases.caseVariable(call, ROUTE)).isEqualTo(Route.POLICE_ATTEND);
        assertThat(cases.caseVariable(call, GRADE)).isEqualTo(Grade.IMMEDIATE);
        assertThat(cases.openTasks(call)).extracting(Task::getTaskDefinitionKey)
                .contains(USER_ATTEND, PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL);
        assertThat(cases.task(call, PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL)).hasCandidateGroup("ambulance");
        assertThat(beans.notices).extracting(notice -> notice.kind() + " " + notice.agency())
                .contains("REFERRAL_MADE AMBULANCE", "INFORMED MENTAL_HEALTH");

        cases.complete(cases.task(call, PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL), call,
                new AcceptReferral(ReferralDecision.ACCEPT, null, null, AmbulanceCategory.C1,
                        java.time.OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(8)),
                                java.time.ZoneOffset.UTC)));

        assertThat(cases.caseVariable(call, RESPONSIBLE_AGENCY)).as("police lead: a supporting acceptance moves nothing")
                .isEqualTo(Agency.POLICE);
        assertThat(cases.caseVariable(call, STATE)).isEqualTo(CaseState.POLICE_ATTENDING);
        assertThat(beans.ledger.entries(call.getBusinessKey()))
                .extracting(entry -> entry.agency() + " " + entry.role() + " " + entry.state())
                .containsExactly("POLICE LEAD ATTENDING", "AMBULANCE SUPPORT ACCEPTED", "MENTAL_HEALTH INFORMED DONE");
    }

    @Test
    void aMedicalEmergencyIsAnEmergencyTransferAcknowledgedInMinutesWithCategoryAndEta() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of());
        cases.complete(call, AssessThreshold.answers(false, false, false, false, true, false, "Collapsed, breathing"));

        assertThat(cases.caseVariable(call, AGENCY)).isEqualTo(Agency.AMBULANCE);
        Task transfer = cases.task(call, PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL);
        assertThat(transfer).hasCandidateGroup("ambulance").hasDueDate(inFromNow(Duration.ofMinutes(5)));
        assertThat(cases.check(call, new AcceptReferral(ReferralDecision.ACCEPT, null, null)))
                .extracting(FieldError::field).containsExactly("ambulanceCategory", "eta");

        cases.complete(transfer, call, new AcceptReferral(ReferralDecision.ACCEPT, null, null, AmbulanceCategory.C2,
                java.time.OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(12)),
                        java.time.ZoneOffset.UTC)));

        assertThat(cases.findTask(call, USER_ATTEND)).as("an ETA inside the risk window needs no police").isEmpty();
        assertThat(cases.caseVariable(call, RESPONSIBLE_AGENCY)).isEqualTo(Agency.AMBULANCE);
    }

    @Test
    void anAmbulanceEtaBeyondTheRiskWindowBringsPoliceBesideItAtOnce() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of());
        cases.complete(call, AssessThreshold.answers(false, false, false, false, true, false, "Collapsed, breathing"));

        cases.complete(cases.task(call, PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL), call,
                new AcceptReferral(ReferralDecision.ACCEPT, null, null, AmbulanceCategory.C2,
                        java.time.OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(50)),
                                java.time.ZoneOffset.UTC)));

        assertThat(cases.openTasks(call)).extracting(Task::getTaskDefinitionKey)
                .contains(USER_ATTEND, PartnerReferralProcess.Elements.USER_RECORD_PARTNER_OUTCOME);
        assertThat(cases.caseVariable(call, GRADE)).isEqualTo(Grade.IMMEDIATE);
        assertThat(cases.caseVariable(call, RESPONSIBLE_AGENCY)).isEqualTo(Agency.POLICE);
        assertThat(beans.decisions).anyMatch(entry -> entry.startsWith(RecordEtaBreachDelegate.EVENT));
        assertThat(beans.notices).extracting(notice -> notice.kind() + " " + notice.agency()).contains("POLICE_ADDED AMBULANCE");
    }

    @Test
    void aNonUrgentMedicalCallIsAConveyanceOnItsOwnLongerClockNotAThirtyMinuteAccept() {
        ProcessInstance call = cases.logCall(Category.MEDICAL, Map.of());
        cases.complete(call, nothingMet());

        Task conveyance = cases.task(call, PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL);
        assertThat(conveyance).hasCandidateGroup("ambulance").hasDueDate(inFromNow(Duration.ofHours(2)));
        assertThat(cases.check(call, new AcceptReferral(ReferralDecision.ACCEPT, null, null))).isEmpty();
    }

    @Test
    void anAmbulanceBesidePoliceWithAnEtaBeyondTheWindowIsRecordedAndPoliceAreAlreadyGoing() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of());
        cases.complete(call, AssessThreshold.answers(false, true, false, false, true, false, "Overdose, threatening"));

        cases.complete(cases.task(call, PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL), call,
                new AcceptReferral(ReferralDecision.ACCEPT, null, null, AmbulanceCategory.C1,
                        java.time.OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(40)),
                                java.time.ZoneOffset.UTC)));

        assertThat(cases.openTasks(call)).filteredOn(task -> task.getTaskDefinitionKey().equals(USER_ATTEND)).hasSize(1);
        assertThat(beans.decisions).anyMatch(entry -> entry.startsWith(RecordEtaBreachDelegate.EVENT));
    }

    @Test
    void anAmbulanceAlreadySupportingAddedPoliceWithAnEtaBeyondTheWindowSendsNoSecondPolice() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of());
        cases.complete(call, AssessThreshold.answers(false, false, false, false, true, false, "Collapsed, breathing"));
        cases.newInformation(call, "Caller rang back: he has a knife to his throat", true, false, false);
        assertThat(cases.openTasks(call)).filteredOn(task -> task.getTaskDefinitionKey().equals(USER_ATTEND)).hasSize(1);

        cases.complete(cases.task(call, PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL), call,
                new AcceptReferral(ReferralDecision.ACCEPT, null, null, AmbulanceCategory.C1,
                        java.time.OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(40)),
                                java.time.ZoneOffset.UTC)));

        assertThat(cases.openTasks(call)).as("police added on the risk are the police the ETA needs")
                .filteredOn(task -> task.getTaskDefinitionKey().equals(USER_ATTEND)).hasSize(1);
        assertThat(cases.caseVariable(call, RESPONSIBLE_AGENCY)).isEqualTo(Agency.POLICE);
        assertThat(beans.decisions).anyMatch(entry -> entry.startsWith(RecordEtaBreachDelegate.EVENT));
        assertThat(beans.notices).extracting(notice -> notice.kind() + " " + notice.agency())
                .as("the ambulance was told once that police are beside it").containsOnlyOnce("POLICE_ADDED AMBULANCE");
    }

    @Test
    void aLeadReferralToAnAgencyAlreadySupportingReplacesItsSupportingReferralSoItAnswersOnce() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of(KNOWN_TO_MENTAL_HEALTH.name(), true));
        cases.complete(call, nothingMet().withOverride(Route.REFER, Agency.SOCIAL_CARE, "Social worker allocated"));
        assertThat(cases.openTasks(call)).filteredOn(task -> task.getTaskDefinitionKey().equals(
                PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL)).hasSize(2);
        Task socialCare = cases.openTasks(call).stream()
                .filter(task -> task.getTaskDefinitionKey().equals(PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL))
                .filter(task -> engine.getProcessEngine().getTaskService().getVariable(task.getId(), "agency").equals("SOCIAL_CARE"))
                .findFirst().orElseThrow();
        cases.complete(socialCare, call, new AcceptReferral(ReferralDecision.REJECT, RejectionReason.NOT_OUR_SERVICE, null));

        cases.complete(call, new SupervisorReview(SupervisorAction.REROUTE, Agency.MENTAL_HEALTH, "The crisis team knows him"));

        assertThat(cases.openTasks(call)).filteredOn(task -> task.getTaskDefinitionKey().equals(
                PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL)).hasSize(1)
                .allSatisfy(task -> assertThat(engine.getProcessEngine().getTaskService().getVariable(task.getId(), "referralRole"))
                        .isEqualTo("LEAD"));
    }

    @Test
    void aFifteenYearOldKnownToMentalHealthGoesToChildrensSocialCareWithTheCrisisTeamBeside() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of(KNOWN_TO_MENTAL_HEALTH.name(), true,
                SUBJECT_AGE.name(), 15));

        cases.complete(call, nothingMet());
        cases.runAsyncJobs(call);

        assertThat(cases.caseVariable(call, AGENCY)).isEqualTo(Agency.CHILDRENS_SOCIAL_CARE);
        assertThat(cases.openTasks(call)).filteredOn(task -> task.getTaskDefinitionKey().equals(
                PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL)).hasSize(2);
        assertThat(beans.ledger.entries(call.getBusinessKey())).extracting(entry -> entry.agency() + " " + entry.role())
                .containsExactly("CHILDRENS_SOCIAL_CARE LEAD", "MENTAL_HEALTH SUPPORT");
    }

    @Test
    void aLoggedCallWaitsForTriageByCallHandlersOwnedByPolice() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of());

        assertThat(call).isWaitingAt(USER_ASSESS_THRESHOLD);
        assertThat(call).task().hasCandidateGroup("call-handlers").hasDueDate(inFromNow(Duration.ofMinutes(10)));
        assertThat(cases.caseVariable(call, STATE)).isEqualTo(CaseState.TRIAGE);
        assertThat(cases.caseVariable(call, RESPONSIBLE_AGENCY)).isEqualTo(Agency.POLICE);
    }

    @Test
    void theTaskATriageMakesGoesToTheHandlerWhoTriagedStillOfferedToTheirGroup() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of());

        completeAs("handler1", List.of("call-handlers"), call, nothingMet());

        Task inform = cases.task(call, USER_INFORM_CALLER);
        assertThat(inform).isAssignedTo("handler1");
        assertThat(engine.getProcessEngine().getTaskService().getIdentityLinksForTask(inform.getId()))
                .as("still offered to the group, for when it is given back")
                .anyMatch(link -> "candidate".equals(link.getType()) && "call-handlers".equals(link.getGroupId()));
    }

    @Test
    void aTaskForAGroupThePersonIsNotInStaysInItsQueue() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of());

        completeAs("handler1", List.of("call-handlers"), call, AssessThreshold.answers(false, true, false, false, false, false,
                "Risk to life"));

        assertThat(cases.task(call, USER_ATTEND).getAssignee()).isNull();
    }

    @Test
    void aCompletionThroughTheApiLeavesTheNextTaskInItsQueue() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of());

        engine.getProcessEngine().getIdentityService().setAuthentication("handler1", List.of("call-handlers"));
        try {
            cases.complete(call, nothingMet()); // not on a task page: the API, FHIR, a partner's system
        } finally {
            engine.getProcessEngine().getIdentityService().clearAuthentication();
        }

        assertThat(cases.task(call, USER_INFORM_CALLER).getAssignee()).isNull();
    }

    @Test
    void aTaskMadeWithoutAPersonCompletingAnother() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of());

        assertThat(cases.task(call, USER_ASSESS_THRESHOLD).getAssignee()).as("logging a call assigns nothing").isNull();
        cases.complete(call, nothingMet());

        assertThat(cases.task(call, USER_INFORM_CALLER).getAssignee()).as("no signed-in person completed triage").isNull();
    }

    private void completeAs(String user, List<String> groups, ProcessInstance call, TaskCompletion body) {
        engine.getProcessEngine().getIdentityService().setAuthentication(user, groups);
        try {
            org.rcrp.handover.inbox.FollowOnTasks.onPage(() -> cases.complete(call, body)); // on the task's page
        } finally {
            engine.getProcessEngine().getIdentityService().clearAuthentication();
        }
    }

    @Test
    void a999CallHasTheShorterTriageClockForItsDueDateAndItsOverdueTimer() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of(SOURCE.name(), Source.PUBLIC_999.name()));

        assertThat(call).task().hasDueDate(inFromNow(Duration.ofMinutes(2)));
        assertThat(cases.timer(call, TIMER_TRIAGE_OVERDUE).getDuedate()).isEqualTo(inFromNow(Duration.ofMinutes(2)));

        cases.fireTimer(call, TIMER_TRIAGE_OVERDUE);

        assertThat(call).isWaitingAt(USER_ASSESS_THRESHOLD, USER_SUPERVISOR_REVIEW);
    }

    @Test
    void a101CallKeepsTheUsualTriageClock() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of(SOURCE.name(), Source.PUBLIC_101.name()));

        assertThat(call).task().hasDueDate(inFromNow(Duration.ofMinutes(10)));
        assertThat(cases.timer(call, TIMER_TRIAGE_OVERDUE).getDuedate()).isEqualTo(inFromNow(Duration.ofMinutes(10)));
    }

    @Test
    void overdueTriageAsksASupervisorToChaseWhileTheTaskStaysWithCallHandlers() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of());
        assertThat(cases.timer(call, TIMER_TRIAGE_OVERDUE).getDuedate()).isEqualTo(inFromNow(Duration.ofMinutes(10)));

        cases.fireTimer(call, TIMER_TRIAGE_OVERDUE);

        assertThat(call).isWaitingAt(USER_ASSESS_THRESHOLD, USER_SUPERVISOR_REVIEW);
        Task review = cases.task(call, USER_SUPERVISOR_REVIEW);
        assertThat(review).hasCandidateGroup("police-supervisors");
        assertThat(engine.getProcessEngine().getTaskService().getVariableLocal(review.getId(), "reason"))
                .isEqualTo("TRIAGE_OVERDUE");
        assertThat(cases.check(call, new SupervisorReview(SupervisorAction.CLOSE, null, "close it")))
                .extracting(FieldError::field).containsExactly("action");

        cases.complete(call, new SupervisorReview(SupervisorAction.CHASE, null, "Rang the handler's team leader"));

        assertThat(call).hasPassed(END_REVIEW_DONE).isWaitingAt(USER_ASSESS_THRESHOLD);
    }

    @Test
    void noThresholdAndNoServiceKnownMeansAdviceThenTheCallerIsToldAndTheCaseCloses() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of());

        cases.complete(call, nothingMet());

        assertThat(call).hasPassed(RULE_THRESHOLD, SERVICE_APPLY_TRIAGE).isWaitingAt(USER_INFORM_CALLER);
        assertThat(cases.caseVariable(call, ROUTE)).isEqualTo(Route.ADVICE_AND_CLOSE);
        assertThat(cases.caseVariable(call, OVERRIDDEN)).isFalse();

        cases.complete(call, new InformCaller(InformMethod.PHONE, "Gave NHS 111 option 2 and told to call back"));

        assertThat(call).hasPassed(END_ADVICE_GIVEN, END_CASE_CLOSED).isEnded();
        assertThat(cases.caseVariable(call, STATE)).isEqualTo(CaseState.CLOSED);
        assertThat(cases.caseVariable(call, CALLER_INFORMED)).isTrue();
    }

    @Test
    void aCallerWhoCannotBeReachedIsRecordedAsNotInformed() {
        ProcessInstance call = cases.logCall(Category.OTHER, Map.of());
        cases.complete(call, nothingMet());

        cases.complete(call, new InformCaller(InformMethod.NOT_REACHABLE, "Three attempts, voicemail full"));

        assertThat(call).isEnded();
        assertThat(cases.caseVariable(call, CALLER_INFORMED)).isFalse();
    }

    @Test
    void anOverrideIsFollowedAndRecordedBesideTheRecommendationWithoutItsReason() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of());

        cases.complete(call, nothingMet().withOverride(Route.REFER, Agency.MENTAL_HEALTH,
                "Caller is the CPN: patient known to the crisis team in another trust"));

        assertThat(call).isWaitingAt(USER_INFORM_CALLER);
        assertThat(cases.caseVariable(call, RECOMMENDED_ROUTE)).isEqualTo(Route.ADVICE_AND_CLOSE);
        assertThat(cases.caseVariable(call, ROUTE)).isEqualTo(Route.REFER);
        assertThat(cases.caseVariable(call, AGENCY)).isEqualTo(Agency.MENTAL_HEALTH);
        assertThat(cases.caseVariable(call, OVERRIDDEN)).isTrue();
        // The reason is in the journal (with the handler's answers), not in the engine.
        assertThat(cases.caseVariable(call, RATIONALE)).isEqualTo("Override of the recommendation (ADVICE_AND_CLOSE)");
        assertThat(cases.caseVariables(call).values()).noneMatch(value -> String.valueOf(value).contains("CPN"));
    }

    @Test
    void anOverrideThatWouldLeaveARiskToLifeWithoutPoliceIsRefused() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of());

        assertThat(cases.check(call, riskToLife().withOverride(Route.REFER, Agency.MENTAL_HEALTH, "crisis team nearby")))
                .extracting(FieldError::field).containsExactly("override.route");
        assertThat(cases.check(call, nothingMet().withOverride(Route.REFER, Agency.MENTAL_HEALTH, " ")))
                .extracting(FieldError::field).containsExactly("override.reason");
    }

    @Test
    void anAwolCaseWithoutTheRetakeExpiryIsNotOpened() {
        assertThatThrownBy(() -> engine.getProcessEngine().getRuntimeService().startProcessInstanceByKey(
                RcrpCallProcess.KEY, "awol-no-expiry", Map.of(CATEGORY.name(), "AWOL")))
                .hasMessageContaining("retake");
    }

    @Test
    void whetherTheHospitalWasSearchedReachesEveryCaseForTheThresholdTablesToRead() {
        ProcessInstance searched = cases.logCall(Category.AWOL, Map.of(AWOL_HOSPITAL_SEARCHED.name(), true));
        ProcessInstance notSearched = cases.logCall(Category.AWOL, Map.of(AWOL_HOSPITAL_SEARCHED.name(), false));
        ProcessInstance welfare = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of());

        assertThat(cases.caseVariables(searched)).containsEntry(AWOL_HOSPITAL_SEARCHED.name(), true);
        assertThat(cases.caseVariables(notSearched)).containsEntry(AWOL_HOSPITAL_SEARCHED.name(), false);
        // A table row that reads it must not fail on a case that is not AWOL: it has a value there too, as the other AWOL flags.
        assertThat(cases.caseVariables(welfare)).containsEntry(AWOL_HOSPITAL_SEARCHED.name(), false);
    }

    // ---- PoliceAttendance ----

    @Test
    void riskToLifeSendsPoliceAtTheImmediateGradeOnTheUrbanClock() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of());

        cases.complete(call, riskToLife());

        assertThat(call).isWaitingAt(USER_ATTEND);
        assertThat(call).task().hasCandidateGroup("response-officers").hasDueDate(inFromNow(Duration.ofMinutes(15)));
        assertThat(cases.caseVariable(call, GRADE)).isEqualTo(Grade.IMMEDIATE);
        assertThat(cases.caseVariable(call, STATE)).isEqualTo(CaseState.POLICE_ATTENDING);
        assertThat(cases.timer(call, TIMER_ATTENDANCE_SLA).getDuedate()).isEqualTo(inFromNow(Duration.ofMinutes(15)));

        cases.complete(call, new Attend(AttendOutcome.RESOLVED, null, "Ambulance took him to A&E"));

        assertThat(call).hasPassed(END_RESOLVED).isEnded();
        assertThat(cases.caseVariable(call, STATE)).isEqualTo(CaseState.CLOSED);
    }

    @Test
    void ruralImmediateAttendanceGetsTwentyMinutesAndPriorityAnHour() {
        ProcessInstance rural = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of(URBAN.name(), false));
        cases.complete(rural, riskToLife());
        assertThat(cases.timer(rural, TIMER_ATTENDANCE_SLA).getDuedate()).isEqualTo(inFromNow(Duration.ofMinutes(20)));

        ProcessInstance crime = cases.logCall(Category.OTHER, Map.of());
        cases.complete(crime, crime());
        assertThat(cases.caseVariable(crime, GRADE)).isEqualTo(Grade.PRIORITY);
        assertThat(cases.timer(crime, TIMER_ATTENDANCE_SLA).getDuedate()).isEqualTo(inFromNow(Duration.ofHours(1)));
    }

    @Test
    void overdueAttendanceRaisesASupervisorReviewWhileOfficersKeepTheTask() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of());
        cases.complete(call, riskToLife());

        cases.fireTimer(call, TIMER_ATTENDANCE_SLA);

        assertThat(call).isWaitingAt(USER_ATTEND, USER_SUPERVISOR_REVIEW);
        Task review = cases.task(call, USER_SUPERVISOR_REVIEW);
        assertThat(engine.getProcessEngine().getTaskService().getVariableLocal(review.getId(), "reason"))
                .isEqualTo("ATTENDANCE_OVERDUE");
        cases.complete(call, new SupervisorReview(SupervisorAction.CHASE, null, "Unit diverted from RTC"));
        cases.complete(call, new Attend(AttendOutcome.RESOLVED, null, "Found at his sister's"));

        assertThat(call).hasPassed(END_RESOLVED, END_REVIEW_DONE).isEnded();
    }

    @Test
    void aReviewChasingALateAttendanceIsWithdrawnWhenOfficersFinishSoItHoldsNothingOpen() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of());
        cases.complete(call, riskToLife());
        cases.fireTimer(call, TIMER_ATTENDANCE_SLA);
        assertThat(call).isWaitingAt(USER_ATTEND, USER_SUPERVISOR_REVIEW);

        cases.complete(call, new Attend(AttendOutcome.RESOLVED, null, "Found at his sister's"));

        assertThat(call).hasPassed(END_RESOLVED, CONDITION_CHASED_WORK_DONE, END_REVIEW_WITHDRAWN).isEnded();
        assertThat(beans.decisions).anyMatch(entry -> entry.startsWith(org.rcrp.handover.referral.WithdrawReviewDelegate.EVENT + ": "));
    }

    @Test
    void aSupervisorClosingANotLocatedCaseClosesItThoughAnOldAttendanceChaseWasStillOpen() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of());
        cases.complete(call, riskToLife());
        cases.fireTimer(call, TIMER_ATTENDANCE_SLA);
        cases.complete(call, new Attend(AttendOutcome.NO_TRACE, null, "Not at the address"));

        assertThat(cases.openTasks(call)).as("only the not-located review: the chase of the finished attendance went")
                .extracting(Task::getTaskDefinitionKey).containsExactly(USER_SUPERVISOR_REVIEW);
        cases.complete(call, new SupervisorReview(SupervisorAction.CLOSE, null, "Rang his mobile: he answered",
                Whereabouts.LOCATED_SAFE));

        assertThat(call).hasPassed(END_CLOSED_NOT_LOCATED).isEnded();
        assertThat(beans.decisions).filteredOn(entry -> entry.startsWith("CLOSED_NOT_LOCATED: ")).hasSize(1);
    }

    @Test
    void aReviewChasingLateTriageIsWithdrawnOnceTheHandlerDecides() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of());
        cases.fireTimer(call, TIMER_TRIAGE_OVERDUE);
        assertThat(call).isWaitingAt(USER_ASSESS_THRESHOLD, USER_SUPERVISOR_REVIEW);

        cases.complete(call, riskToLife());

        assertThat(call).hasPassed(END_REVIEW_WITHDRAWN);
        assertThat(cases.openTasks(call)).extracting(Task::getTaskDefinitionKey).containsExactly(USER_ATTEND);
    }

    @Test
    void anS136DetentionHandsThePersonOverToHealthAtThePlaceOfSafety() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of());
        cases.complete(call, riskToLife());

        cases.complete(call, new Attend(AttendOutcome.S136_DETENTION, null, "Detained on the bridge",
                new S136Details(NOW.toInstant().atOffset(java.time.ZoneOffset.UTC), null, Conveyance.AMBULANCE, null, null)));

        assertThat(call).isWaitingAt(CALL_S136_HANDOVER);
        assertThat(cases.caseVariable(call, STATE)).isEqualTo(CaseState.HANDOVER);
        // The hour has not started at detention: officers record the arrival first
        assertThat(cases.task(call, S136HandoverProcess.Elements.USER_RECORD_ARRIVAL)).hasCandidateGroup("response-officers");
        assertThat(cases.findTimer(call, S136HandoverProcess.Elements.TIMER_HANDOVER_OVERDUE)).isEmpty();
        ClockUtil.setCurrentTime(new Date(NOW.getTime() + Duration.ofMinutes(50).toMillis()));
        cases.complete(call, new RecordArrival(null, ClockUtil.getCurrentTime().toInstant().atOffset(java.time.ZoneOffset.UTC),
                null, null, PlaceOfSafety.HEALTH_BASED, null));
        assertThat(cases.timer(call, S136HandoverProcess.Elements.TIMER_HANDOVER_OVERDUE).getDuedate())
                .isEqualTo(new Date(NOW.getTime() + Duration.ofMinutes(110).toMillis()));
        cases.complete(call, new AcceptHandover("Accepted by the s136 suite nurse"));
        assertThat(cases.caseVariable(call, RESPONSIBLE_AGENCY)).isEqualTo(Agency.HOSPITAL);
        assertThat(call).isWaitingAt(CALL_S136_HANDOVER);
        cases.complete(call, new CompleteAssessment(null, AssessmentOutcome.DISCHARGED_WITH_FOLLOW_UP, null));

        assertThat(call).hasPassed(END_HANDED_OVER).isEnded();
        assertThat(cases.caseVariable(call, RESPONSIBLE_AGENCY)).isEqualTo(Agency.HOSPITAL);
    }

    @Test
    void aDetentionWithTheArrivalKnownStartsTheHourAtTheArrivalAndAChildNeverGoesToCustody() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of(RcrpCallProcess.Variables.SUBJECT_AGE.name(), 15));
        cases.complete(call, riskToLife());
        java.time.OffsetDateTime arrived = NOW.toInstant().minus(Duration.ofMinutes(15)).atOffset(java.time.ZoneOffset.UTC);

        assertThat(cases.check(call, new Attend(AttendOutcome.S136_DETENTION, null, null,
                new S136Details(null, arrived, Conveyance.OTHER, null, PlaceOfSafety.POLICE_CUSTODY))))
                .extracting(FieldError::field).containsExactlyInAnyOrder("s136.placeOfSafety", "s136.conveyanceReason");
        cases.complete(call, new Attend(AttendOutcome.S136_DETENTION, null, null,
                new S136Details(null, arrived, Conveyance.POLICE_VEHICLE, "Ambulance ETA over 2 h", PlaceOfSafety.HEALTH_BASED)));

        assertThat(cases.task(call, S136HandoverProcess.Elements.USER_ACCEPT_HANDOVER)).isNotNull();
        assertThat(cases.timer(call, S136HandoverProcess.Elements.TIMER_HANDOVER_OVERDUE).getDuedate())
                .isEqualTo(new Date(NOW.getTime() + Duration.ofMinutes(45).toMillis()));
    }

    @Test
    void officersCanReferOnToAPartnerAfterAttending() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of());
        cases.complete(call, riskToLife());

        assertThat(cases.check(call, new Attend(AttendOutcome.REFER_PARTNER, null, "")))
                .extracting(FieldError::field).containsExactly("agency");
        cases.complete(call, new Attend(AttendOutcome.REFER_PARTNER, Agency.SOCIAL_CARE, "Safe now; needs a carer"));

        assertThat(call).isWaitingAt(CALL_PARTNER_REFERRAL);
        assertThat(cases.task(call, PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL)).hasCandidateGroup("social-care");
        assertThat(cases.caseVariable(call, AGENCY)).isEqualTo(Agency.SOCIAL_CARE);
        assertThat(cases.findTask(call, USER_INFORM_CALLER)).isEmpty();
    }

    @Test
    void anS136CallGoesStraightToTheHandoverClock() {
        ProcessInstance call = cases.logCall(Category.S136_HANDOVER, Map.of(S136HandoverProcess.Variables.ARRIVED_AT.name(), NOW));

        assertThat(call).isWaitingAt(CALL_S136_HANDOVER);
        assertThat(cases.caseVariable(call, STATE)).isEqualTo(CaseState.HANDOVER);
        assertThat(cases.task(call, S136HandoverProcess.Elements.USER_ACCEPT_HANDOVER)).isNotNull();
        assertThat(cases.timer(call, S136HandoverProcess.Elements.TIMER_HANDOVER_OVERDUE).getDuedate())
                .isEqualTo(new Date(NOW.getTime() + Duration.ofHours(1).toMillis()));
    }

    @Test
    void anS136CallLoggedBeforeTheArrivalWaitsForOfficersToRecordIt() {
        ProcessInstance call = cases.logCall(Category.S136_HANDOVER, Map.of());

        assertThat(cases.task(call, S136HandoverProcess.Elements.USER_RECORD_ARRIVAL)).isNotNull();
        assertThat(cases.findTask(call, S136HandoverProcess.Elements.USER_ACCEPT_HANDOVER)).isEmpty();
    }

    // ---- Referral ----

    @Test
    void aPartnerThatAcceptsOwnsThePersonUntilItRecordsItsOutcome() {
        ProcessInstance call = welfareKnownToMentalHealth();

        assertThat(call).isWaitingAt(CALL_PARTNER_REFERRAL, USER_INFORM_CALLER);
        assertThat(cases.caseVariable(call, STATE)).isEqualTo(CaseState.REFERRED);
        assertThat(cases.caseVariable(call, RESPONSIBLE_AGENCY)).isEqualTo(Agency.POLICE);
        assertThat(cases.task(call, PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL)).hasCandidateGroup("mental-health");

        cases.complete(call, new AcceptReferral(ReferralDecision.ACCEPT, null, "Crisis team will visit"));
        assertThat(cases.caseVariable(call, RESPONSIBLE_AGENCY)).isEqualTo(Agency.MENTAL_HEALTH);
        cases.complete(call, new InformCaller(InformMethod.SMS, "Told crisis team will visit; call back if worse"));
        cases.complete(call, new RecordPartnerOutcome(PartnerOutcome.ASSESSED, "Assessed at home"));

        assertThat(call).hasPassed(END_REFERRED, END_CALLER_INFORMED, END_CASE_CLOSED).isEnded();
        assertThat(cases.caseVariable(call, RESPONSIBLE_AGENCY)).isEqualTo(Agency.MENTAL_HEALTH);
    }

    @Test
    void aPassedBackReferralReturnsThePersonToPoliceForTriage() {
        ProcessInstance call = welfareKnownToMentalHealth();
        cases.complete(call, new AcceptReferral(ReferralDecision.ACCEPT, null, null));

        cases.complete(call, new RecordPartnerOutcome(PartnerOutcome.PASSED_BACK, "Weapon seen at the address"));

        assertThat(call).isWaitingAt(USER_ASSESS_THRESHOLD, USER_INFORM_CALLER);
        assertThat(cases.caseVariable(call, RESPONSIBLE_AGENCY)).isEqualTo(Agency.POLICE);
        assertThat(cases.caseVariable(call, STATE)).isEqualTo(CaseState.TRIAGE);
    }

    @Test
    void aRejectionGoesToASupervisorWhoCanSendPolice() {
        ProcessInstance call = welfareKnownToMentalHealth();

        cases.complete(call, new AcceptReferral(ReferralDecision.REJECT, RejectionReason.POLICE_THRESHOLD_MET, "Threats to others"));
        assertThat(cases.caseVariable(call, STATE)).isEqualTo(CaseState.ESCALATED);
        cases.complete(call, new SupervisorReview(SupervisorAction.POLICE_ATTEND, null, "Agree: threats to neighbours"));

        assertThat(call).isWaitingAt(USER_ATTEND, USER_INFORM_CALLER);
        assertThat(cases.caseVariable(call, GRADE)).isEqualTo(Grade.PRIORITY);
        assertThat(cases.caseVariable(call, ROUTE)).isEqualTo(Route.POLICE_ATTEND);
        assertThat(cases.caseVariable(call, RESPONSIBLE_AGENCY)).isEqualTo(Agency.POLICE);
    }

    @Test
    void aSupervisorCanRerouteARejectedReferralToAnotherAgency() {
        ProcessInstance call = welfareKnownToMentalHealth();
        cases.complete(call, new AcceptReferral(ReferralDecision.REJECT, RejectionReason.NOT_OUR_SERVICE, null));

        cases.complete(call, new SupervisorReview(SupervisorAction.REROUTE, Agency.SOCIAL_CARE, "Adult social care lead"));

        assertThat(call).isWaitingAt(CALL_PARTNER_REFERRAL);
        assertThat(cases.caseVariable(call, AGENCY)).isEqualTo(Agency.SOCIAL_CARE);
        assertThat(cases.task(call, PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL)).hasCandidateGroup("social-care");
    }

    @Test
    void aSupervisorCanCloseASilentReferralWithANote() {
        ProcessInstance call = welfareKnownToMentalHealth();
        cases.fireTimer(call, PartnerReferralProcess.Elements.TIMER_PARTNER_SLA);

        cases.complete(call, new SupervisorReview(SupervisorAction.CLOSE, null, "Caller withdrew; person safe with family"));
        cases.complete(call, new InformCaller(InformMethod.PHONE, null));

        assertThat(call).hasPassed(END_CLOSED_BY_SUPERVISOR).isEnded();
        assertThat(cases.caseVariable(call, RESPONSIBLE_AGENCY)).isEqualTo(Agency.POLICE);
    }

    // ---- NotLocated ----

    private Object taskReason(ProcessInstance call) {
        return engine.getProcessEngine().getTaskService().getVariableLocal(cases.task(call, USER_SUPERVISOR_REVIEW).getId(), "reason");
    }

    @Test
    void aCrisisTeamThatFindsNobodyReturnsTheCaseToPoliceForANotLocatedReview() {
        ProcessInstance call = welfareKnownToMentalHealth();
        cases.complete(call, new AcceptReferral(ReferralDecision.ACCEPT, null, "Crisis team will visit"));
        cases.complete(call, new InformCaller(InformMethod.SMS, "Told the crisis team will visit"));

        cases.complete(call, new RecordPartnerOutcome(PartnerOutcome.NO_CONTACT, "Nobody in, phone off"));

        assertThat(call).isNotEnded().isWaitingAt(USER_SUPERVISOR_REVIEW);
        assertThat(cases.task(call, USER_SUPERVISOR_REVIEW)).hasCandidateGroup("police-supervisors");
        assertThat(taskReason(call)).isEqualTo("NOT_LOCATED");
        assertThat(cases.caseVariable(call, STATE)).isEqualTo(CaseState.ESCALATED);
        assertThat(cases.caseVariable(call, RESPONSIBLE_AGENCY)).isEqualTo(Agency.POLICE);
    }

    @Test
    void aChaseOfTheCrisisTeamThatLostContactGoesBackToItThoughALaterTriageGaveAdviceOnly() {
        ProcessInstance call = cases.logCall(Category.OTHER, Map.of());
        cases.complete(call, nothingMet().withOverride(Route.REFER, Agency.MENTAL_HEALTH, "Known to the crisis team"));
        cases.complete(call, new AcceptReferral(ReferralDecision.ACCEPT, null, "Crisis team will visit"));
        cases.complete(call, new InformCaller(InformMethod.SMS, "Told the crisis team will visit"));
        cases.complete(call, new RecordPartnerOutcome(PartnerOutcome.NO_CONTACT, "Nobody in, phone off"));
        cases.newInformation(call, "Neighbour says he broke a window", false, false, true);
        cases.complete(call, nothingMet());
        cases.complete(call, new InformCaller(InformMethod.PHONE, "Advised; crisis team still to find him"));
        assertThat(taskReason(call)).as("the case cannot close while nobody knows where he is").isEqualTo("NOT_LOCATED");

        cases.complete(call, new SupervisorReview(SupervisorAction.CHASE, null, "Crisis team to try again"));

        assertThat(cases.task(call, PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL)).hasCandidateGroup("mental-health");
        assertThat(cases.caseVariable(call, AGENCY)).isEqualTo(Agency.MENTAL_HEALTH);
    }

    @Test
    void aPoliceNoTraceReturnsTheCaseToASupervisorForANotLocatedReview() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of());
        cases.complete(call, riskToLife());

        cases.complete(call, new Attend(AttendOutcome.NO_TRACE, null, "Address and park searched"));

        assertThat(call).isNotEnded().isWaitingAt(USER_SUPERVISOR_REVIEW);
        assertThat(taskReason(call)).isEqualTo("NOT_LOCATED");
        assertThat(cases.caseVariable(call, STATE)).isEqualTo(CaseState.ESCALATED);
        assertThat(cases.caseVariable(call, RESPONSIBLE_AGENCY)).isEqualTo(Agency.POLICE);
    }

    private ProcessInstance crisisTeamFoundNobody() {
        ProcessInstance call = welfareKnownToMentalHealth();
        cases.complete(call, new AcceptReferral(ReferralDecision.ACCEPT, null, "Crisis team will visit"));
        cases.complete(call, new InformCaller(InformMethod.SMS, "Told the crisis team will visit"));
        cases.complete(call, new RecordPartnerOutcome(PartnerOutcome.NO_CONTACT, "Nobody in, phone off"));
        return call;
    }

    private ProcessInstance officersFoundNoTrace() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of());
        cases.complete(call, riskToLife());
        cases.complete(call, new Attend(AttendOutcome.NO_TRACE, null, "Address and park searched"));
        return call;
    }

    private Task taskFor(ProcessInstance call, String key, String group) {
        return engine.getProcessEngine().getTaskService().createTaskQuery().processInstanceBusinessKey(call.getBusinessKey())
                .taskDefinitionKey(key).taskCandidateGroup(group).singleResult();
    }

    @Test
    void theNoContactReferralEndsNotLocatedAndThePartnersPartIsDone() {
        ProcessInstance call = crisisTeamFoundNobody();

        assertThat(cases.caseVariable(call, REFERRAL_RESULT)).isEqualTo(ReferralResult.NOT_LOCATED);
        assertThat(cases.caseVariable(call, PERSON_NOT_LOCATED)).isTrue();
        assertThat(cases.caseVariable(call, NOT_LOCATED_BY)).isEqualTo(NotLocatedBy.LEAD_PARTNER);
        assertThat(cases.caseVariable(call, PHASE)).isEqualTo(Phase.NOT_LOCATED);
        assertThat(beans.ledger.entries(call.getBusinessKey())).extracting(entry -> entry.agency() + " " + entry.state())
                .contains("MENTAL_HEALTH DONE");
        assertThat(beans.decisions).anyMatch(entry -> entry.startsWith("NOT_LOCATED_RETURNED: The partner holding the referral"));
    }

    @Test
    void aNotLocatedReviewOffersMissingPersonPoliceChaseOrCloseAndNothingElse() {
        ProcessInstance call = officersFoundNoTrace();

        assertThat(cases.check(call, new SupervisorReview(SupervisorAction.REROUTE, Agency.SOCIAL_CARE, "Try social care")))
                .extracting(FieldError::field).containsExactly("action");
        assertThat(ReviewReason.NOT_LOCATED.allowedActions()).containsExactlyInAnyOrder(SupervisorAction.MISSING_PERSON,
                SupervisorAction.POLICE_ATTEND, SupervisorAction.CHASE, SupervisorAction.CLOSE);
        for (ReviewReason other : ReviewReason.values()) {
            assertThat(other.allows(SupervisorAction.MISSING_PERSON)).as("%s", other).isEqualTo(other == ReviewReason.NOT_LOCATED);
        }
    }

    @Test
    void aSupervisorClosesANotLocatedReviewOnlyWithTheWhereaboutsRecordedAndTheClosureIsMarked() {
        ProcessInstance call = officersFoundNoTrace();

        assertThat(cases.check(call, new SupervisorReview(SupervisorAction.CLOSE, null, "Rang his mobile: he answered")))
                .extracting(FieldError::field).containsExactly("whereabouts");
        cases.complete(call, new SupervisorReview(SupervisorAction.CLOSE, null, "Rang his mobile: he answered, at a friend's",
                Whereabouts.LOCATED_SAFE));

        assertThat(call).hasPassed(SERVICE_CLOSE_NOT_LOCATED, END_CLOSED_NOT_LOCATED).isEnded();
        assertThat(cases.caseVariable(call, CLOSED_NOT_LOCATED)).isTrue();
        assertThat(cases.caseVariable(call, WHEREABOUTS)).isEqualTo(Whereabouts.LOCATED_SAFE);
        assertThat(cases.caseVariable(call, PERSON_NOT_LOCATED)).isFalse();
        assertThat(beans.decisions).anyMatch(entry -> entry.startsWith("CLOSED_NOT_LOCATED: ") && entry.contains("located and safe"));
    }

    @Test
    void whereaboutsAreNotAskedOfOtherReviews() {
        ProcessInstance call = welfareKnownToMentalHealth();
        cases.fireTimer(call, PartnerReferralProcess.Elements.TIMER_PARTNER_SLA);

        assertThat(cases.check(call, new SupervisorReview(SupervisorAction.CLOSE, null, "Caller withdrew"))).isEmpty();
    }

    @Test
    void missingPersonOpensAPoliceRiskAssessmentOnItsOwnClockAndHighRiskSendsPoliceAtOnce() {
        ProcessInstance call = crisisTeamFoundNobody();

        cases.complete(call, new SupervisorReview(SupervisorAction.MISSING_PERSON, null, "High-risk history; open a missing report"));

        assertThat(call).isWaitingAt(USER_MISSING_PERSON_ASSESSMENT);
        assertThat(cases.task(call, USER_MISSING_PERSON_ASSESSMENT)).hasCandidateGroup("police-supervisors")
                .hasDueDate(inFromNow(Duration.ofHours(1)));
        assertThat(cases.timer(call, TIMER_MISSING_PERSON_ASSESSMENT).getDuedate()).isEqualTo(inFromNow(Duration.ofHours(1)));
        assertThat(cases.caseVariable(call, STATE)).isEqualTo(CaseState.ESCALATED);
        assertThat(cases.check(call, new org.rcrp.handover.missing.MissingPersonAssessment(null, null, null)))
                .extracting(FieldError::field).containsExactlyInAnyOrder("riskLevel", "located", "note");

        cases.complete(call, new org.rcrp.handover.missing.MissingPersonAssessment(MissingPersonRisk.HIGH, false,
                "Previous overdose attempts; phone off since 14:00"));

        assertThat(call).isWaitingAt(USER_ATTEND);
        assertThat(cases.caseVariable(call, GRADE)).isEqualTo(Grade.IMMEDIATE);
        assertThat(cases.caseVariable(call, ROUTE)).isEqualTo(Route.POLICE_ATTEND);
        assertThat(cases.caseVariable(call, STATE)).isEqualTo(CaseState.POLICE_ATTENDING);
        assertThat(beans.decisions).anyMatch(entry -> entry.startsWith("MISSING_PERSON_ASSESSED: Missing-person risk HIGH"));

        cases.complete(call, new Attend(AttendOutcome.RESOLVED, null, "Found in the park, taken home"));
        assertThat(call).isEnded();
        assertThat(cases.caseVariable(call, PERSON_NOT_LOCATED)).isFalse();
    }

    @Test
    void mediumRiskSendsPoliceAtThePriorityGradeEvenWhenLocated() {
        ProcessInstance call = crisisTeamFoundNobody();
        cases.complete(call, new SupervisorReview(SupervisorAction.MISSING_PERSON, null, "Assess"));

        cases.complete(call, new org.rcrp.handover.missing.MissingPersonAssessment(MissingPersonRisk.MEDIUM, true,
                "Seen by a neighbour at the bus station, distressed"));

        assertThat(call).isWaitingAt(USER_ATTEND);
        assertThat(cases.caseVariable(call, GRADE)).isEqualTo(Grade.PRIORITY);
    }

    @Test
    void locatedAtNoApparentRiskEndsTheCase() {
        ProcessInstance call = crisisTeamFoundNobody();
        cases.complete(call, new SupervisorReview(SupervisorAction.MISSING_PERSON, null, "Assess"));

        cases.complete(call, new org.rcrp.handover.missing.MissingPersonAssessment(MissingPersonRisk.NO_APPARENT_RISK, true,
                "Rang back from her sister's; well"));

        assertThat(call).hasPassed(SERVICE_APPLY_MISSING_PERSON_ASSESSMENT, END_LOCATED).isEnded();
        assertThat(cases.caseVariable(call, PERSON_NOT_LOCATED)).isFalse();
        assertThat(cases.caseVariable(call, CLOSED_NOT_LOCATED)).isNull();
    }

    @Test
    void stillMissingAtLowRiskStaysOpenWithTheSupervisorUntilLocatedOrClosedWithAReason() {
        ProcessInstance call = officersFoundNoTrace();
        cases.complete(call, new SupervisorReview(SupervisorAction.MISSING_PERSON, null, "Assess"));

        cases.complete(call, new org.rcrp.handover.missing.MissingPersonAssessment(MissingPersonRisk.LOW, false,
                "Adult, often stays with friends, no risk factors"));

        assertThat(call).isNotEnded().isWaitingAt(USER_SUPERVISOR_REVIEW);
        assertThat(taskReason(call)).isEqualTo("NOT_LOCATED");
        assertThat(cases.caseVariable(call, PERSON_NOT_LOCATED)).isTrue();
        cases.complete(call, new SupervisorReview(SupervisorAction.CLOSE, null, "Low risk, reviewed with the inspector",
                Whereabouts.NO_CONCERN_ASSESSED));

        assertThat(call).hasPassed(END_CLOSED_NOT_LOCATED).isEnded();
        assertThat(cases.caseVariable(call, CLOSED_NOT_LOCATED)).isTrue();
        assertThat(cases.caseVariable(call, PERSON_NOT_LOCATED)).as("still nobody knows, but a supervisor recorded why").isTrue();
    }

    @Test
    void anOverdueMissingPersonAssessmentAsksASupervisorToChaseWhileTheTaskStays() {
        ProcessInstance call = officersFoundNoTrace();
        cases.complete(call, new SupervisorReview(SupervisorAction.MISSING_PERSON, null, "Assess"));

        cases.fireTimer(call, TIMER_MISSING_PERSON_ASSESSMENT);

        assertThat(call).isWaitingAt(USER_MISSING_PERSON_ASSESSMENT, USER_SUPERVISOR_REVIEW);
        assertThat(taskReason(call)).isEqualTo("MISSING_PERSON_OVERDUE");
        assertThat(cases.check(call, new SupervisorReview(SupervisorAction.CLOSE, null, "close", Whereabouts.LOCATED_SAFE)))
                .extracting(FieldError::field).containsExactly("action");
        cases.complete(call, new SupervisorReview(SupervisorAction.CHASE, null, "Rang the duty inspector"));

        assertThat(call).hasPassed(END_REVIEW_DONE).isWaitingAt(USER_MISSING_PERSON_ASSESSMENT);
    }

    @Test
    void policeAttendAfterANotLocatedReviewAndANewNoTraceComesBack() {
        ProcessInstance call = crisisTeamFoundNobody();

        cases.complete(call, new SupervisorReview(SupervisorAction.POLICE_ATTEND, null, "Welfare check by officers"));

        assertThat(call).isWaitingAt(USER_ATTEND);
        assertThat(cases.caseVariable(call, GRADE)).isEqualTo(Grade.PRIORITY);
        assertThat(cases.caseVariable(call, RESPONSIBLE_AGENCY)).isEqualTo(Agency.POLICE);
        cases.complete(call, new Attend(AttendOutcome.NO_TRACE, null, "Still nobody in"));

        assertThat(call).isNotEnded().isWaitingAt(USER_SUPERVISOR_REVIEW);
        assertThat(taskReason(call)).isEqualTo("NOT_LOCATED");
        assertThat(cases.caseVariable(call, NOT_LOCATED_BY)).isEqualTo(NotLocatedBy.POLICE);
    }

    @Test
    void chasingAPartnersNoContactSendsTheSamePartnerANewReferralOnANewClock() {
        ProcessInstance call = crisisTeamFoundNobody();
        ClockUtil.setCurrentTime(inFromNow(Duration.ofHours(2)));

        cases.complete(call, new SupervisorReview(SupervisorAction.CHASE, null, "Ask the crisis team to try again tonight"));

        assertThat(call).isWaitingAt(CALL_PARTNER_REFERRAL);
        Task again = cases.task(call, PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL);
        assertThat(again).hasCandidateGroup("mental-health");
        assertThat(cases.timer(call, PartnerReferralProcess.Elements.TIMER_PARTNER_SLA).getDuedate())
                .isEqualTo(inFromNow(Duration.ofHours(2).plusMinutes(30)));
        assertThat(cases.caseVariable(call, STATE)).isEqualTo(CaseState.REFERRED);
        cases.complete(call, new AcceptReferral(ReferralDecision.ACCEPT, null, null));
        cases.complete(call, new RecordPartnerOutcome(PartnerOutcome.CONTACT_MADE, "Answered the door this time"));

        assertThat(call).hasPassed(END_REFERRED).isEnded();
        assertThat(cases.caseVariable(call, PERSON_NOT_LOCATED)).isFalse();
    }

    @Test
    void chasingAPoliceNoTraceSendsOfficersAgain() {
        ProcessInstance call = officersFoundNoTrace();

        cases.complete(call, new SupervisorReview(SupervisorAction.CHASE, null, "Search the canal path"));

        assertThat(call).isWaitingAt(USER_ATTEND);
        assertThat(cases.caseVariable(call, GRADE)).as("never lowered").isEqualTo(Grade.IMMEDIATE);
    }

    @Test
    void aSupportingPartnersNoContactIsKeptAndTheCaseCannotCloseUntilSomeoneFindsThePerson() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of(KNOWN_TO_MENTAL_HEALTH.name(), true,
                SUBJECT_AGE.name(), 15));
        cases.complete(call, nothingMet());
        cases.complete(taskFor(call, PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL, "mental-health"), call,
                new AcceptReferral(ReferralDecision.ACCEPT, null, null));
        cases.complete(taskFor(call, PartnerReferralProcess.Elements.USER_RECORD_PARTNER_OUTCOME, "mental-health"), call,
                new RecordPartnerOutcome(PartnerOutcome.NO_CONTACT, "Not at home or school"));

        assertThat(cases.caseVariable(call, PERSON_NOT_LOCATED)).isTrue();
        assertThat(cases.caseVariable(call, NOT_LOCATED_BY)).isEqualTo(NotLocatedBy.SUPPORT_PARTNER);
        assertThat(cases.caseVariable(call, STATE)).as("the lead's work goes on").isEqualTo(CaseState.REFERRED);
        assertThat(cases.findTask(call, USER_SUPERVISOR_REVIEW)).isEmpty();

        // The lead's referral then ends without anyone finding the child: a supervisor closes the rejected referral
        cases.complete(taskFor(call, PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL, "childrens-social-care"), call,
                new AcceptReferral(ReferralDecision.REJECT, RejectionReason.NOT_OUR_SERVICE, "Not known to us"));
        cases.complete(call, new SupervisorReview(SupervisorAction.CLOSE, null, "Not a children's services matter"));
        cases.complete(call, new InformCaller(InformMethod.PHONE, null));

        assertThat(call).isNotEnded().isWaitingAt(USER_SUPERVISOR_REVIEW);
        assertThat(taskReason(call)).isEqualTo("NOT_LOCATED");
        assertThat(cases.caseVariable(call, STATE)).isEqualTo(CaseState.ESCALATED);
        assertThat(cases.caseVariable(call, RESPONSIBLE_AGENCY)).isEqualTo(Agency.POLICE);
        cases.complete(call, new SupervisorReview(SupervisorAction.CHASE, null, "Officers to look"));
        assertThat(call).isWaitingAt(USER_ATTEND);
    }

    @Test
    void aSupportingPartnersNoContactNeedsNoReviewWhenTheLeadFindsThePerson() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of(KNOWN_TO_MENTAL_HEALTH.name(), true,
                SUBJECT_AGE.name(), 15));
        cases.complete(call, nothingMet());
        cases.complete(taskFor(call, PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL, "mental-health"), call,
                new AcceptReferral(ReferralDecision.ACCEPT, null, null));
        cases.complete(taskFor(call, PartnerReferralProcess.Elements.USER_RECORD_PARTNER_OUTCOME, "mental-health"), call,
                new RecordPartnerOutcome(PartnerOutcome.NO_CONTACT, "Not at home"));

        cases.complete(taskFor(call, PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL, "childrens-social-care"), call,
                new AcceptReferral(ReferralDecision.ACCEPT, null, null));
        cases.complete(call, new InformCaller(InformMethod.PHONE, null));
        cases.complete(call, new RecordPartnerOutcome(PartnerOutcome.ASSESSED, "Seen at school with a social worker"));

        assertThat(call).hasPassed(END_REFERRED).isEnded();
        assertThat(cases.caseVariable(call, PERSON_NOT_LOCATED)).isFalse();
    }

    // ---- NewInformation ----

    @Test
    void informationThatRaisesNoRiskIsRecordedAndTheWorkGoesOn() {
        ProcessInstance call = welfareKnownToMentalHealth();

        cases.newInformation(call, "Neighbour says he has gone back inside", false, false, false);

        assertThat(call).hasPassed(SERVICE_RECORD_UPDATE, END_UPDATE_RECORDED)
                .isWaitingAt(CALL_PARTNER_REFERRAL, USER_INFORM_CALLER);
        assertThat(cases.caseVariable(call, UPDATE_COUNT)).isEqualTo(1);
    }

    @Test
    void riskToLifeDuringAReferralAddsPoliceBesideThePartnerWhoKeepsItsReferralAndIsTold() {
        ProcessInstance call = welfareKnownToMentalHealth();
        cases.complete(cases.task(call, PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL), call,
                new AcceptReferral(ReferralDecision.ACCEPT, null, null));
        assertThat(cases.caseVariable(call, RESPONSIBLE_AGENCY)).isEqualTo(Agency.MENTAL_HEALTH);

        cases.newInformation(call, "Now on the roof edge", true, false, false);

        assertThat(call).hasPassed(RcrpCallProcess.Elements.MESSAGE_POLICE_ADDED, RcrpCallProcess.Elements.SERVICE_ADD_POLICE)
                .hasNotPassed(CONDITION_RISK_RAISED);
        assertThat(cases.openTasks(call)).extracting(Task::getTaskDefinitionKey)
                .as("the partner's accepted referral goes on beside police")
                .contains(USER_ATTEND, PartnerReferralProcess.Elements.USER_RECORD_PARTNER_OUTCOME);
        assertThat(cases.caseVariable(call, GRADE)).isEqualTo(Grade.IMMEDIATE);
        assertThat(cases.caseVariable(call, STATE)).isEqualTo(CaseState.POLICE_ATTENDING);
        assertThat(cases.caseVariable(call, RESPONSIBLE_AGENCY)).isEqualTo(Agency.POLICE);
        assertThat(beans.notices).extracting(notice -> notice.kind() + " " + notice.agency()).contains("POLICE_ADDED MENTAL_HEALTH");
        assertThat(beans.ledger.entries(call.getBusinessKey())).extracting(entry -> entry.agency() + " " + entry.role() + " " + entry.state())
                .containsExactly("POLICE LEAD ATTENDING", "MENTAL_HEALTH SUPPORT ACCEPTED");

        cases.complete(cases.task(call, PartnerReferralProcess.Elements.USER_RECORD_PARTNER_OUTCOME), call,
                new RecordPartnerOutcome(PartnerOutcome.PASSED_BACK, "Police have it now"));
        assertThat(cases.caseVariable(call, RESPONSIBLE_AGENCY)).isEqualTo(Agency.POLICE);
        assertThat(cases.findTask(call, USER_ASSESS_THRESHOLD)).as("a supporting pass-back does not re-open triage").isEmpty();
        assertThat(call).hasPassed(RcrpCallProcess.Elements.END_SUPPORTING_REFERRAL_DONE).isWaitingAt(USER_ATTEND);
    }

    @Test
    void whenTheCaseClosesEveryPartnerStillAskedIsStoodDown() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of());
        cases.complete(call, AssessThreshold.answers(false, true, false, false, true, false, "Overdose, threatening"));

        cases.complete(cases.task(call, USER_ATTEND), call, new Attend(AttendOutcome.RESOLVED, null, "Paramedics not needed"));

        assertThat(cases.isClosed(call)).isTrue();
        assertThat(beans.notices).extracting(notice -> notice.kind() + " " + notice.agency()).contains("STOOD_DOWN AMBULANCE");
        assertThat(beans.ledger.entries(call.getBusinessKey())).extracting(entry -> entry.agency() + " " + entry.state())
                .containsExactly("POLICE DONE", "AMBULANCE STOOD_DOWN");
    }

    @Test
    void aCrimeReportedDuringAReferralReopensTriageAndTheCancelledPartnerIsStoodDown() {
        ProcessInstance call = welfareKnownToMentalHealth();

        cases.newInformation(call, "He has smashed the neighbour's windows", false, false, true);

        assertThat(call).isWaitingAt(USER_ASSESS_THRESHOLD);
        assertThat(beans.notices).extracting(notice -> notice.kind() + " " + notice.agency()).contains("STOOD_DOWN MENTAL_HEALTH");
    }

    @Test
    void aCrimeReportedDuringAReferralOfficersMadeStandsThatPartnerDown() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of(KNOWN_TO_MENTAL_HEALTH.name(), true,
                KNOWN_TO_SOCIAL_CARE.name(), true));
        cases.complete(call, riskToLife());
        cases.newInformation(call, "Still on the bridge", true, false, false);
        cases.complete(call, new Attend(AttendOutcome.REFER_PARTNER, Agency.SOCIAL_CARE, "Safe now; needs a care assessment"));

        cases.newInformation(call, "He has smashed the neighbour's windows", false, false, true);
        cases.runAsyncJobs(call);

        assertThat(call).isWaitingAt(USER_ASSESS_THRESHOLD);
        assertThat(beans.notices).extracting(notice -> notice.kind() + " " + notice.agency()).contains("STOOD_DOWN SOCIAL_CARE");
    }

    @Test
    void aSupervisorSendingPoliceStandsTheSilentPartnerDown() {
        ProcessInstance call = welfareKnownToMentalHealth();
        cases.fireTimer(call, PartnerReferralProcess.Elements.TIMER_PARTNER_SLA);

        cases.complete(call, new SupervisorReview(SupervisorAction.POLICE_ATTEND, null, "No answer from the crisis team"));

        assertThat(call).isWaitingAt(USER_ATTEND);
        assertThat(beans.notices).extracting(notice -> notice.kind() + " " + notice.agency()).contains("STOOD_DOWN MENTAL_HEALTH");
    }

    @Test
    void aCrimeReportedDuringAdviceReopensTriage() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of());
        cases.complete(call, nothingMet());

        cases.newInformation(call, "He is smashing the neighbour's windows", false, false, true);

        assertThat(call).isWaitingAt(USER_ASSESS_THRESHOLD);
        assertThat(cases.findTask(call, USER_INFORM_CALLER)).isEmpty();
    }

    @Test
    void aReopenedTriageIsDecidedOnItsOwnAnswersNotTheFirstOverride() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of());
        cases.complete(call, nothingMet().withOverride(Route.REFER, Agency.MENTAL_HEALTH, "Known to the crisis team"));
        cases.complete(call, new InformCaller(InformMethod.PHONE, null));
        cases.newInformation(call, "He is smashing the neighbour's windows", false, false, true);

        cases.complete(call, nothingMet());

        assertThat(cases.caseVariable(call, ROUTE)).isEqualTo(Route.ADVICE_AND_CLOSE);
        assertThat(cases.caseVariable(call, OVERRIDDEN)).isFalse();
        // The answers and the override were transient: read by the decision, kept by the journal, never stored;
        // the rationale and the override's reason never reached the engine at all.
        assertThat(cases.caseVariables(call)).doesNotContainKeys(CRIME.name(), RISK_TO_LIFE.name(), ENTRY_NEEDED.name(),
                WHEREABOUTS_KNOWN.name(), OVERRIDE_ROUTE.name(), "triageRationale", "overrideReason");
    }

    // ---- Risk raised while triage is open (the December finding: a form loaded before it routed the case away) ----

    @Test
    void riskToLifeReportedWhileTriageIsOpenSendsPoliceEvenIfTheFormLoadedBeforeItSaysNo() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of(KNOWN_TO_MENTAL_HEALTH.name(), true));

        cases.newInformation(call, "Caller rang back: he has a rope", true, false, false);
        cases.complete(call, nothingMet());

        assertThat(call).isWaitingAt(USER_ATTEND);
        assertThat(cases.caseVariable(call, ROUTE)).isEqualTo(Route.POLICE_ATTEND);
        assertThat(cases.caseVariable(call, GRADE)).isEqualTo(Grade.IMMEDIATE);
        assertThat(cases.instanceIds(call)).as("no referral to the crisis team").hasSize(1);
        assertThat(beans.decisions).singleElement().asString()
                .contains("POLICE_ATTEND IMMEDIATE").contains("risk raised by new information during triage: risk to life");
        assertThat(cases.caseVariables(call)).as("counted once, then cleared")
                .doesNotContainKeys(RAISED_RISK_TO_LIFE.name(), RAISED_SERIOUS_HARM.name(), RAISED_CRIME.name());
    }

    @Test
    void theRaisedRiskCountsEvenWhenTheTaskIsCompletedWithoutOurBodysHelpAsThroughTheEnginesOwnApi() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of(KNOWN_TO_MENTAL_HEALTH.name(), true));
        cases.newInformation(call, "Now threatening his partner with a knife", false, true, false);

        Task triage = cases.task(call, USER_ASSESS_THRESHOLD);
        engine.getProcessEngine().getTaskService().complete(triage.getId(), nothingMet().variables(Map.of()));

        assertThat(cases.caseVariable(call, ROUTE)).isEqualTo(Route.POLICE_ATTEND);
        assertThat(cases.caseVariable(call, GRADE)).isEqualTo(Grade.IMMEDIATE);
        assertThat(engine.getProcessEngine().getHistoryService().createHistoricDecisionInstanceQuery().includeInputs()
                .decisionDefinitionKey(org.rcrp.handover.plan.ResponseNeedsDecision.KEY).singleResult().getInputs())
                .as("the decision's own history shows the input it decided on")
                .anySatisfy(input -> {
                    assertThat(input.getClauseName()).contains("serious harm");
                    assertThat(input.getValue()).isEqualTo(true);
                });
    }

    @Test
    void anOverrideCannotTakePoliceAwayFromARiskRaisedWhileTriageWasOpen() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of());
        cases.newInformation(call, "Caller rang back: he has a rope", true, false, false);

        assertThat(cases.check(call, nothingMet().withOverride(Route.REFER, Agency.MENTAL_HEALTH, "crisis team nearby")))
                .extracting(FieldError::field).containsExactly("override.route");
    }

    @Test
    void aCrimeReportedWhileTriageIsOpenCountsAsACrime() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of());
        cases.newInformation(call, "He is smashing the neighbour's windows", false, false, true);

        cases.complete(call, nothingMet());

        assertThat(cases.caseVariable(call, ROUTE)).isEqualTo(Route.POLICE_ATTEND);
        assertThat(cases.caseVariable(call, GRADE)).isEqualTo(Grade.PRIORITY);
    }

    @Test
    void newInformationThatRaisesNothingDuringTriageLeavesTheHandlersAnswersToDecide() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of(KNOWN_TO_MENTAL_HEALTH.name(), true));
        cases.newInformation(call, "Neighbour says the lights are on", false, false, false);

        cases.complete(call, nothingMet());

        assertThat(cases.caseVariable(call, ROUTE)).isEqualTo(Route.REFER);
        assertThat(cases.caseVariable(call, AGENCY)).isEqualTo(Agency.MENTAL_HEALTH);
    }

    @Test
    void raisedRiskWhilePoliceAreAlreadyOnTheirWayImmediatelyChangesNothing() {
        ProcessInstance call = cases.logCall(Category.CONCERN_FOR_WELFARE, Map.of());
        cases.complete(call, riskToLife());
        Task attend = cases.task(call, USER_ATTEND);

        cases.newInformation(call, "Still on the bridge", true, true, false);

        assertThat(cases.task(call, USER_ATTEND).getId()).isEqualTo(attend.getId());
    }
}
