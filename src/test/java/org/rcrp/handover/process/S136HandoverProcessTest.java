package org.rcrp.handover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.RESPONSIBLE_AGENCY;
import static org.rcrp.handover.process.S136HandoverProcess.Elements.*;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rcrp.handover.notification.Notice;
import org.rcrp.handover.referral.SupervisorReview;
import org.rcrp.handover.s136.AcceptHandover;
import org.rcrp.handover.s136.CompleteAssessment;
import org.rcrp.handover.s136.RecordArrival;

/** s136-handover on its own: the hour from arrival, the escalation past it, the detention limit. */
@Deployment(resources = S136HandoverProcess.RESOURCE)
class S136HandoverProcessTest extends ProcessTestCase {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(ProcessTestBeans.ENGINE_CONFIGURATION)
            .assertClassCoverageAtLeast(0.95)
            .build();

    @Override
    protected ProcessEngine processEngine() {
        return engine.getProcessEngine();
    }

    /** A handover whose person arrived at the place of safety {@code ago} before now, conveyed by ambulance to A&E. */
    private ProcessInstance arrivedAgo(Duration ago) {
        Map<String, Object> variables = new HashMap<>();
        RcrpCallProcess.Variables.CALL_REFERENCE.putInto(variables, "CAD-S136-1");
        RcrpCallProcess.Variables.SUBJECT_AGE.putInto(variables, 34);
        S136HandoverProcess.Variables.DETAINED_AT.putInto(variables, new Date(NOW.getTime() - ago.toMillis() - Duration.ofMinutes(50).toMillis()));
        S136HandoverProcess.Variables.ARRIVED_AT.putInto(variables, new Date(NOW.getTime() - ago.toMillis()));
        S136HandoverProcess.Variables.CONVEYANCE.putInto(variables, Conveyance.AMBULANCE);
        S136HandoverProcess.Variables.PLACE_OF_SAFETY.putInto(variables, PlaceOfSafety.EMERGENCY_DEPARTMENT);
        return start(variables);
    }

    private ProcessInstance arrive() {
        return arrivedAgo(Duration.ZERO);
    }

    /** Detained, arrival not yet known to the case. */
    private ProcessInstance detained(Integer subjectAge) {
        Map<String, Object> variables = new HashMap<>();
        RcrpCallProcess.Variables.CALL_REFERENCE.putInto(variables, "CAD-S136-2");
        RcrpCallProcess.Variables.SUBJECT_AGE.putInto(variables, subjectAge);
        S136HandoverProcess.Variables.DETAINED_AT.putInto(variables, NOW);
        S136HandoverProcess.Variables.ARRIVED_AT.putInto(variables, null);
        return start(variables);
    }

    private ProcessInstance start(Map<String, Object> variables) {
        ProcessInstance instance = engine.getProcessEngine().getRuntimeService().startProcessInstanceByKey(S136HandoverProcess.KEY,
                UUID.randomUUID().toString(), variables);
        cases.runAsyncJobs(instance);
        return instance;
    }

    private static OffsetDateTime at(Duration fromNow) {
        return NOW.toInstant().plus(fromNow).atOffset(ZoneOffset.UTC);
    }

    @Test
    void arrivalStartsTheHourAndAnAcceptedHandoverMovesThePersonToTheHospital() {
        ProcessInstance handover = arrive();

        assertThat(handover).isWaitingAt(USER_ACCEPT_HANDOVER);
        assertThat(handover).task().hasCandidateGroup("hospital-liaison").hasDueDate(inFromNow(Duration.ofHours(1)));
        assertThat(cases.timer(handover, TIMER_HANDOVER_OVERDUE).getDuedate()).isEqualTo(inFromNow(Duration.ofHours(1)));
        assertThat(cases.timer(handover, TIMER_DETENTION_LIMIT).getDuedate()).isEqualTo(inFromNow(Duration.ofHours(24)));

        ClockUtil.setCurrentTime(inFromNow(Duration.ofMinutes(40)));
        cases.complete(handover, new AcceptHandover("Bed in the s136 suite"));

        assertThat(handover).hasPassed(END_HANDED_OVER).isWaitingAt(USER_COMPLETE_ASSESSMENT);
        assertThat(cases.caseVariable(handover, RESPONSIBLE_AGENCY)).isEqualTo(Agency.HOSPITAL);
        assertThat(cases.caseVariable(handover, S136HandoverProcess.Variables.ARRIVED_AT)).isEqualTo(NOW);
        assertThat(cases.caseVariable(handover, S136HandoverProcess.Variables.HANDED_OVER_AT)).isEqualTo(inFromNow(Duration.ofMinutes(40)));
    }

    @Test
    void pastTheHourBothOnCallManagersAreToldAndASupervisorReviews() {
        ProcessInstance handover = arrive();

        cases.fireTimer(handover, TIMER_HANDOVER_OVERDUE);

        assertThat(handover).hasPassed(SERVICE_ESCALATE_HANDOVER).isWaitingAt(USER_ACCEPT_HANDOVER, USER_SUPERVISOR_REVIEW);
        assertThat(beans.notices).extracting(Notice::agency).containsExactly("POLICE", "HOSPITAL");
        assertThat(beans.notices).extracting(Notice::kind).containsOnly(Notice.Kind.HANDOVER_OVERDUE);
        assertThat(engine.getProcessEngine().getTaskService()
                .getVariableLocal(cases.task(handover, USER_SUPERVISOR_REVIEW).getId(), "reason")).isEqualTo("HANDOVER_OVERDUE");

        cases.complete(handover, new AcceptHandover(null));
        assertThat(handover).isWaitingAt(USER_SUPERVISOR_REVIEW);
        cases.complete(handover, new SupervisorReview(SupervisorAction.CHASE, null, "Bed manager called; 75 minutes"));

        assertThat(handover).hasPassed(END_REVIEW_DONE, END_HANDED_OVER).isWaitingAt(USER_COMPLETE_ASSESSMENT);
    }

    @Test
    void reachingTheDetentionLimitEscalatesAgain() {
        ProcessInstance handover = arrive();
        cases.fireTimer(handover, TIMER_HANDOVER_OVERDUE);

        cases.fireTimer(handover, TIMER_DETENTION_LIMIT);

        assertThat(cases.openTasks(handover)).extracting(task -> task.getTaskDefinitionKey())
                .containsExactlyInAnyOrder(USER_ACCEPT_HANDOVER, USER_SUPERVISOR_REVIEW, USER_SUPERVISOR_REVIEW);
        assertThat(beans.notices).filteredOn(notice -> notice.text().contains("detention limit")).hasSize(2);
    }

    @Test
    void whenTheOnCallManagersCannotBeToldTheSupervisorStillReviewsAndNoIncidentIsLeft() {
        ProcessInstance handover = arrive();
        beans.failing.add(Notice.Kind.HANDOVER_OVERDUE);

        cases.fireTimerOnly(handover, TIMER_HANDOVER_OVERDUE);
        assertThat(cases.attempt(handover, SERVICE_ESCALATE_HANDOVER)).isTrue();
        assertThat(cases.attempt(handover, SERVICE_ESCALATE_HANDOVER)).isTrue();
        assertThat(cases.attempt(handover, SERVICE_ESCALATE_HANDOVER)).isFalse();

        assertThat(handover).hasPassed(ERROR_HANDOVER_ESCALATION_FAILED).isWaitingAt(USER_ACCEPT_HANDOVER, USER_SUPERVISOR_REVIEW);
        assertThat(engine.getProcessEngine().getRuntimeService().createIncidentQuery().count()).isZero();
        assertThat(cases.caseVariable(handover, S136HandoverProcess.Variables.NOTICE_FAILURE))
                .contains("HANDOVER_OVERDUE to POLICE failed after 3 attempts");
    }

    // ---- The hour from arrival (December review: s136 as the law and the NPA have it) ----

    @Test
    void theHourAndTheDetentionLimitRunFromArrivalNotFromWhenTheHandoverStarted() {
        ProcessInstance handover = arrivedAgo(Duration.ofMinutes(20));

        Date arrived = new Date(NOW.getTime() - Duration.ofMinutes(20).toMillis());
        assertThat(cases.timer(handover, TIMER_HANDOVER_OVERDUE).getDuedate()).isEqualTo(new Date(arrived.getTime() + Duration.ofHours(1).toMillis()));
        assertThat(handover).task().hasDueDate(inFromNow(Duration.ofMinutes(40)));
        assertThat(cases.timer(handover, TIMER_DETENTION_LIMIT).getDuedate()).isEqualTo(new Date(arrived.getTime() + Duration.ofHours(24).toMillis()));
    }

    @Test
    void whenArrivalIsNotKnownOfficersRecordItBeforeAnyClockRuns() {
        ProcessInstance handover = detained(34);

        assertThat(handover).isWaitingAt(USER_RECORD_ARRIVAL);
        assertThat(handover).task().hasCandidateGroup("response-officers");
        assertThat(cases.findTimer(handover, TIMER_HANDOVER_OVERDUE)).isEmpty();

        ClockUtil.setCurrentTime(inFromNow(Duration.ofMinutes(45)));
        cases.complete(handover, new RecordArrival(null, at(Duration.ofMinutes(40)), Conveyance.AMBULANCE, null,
                PlaceOfSafety.HEALTH_BASED, null));

        assertThat(handover).isWaitingAt(USER_ACCEPT_HANDOVER);
        assertThat(cases.timer(handover, TIMER_HANDOVER_OVERDUE).getDuedate()).isEqualTo(inFromNow(Duration.ofMinutes(100)));
        assertThat(cases.timer(handover, TIMER_DETENTION_LIMIT).getDuedate()).isEqualTo(inFromNow(Duration.ofHours(24).plusMinutes(40)));
        assertThat(cases.caseVariable(handover, S136HandoverProcess.Variables.PLACE_OF_SAFETY)).isEqualTo(PlaceOfSafety.HEALTH_BASED);
    }

    @Test
    void aChildIsNeverTakenToPoliceCustodyAndAPoliceVehicleNeedsAReason() {
        ProcessInstance handover = detained(15);

        assertThat(cases.check(handover, new RecordArrival(null, at(Duration.ZERO), Conveyance.POLICE_VEHICLE, " ",
                PlaceOfSafety.POLICE_CUSTODY, null))).extracting(FieldError::field)
                .containsExactlyInAnyOrder("conveyanceReason", "placeOfSafety");
        assertThat(cases.check(handover, new RecordArrival(null, null, Conveyance.AMBULANCE, null, PlaceOfSafety.HEALTH_BASED, null)))
                .extracting(FieldError::field).containsExactly("arrivedAt");
        assertThat(cases.check(handover, new RecordArrival(null, at(Duration.ZERO), Conveyance.POLICE_VEHICLE,
                "Ambulance ETA 3 hours; person calm", PlaceOfSafety.HEALTH_BASED, null))).isEmpty();
    }

    @Test
    void theHospitalCanAgreeADelayWhichMovesTheDeadlineAndKeepsTheHandoverOpen() {
        ProcessInstance handover = arrive();

        assertThat(cases.check(handover, new AcceptHandover(HandoverDecision.AGREE_DELAY, null, null, null)))
                .extracting(FieldError::field).containsExactlyInAnyOrder("until", "agreedWithPolice", "note");
        assertThat(cases.check(handover, new AcceptHandover(HandoverDecision.AGREE_DELAY, at(Duration.ofMinutes(-1)), "PS 123 Jones", "Suite being cleaned")))
                .extracting(FieldError::field).containsExactly("until");
        assertThat(cases.check(handover, new AcceptHandover(HandoverDecision.AGREE_DELAY, at(Duration.ofHours(25)), "PS 123 Jones", "Suite being cleaned")))
                .extracting(FieldError::field).containsExactly("until");

        ClockUtil.setCurrentTime(inFromNow(Duration.ofMinutes(30)));
        cases.complete(handover, new AcceptHandover(HandoverDecision.AGREE_DELAY, at(Duration.ofHours(2)), "PS 123 Jones", "Suite being cleaned"));

        assertThat(handover).hasPassed(GATEWAY_HANDOVER_DECISION).isWaitingAt(USER_ACCEPT_HANDOVER);
        assertThat(handover).task().hasDueDate(inFromNow(Duration.ofHours(2)));
        assertThat(cases.timer(handover, TIMER_HANDOVER_OVERDUE).getDuedate()).isEqualTo(inFromNow(Duration.ofHours(2)));
        assertThat(cases.timer(handover, TIMER_DETENTION_LIMIT).getDuedate()).isEqualTo(inFromNow(Duration.ofHours(24)));
        assertThat(cases.findTask(handover, USER_SUPERVISOR_REVIEW)).isEmpty();

        cases.complete(handover, new AcceptHandover(HandoverDecision.ACCEPT, null, null, null));
        assertThat(handover).hasPassed(END_HANDED_OVER).isWaitingAt(USER_COMPLETE_ASSESSMENT);
    }

    @Test
    void theDetentionLimitRunsOnAfterTheHandoverUntilTheAssessmentEnds() {
        ProcessInstance handover = arrive();
        cases.complete(handover, new AcceptHandover("Accepted"));

        assertThat(handover).task().hasCandidateGroup("hospital-liaison").hasDueDate(inFromNow(Duration.ofHours(24)));
        assertThat(cases.timer(handover, TIMER_DETENTION_LIMIT_ASSESSMENT).getDuedate()).isEqualTo(inFromNow(Duration.ofHours(24)));
        cases.fireTimer(handover, TIMER_DETENTION_LIMIT_ASSESSMENT);
        assertThat(engine.getProcessEngine().getTaskService()
                .getVariableLocal(cases.task(handover, USER_SUPERVISOR_REVIEW).getId(), "reason")).isEqualTo("DETENTION_LIMIT");
        assertThat(cases.check(handover, new SupervisorReview(SupervisorAction.WITHDRAW, null, "Leaving", "Low risk")))
                .extracting(FieldError::field).containsExactly("action");
        cases.complete(handover, new SupervisorReview(SupervisorAction.CHASE, null, "AMHP on the way"));

        assertThat(cases.check(handover, new CompleteAssessment(null, null, null))).extracting(FieldError::field).containsExactly("outcome");
        assertThat(cases.check(handover, new CompleteAssessment(at(Duration.ofMinutes(-10)), AssessmentOutcome.DISCHARGED, null)))
                .extracting(FieldError::field).containsExactly("endedAt");
        ClockUtil.setCurrentTime(inFromNow(Duration.ofHours(25)));
        cases.complete(handover, new CompleteAssessment(null, AssessmentOutcome.DETAINED_UNDER_MHA, "Admitted under s2"));

        assertThat(handover).hasPassed(END_ASSESSMENT_ENDED).isEnded();
        assertThat(cases.caseVariable(handover, S136HandoverProcess.Variables.ASSESSMENT_ENDED_AT)).isEqualTo(inFromNow(Duration.ofHours(25)));
    }

    @Test
    void theResponsibleClinicianExtendsTheLimitByTwelveHours() {
        ProcessInstance handover = arrive();

        engine.getProcessEngine().getRuntimeService().createMessageCorrelation(S136HandoverProcess.Messages.DETENTION_EXTENDED)
                .processInstanceId(handover.getId()).correlate();

        assertThat(handover).hasPassed(SERVICE_EXTEND_DETENTION, END_DETENTION_EXTENDED).isWaitingAt(USER_ACCEPT_HANDOVER);
        assertThat(cases.timer(handover, TIMER_DETENTION_LIMIT).getDuedate()).isEqualTo(inFromNow(Duration.ofHours(36)));
        cases.complete(handover, new AcceptHandover("Accepted"));
        assertThat(cases.timer(handover, TIMER_DETENTION_LIMIT_ASSESSMENT).getDuedate()).isEqualTo(inFromNow(Duration.ofHours(36)));
    }

    @Test
    void pastTheHourPoliceMayWithdrawOnlyOnARecordedRiskAssessmentAndThePersonIsHealths() {
        ProcessInstance handover = arrive();
        cases.fireTimer(handover, TIMER_HANDOVER_OVERDUE);

        assertThat(cases.check(handover, new SupervisorReview(SupervisorAction.WITHDRAW, null, "Officers needed elsewhere")))
                .extracting(FieldError::field).containsExactly("riskAssessment");
        ClockUtil.setCurrentTime(inFromNow(Duration.ofMinutes(90)));
        cases.complete(handover, new SupervisorReview(SupervisorAction.WITHDRAW, null, "Officers needed elsewhere",
                "Calm, no weapons, staff of 3 in the suite; risk of harm low"));

        assertThat(handover).hasPassed(END_POLICE_WITHDREW).isWaitingAt(USER_ACCEPT_HANDOVER);
        assertThat(cases.caseVariable(handover, RESPONSIBLE_AGENCY)).isEqualTo(Agency.HOSPITAL);
        assertThat(cases.caseVariable(handover, S136HandoverProcess.Variables.POLICE_WITHDREW_AT)).isEqualTo(inFromNow(Duration.ofMinutes(90)));
    }

    @Test
    void pastTheHourTheSupervisorMayEscalateToTheHospitalsOnCallManager() {
        ProcessInstance handover = arrive();
        cases.fireTimer(handover, TIMER_HANDOVER_OVERDUE);
        beans.notices.clear();

        cases.complete(handover, new SupervisorReview(SupervisorAction.ESCALATE, null, "Third call to the ward unanswered"));

        assertThat(handover).hasPassed(SERVICE_ESCALATE_ON_CALL_MANAGER, END_REVIEW_DONE).isWaitingAt(USER_ACCEPT_HANDOVER);
        assertThat(beans.notices).singleElement().satisfies(notice -> {
            assertThat(notice.agency()).isEqualTo("HOSPITAL");
            assertThat(notice.text()).contains("on-call manager");
        });
    }

    @Test
    void whenTheOnCallManagerCannotBeToldTheSupervisorReviewsAgain() {
        ProcessInstance handover = arrive();
        cases.fireTimer(handover, TIMER_HANDOVER_OVERDUE);
        beans.failing.add(Notice.Kind.HANDOVER_OVERDUE);

        engine.getProcessEngine().getTaskService().complete(cases.task(handover, USER_SUPERVISOR_REVIEW).getId(),
                new SupervisorReview(SupervisorAction.ESCALATE, null, "Escalating").variables(Map.of("reason", "HANDOVER_OVERDUE")));
        assertThat(cases.attempt(handover, SERVICE_ESCALATE_ON_CALL_MANAGER)).isTrue();
        assertThat(cases.attempt(handover, SERVICE_ESCALATE_ON_CALL_MANAGER)).isTrue();
        assertThat(cases.attempt(handover, SERVICE_ESCALATE_ON_CALL_MANAGER)).isFalse();

        assertThat(handover).hasPassed(ERROR_ON_CALL_MANAGER_NOTICE_FAILED).isWaitingAt(USER_ACCEPT_HANDOVER, USER_SUPERVISOR_REVIEW);
    }
}
