package org.rcrp.handover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.rcrp.handover.process.PartnerReferralProcess.Elements.*;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.RESPONSIBLE_AGENCY;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.STATE;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rcrp.handover.notification.Notice;
import org.rcrp.handover.referral.AcceptReferral;
import org.rcrp.handover.referral.RecordPartnerOutcome;
import org.rcrp.handover.referral.SupervisorReview;

/** partner-referral on its own: every path and every clock of one referral to one agency. */
@Deployment(resources = PartnerReferralProcess.RESOURCE)
class PartnerReferralProcessTest extends ProcessTestCase {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(ProcessTestBeans.ENGINE_CONFIGURATION)
            .assertClassCoverageAtLeast(0.95)
            .build();

    @Override
    protected ProcessEngine processEngine() {
        return engine.getProcessEngine();
    }

    private ProcessInstance referTo(Agency agency) {
        ProcessInstance referral = startReferral(agency);
        cases.runAsyncJobs(referral);
        return referral;
    }

    /** A referral whose first notice has not been attempted yet. */
    private ProcessInstance startReferral(Agency agency) {
        Map<String, Object> variables = new HashMap<>();
        PartnerReferralProcess.Variables.AGENCY.putInto(variables, agency);
        RcrpCallProcess.Variables.CATEGORY.putInto(variables, Category.CONCERN_FOR_WELFARE);
        RcrpCallProcess.Variables.CALL_REFERENCE.putInto(variables, "CAD-REF-1");
        ProcessInstance referral = engine.getProcessEngine().getRuntimeService()
                .startProcessInstanceByKey(PartnerReferralProcess.KEY, UUID.randomUUID().toString(), variables);
        assertThat(referral).isWaitingAt(SERVICE_NOTIFY_PARTNER);
        return referral;
    }

    private Task reviewFor(ProcessInstance referral, ReviewReason reason) {
        return engine.getProcessEngine().getTaskService().createTaskQuery()
                .processInstanceBusinessKey(referral.getBusinessKey()).taskDefinitionKey(USER_SUPERVISOR_REVIEW)
                .taskVariableValueEquals(RcrpCallProcess.Variables.TASK_REASON.name(), reason.name()).singleResult();
    }

    private long incidents() {
        return engine.getProcessEngine().getRuntimeService().createIncidentQuery().count();
    }

    private <T> T variable(ProcessInstance referral, ProcessVariable<T> variable) {
        return cases.caseVariable(referral, variable);
    }

    @Test
    void thePartnerIsNotifiedAndHasHalfAnHourToAnswer() {
        ProcessInstance referral = referTo(Agency.MENTAL_HEALTH);

        assertThat(referral).hasPassed(SERVICE_NOTIFY_PARTNER).isWaitingAt(USER_ACCEPT_REFERRAL);
        assertThat(referral).task().hasCandidateGroup("mental-health").hasDueDate(inFromNow(Duration.ofMinutes(30)));
        assertThat(cases.timer(referral, TIMER_PARTNER_SLA).getDuedate()).isEqualTo(inFromNow(Duration.ofMinutes(30)));
        assertThat(beans.notices).singleElement().satisfies(notice -> {
            assertThat(notice.kind()).isEqualTo(Notice.Kind.REFERRAL_MADE);
            assertThat(notice.agency()).isEqualTo("MENTAL_HEALTH");
            assertThat(notice.callReference()).isEqualTo("CAD-REF-1");
            assertThat(notice.due()).isEqualTo(inFromNow(Duration.ofMinutes(30)).toInstant());
            assertThat(notice.id()).isNotBlank();
        });
        assertThat(variable(referral, RESPONSIBLE_AGENCY)).isEqualTo(Agency.POLICE);
    }

    @Test
    void aReminderGoesOutBeforeTheClockRunsOutAndTheReferralStaysOpen() {
        ProcessInstance referral = referTo(Agency.AMBULANCE);
        assertThat(cases.timer(referral, TIMER_PARTNER_REMINDER).getDuedate()).isEqualTo(inFromNow(Duration.ofMinutes(20)));

        cases.fireTimer(referral, TIMER_PARTNER_REMINDER);

        assertThat(referral).hasPassed(SERVICE_REMIND_PARTNER, END_REMINDER_SENT).isWaitingAt(USER_ACCEPT_REFERRAL);
        assertThat(beans.notices).extracting(Notice::kind)
                .containsExactly(Notice.Kind.REFERRAL_MADE, Notice.Kind.REFERRAL_REMINDER);
    }

    @Test
    void silenceEscalatesToASupervisorWhoseChaseReopensTheReferralWithANewClock() {
        ProcessInstance referral = referTo(Agency.MENTAL_HEALTH);

        cases.fireTimer(referral, TIMER_PARTNER_SLA);

        assertThat(referral).hasPassed(SERVICE_NOTIFY_ESCALATED, END_ESCALATION_SENT).isWaitingAt(USER_SUPERVISOR_REVIEW);
        assertThat(referral).task().hasCandidateGroup("police-supervisors");
        assertThat(beans.notices).extracting(Notice::kind).containsExactly(Notice.Kind.REFERRAL_MADE, Notice.Kind.REFERRAL_ESCALATED);
        assertThat(beans.notices.get(1).due()).isEqualTo(inFromNow(Duration.ofMinutes(30)).toInstant());
        assertThat(variable(referral, STATE)).isEqualTo(CaseState.ESCALATED);
        assertThat(variable(referral, RESPONSIBLE_AGENCY)).isEqualTo(Agency.POLICE);

        ClockUtil.setCurrentTime(inFromNow(Duration.ofMinutes(35)));
        cases.complete(referral, new SupervisorReview(SupervisorAction.CHASE, null, "Rang the crisis team duty manager"));

        assertThat(referral).isWaitingAt(USER_ACCEPT_REFERRAL);
        assertThat(variable(referral, PartnerReferralProcess.Variables.NOTIFICATION_ATTEMPT)).isEqualTo(2);
        assertThat(variable(referral, STATE)).isEqualTo(CaseState.REFERRED);
        assertThat(cases.timer(referral, TIMER_PARTNER_SLA).getDuedate()).isEqualTo(inFromNow(Duration.ofMinutes(65)));
    }

    @Test
    void anAcceptedReferralBelongsToThePartnerUntilItsOutcomeCompletesIt() {
        ProcessInstance referral = referTo(Agency.MENTAL_HEALTH);

        cases.complete(referral, new AcceptReferral(ReferralDecision.ACCEPT, null, "Crisis team visiting"));

        assertThat(referral).isWaitingAt(USER_RECORD_PARTNER_OUTCOME);
        assertThat(referral).task().hasCandidateGroup("mental-health").hasDueDate(inFromNow(Duration.ofHours(4)));
        assertThat(variable(referral, RESPONSIBLE_AGENCY)).isEqualTo(Agency.MENTAL_HEALTH);
        assertThat(cases.findTimer(referral, TIMER_PARTNER_SLA)).isEmpty();

        cases.complete(referral, new RecordPartnerOutcome(PartnerOutcome.CONTACT_MADE, "Spoke to him at home"));

        assertThat(referral).hasPassed(END_REFERRAL_COMPLETED).isEnded();
        assertThat(variable(referral, PartnerReferralProcess.Variables.REFERRAL_RESULT)).isEqualTo(ReferralResult.COMPLETED);
        assertThat(variable(referral, RESPONSIBLE_AGENCY)).isEqualTo(Agency.MENTAL_HEALTH);
    }

    @Test
    void aReferralToChildrensSocialCareIsOfferedToChildrensSocialCareNotAdultSocialCare() {
        ProcessInstance referral = referTo(Agency.CHILDRENS_SOCIAL_CARE);

        assertThat(referral).isWaitingAt(USER_ACCEPT_REFERRAL);
        assertThat(referral).task().hasCandidateGroup("childrens-social-care");
        assertThat(engine.getProcessEngine().getTaskService().createTaskQuery().processInstanceId(referral.getId())
                .taskCandidateGroup("social-care").count()).isZero();

        cases.complete(referral, new AcceptReferral(ReferralDecision.ACCEPT, null, null));

        assertThat(variable(referral, RESPONSIBLE_AGENCY)).isEqualTo(Agency.CHILDRENS_SOCIAL_CARE);
        assertThat(referral).task().hasDefinitionKey(USER_RECORD_PARTNER_OUTCOME).hasCandidateGroup("childrens-social-care");
    }

    @Test
    void aLateOutcomeEscalatesToTheAgencyAndTheSupervisorWhoChases() {
        ProcessInstance referral = referTo(Agency.SOCIAL_CARE);
        cases.complete(referral, new AcceptReferral(ReferralDecision.ACCEPT, null, null));

        cases.fireTimer(referral, TIMER_PARTNER_OUTCOME_SLA);

        assertThat(referral).hasPassed(SERVICE_REMIND_OUTCOME).isWaitingAt(USER_RECORD_PARTNER_OUTCOME, USER_SUPERVISOR_REVIEW);
        assertThat(beans.notices).extracting(Notice::kind).contains(Notice.Kind.OUTCOME_OVERDUE);
        assertThat(variable(referral, RESPONSIBLE_AGENCY)).isEqualTo(Agency.SOCIAL_CARE);
        assertThat(cases.check(referral, new SupervisorReview(SupervisorAction.POLICE_ATTEND, null, "send")))
                .extracting(FieldError::field).containsExactly("action");

        cases.complete(referral, new SupervisorReview(SupervisorAction.CHASE, null, "Asked the team manager for an update"));

        assertThat(referral).hasPassed(END_OUTCOME_CHASED).isWaitingAt(USER_RECORD_PARTNER_OUTCOME);
    }

    @Test
    void anOutcomeRecordedWhileTheChaseIsOpenEndsTheReferral() {
        ProcessInstance referral = referTo(Agency.SOCIAL_CARE);
        cases.complete(referral, new AcceptReferral(ReferralDecision.ACCEPT, null, null));
        cases.fireTimer(referral, TIMER_PARTNER_OUTCOME_SLA);

        cases.complete(referral, new RecordPartnerOutcome(PartnerOutcome.ASSESSED, "Carer package arranged"));

        assertThat(referral).isEnded();
        assertThat(cases.openTasks(referral)).isEmpty();
    }

    @Test
    void aPartnerThatFindsNobodyEndsTheReferralNotLocatedNeverCompleted() {
        ProcessInstance referral = referTo(Agency.MENTAL_HEALTH);
        cases.complete(referral, new AcceptReferral(ReferralDecision.ACCEPT, null, null));

        cases.complete(referral, new RecordPartnerOutcome(PartnerOutcome.NO_CONTACT, "Nobody in, phone off"));

        assertThat(referral).hasPassed(END_NOT_LOCATED).hasNotPassed(END_REFERRAL_COMPLETED).isEnded();
        assertThat(variable(referral, PartnerReferralProcess.Variables.REFERRAL_RESULT)).isEqualTo(ReferralResult.NOT_LOCATED);
        assertThat(variable(referral, RESPONSIBLE_AGENCY)).isEqualTo(Agency.POLICE);
        assertThat(variable(referral, RcrpCallProcess.Variables.PERSON_NOT_LOCATED)).isTrue();
    }

    @Test
    void aPartnerCanPassThePersonBackToPolice() {
        ProcessInstance referral = referTo(Agency.MENTAL_HEALTH);
        cases.complete(referral, new AcceptReferral(ReferralDecision.ACCEPT, null, null));

        assertThat(cases.check(referral, new RecordPartnerOutcome(PartnerOutcome.PASSED_BACK, null)))
                .extracting(FieldError::field).containsExactly("note");
        cases.complete(referral, new RecordPartnerOutcome(PartnerOutcome.PASSED_BACK, "Threatening staff with a knife"));

        assertThat(referral).hasPassed(END_PASSED_BACK).isEnded();
        assertThat(variable(referral, PartnerReferralProcess.Variables.REFERRAL_RESULT)).isEqualTo(ReferralResult.PASSED_BACK);
        assertThat(variable(referral, RESPONSIBLE_AGENCY)).isEqualTo(Agency.POLICE);
    }

    @Test
    void aRejectionNeedsACodedReasonAndGoesToASupervisorWhoCanReroute() {
        ProcessInstance referral = referTo(Agency.MENTAL_HEALTH);
        assertThat(cases.check(referral, new AcceptReferral(ReferralDecision.REJECT, null, null)))
                .extracting(FieldError::field).containsExactly("reasonCode");

        cases.complete(referral, new AcceptReferral(ReferralDecision.REJECT, RejectionReason.NOT_OUR_SERVICE, "Not known to us"));

        assertThat(referral).isWaitingAt(USER_SUPERVISOR_REVIEW);
        assertThat(variable(referral, STATE)).isEqualTo(CaseState.ESCALATED);
        assertThat(variable(referral, PartnerReferralProcess.Variables.REASON_CODE)).isEqualTo(RejectionReason.NOT_OUR_SERVICE);

        cases.complete(referral, new SupervisorReview(SupervisorAction.REROUTE, Agency.SOCIAL_CARE, "Agree: adult social care"));

        assertThat(referral).hasPassed(END_REROUTED).isEnded();
        assertThat(variable(referral, PartnerReferralProcess.Variables.REFERRAL_RESULT)).isEqualTo(ReferralResult.REROUTE);
        assertThat(variable(referral, PartnerReferralProcess.Variables.REROUTE_AGENCY)).isEqualTo(Agency.SOCIAL_CARE);
        assertThat(variable(referral, RcrpCallProcess.Variables.DISPUTE_OUTCOME)).isEqualTo(SupervisorAction.REROUTE);
    }

    @Test
    void aSupervisorCanDecidePoliceAttendAfterARejection() {
        ProcessInstance referral = referTo(Agency.AMBULANCE);
        cases.complete(referral, new AcceptReferral(ReferralDecision.REJECT, RejectionReason.POLICE_THRESHOLD_MET, "Violence"));

        cases.complete(referral, new SupervisorReview(SupervisorAction.POLICE_ATTEND, null, "Dispute: agree police lead"));

        assertThat(referral).hasPassed(END_POLICE_REQUESTED).isEnded();
        assertThat(variable(referral, PartnerReferralProcess.Variables.REFERRAL_RESULT)).isEqualTo(ReferralResult.POLICE_ATTEND);
        assertThat(variable(referral, RESPONSIBLE_AGENCY)).isEqualTo(Agency.POLICE);
    }

    @Test
    void aSupervisorCanCloseASilentReferral() {
        ProcessInstance referral = referTo(Agency.HEALTHCARE_SETTING);
        assertThat(referral).task().hasCandidateGroup("hospital-liaison");
        cases.fireTimer(referral, TIMER_PARTNER_SLA);

        cases.complete(referral, new SupervisorReview(SupervisorAction.CLOSE, null, "Patient returned to the ward"));

        assertThat(referral).hasPassed(END_CLOSED_BY_SUPERVISOR).isEnded();
        assertThat(variable(referral, PartnerReferralProcess.Variables.REFERRAL_RESULT)).isEqualTo(ReferralResult.CLOSED);
    }

    @Test
    void aReferralNoticeThatFailsTwiceGoesOutOnTheThirdAttemptWithOneDeliveryId() {
        beans.failing.add(Notice.Kind.REFERRAL_MADE);
        beans.failuresLeft = 2;
        ProcessInstance referral = startReferral(Agency.MENTAL_HEALTH);
        String jobId = cases.asyncJob(referral, SERVICE_NOTIFY_PARTNER).getId();

        assertThat(cases.attempt(referral, SERVICE_NOTIFY_PARTNER)).isTrue();
        assertThat(cases.attempt(referral, SERVICE_NOTIFY_PARTNER)).isTrue();
        assertThat(cases.asyncJob(referral, SERVICE_NOTIFY_PARTNER).getRetries()).isEqualTo(1);
        assertThat(cases.attempt(referral, SERVICE_NOTIFY_PARTNER)).isFalse();

        assertThat(referral).isWaitingAt(USER_ACCEPT_REFERRAL);
        assertThat(beans.failedAttempts).isEqualTo(2);
        assertThat(beans.notices).singleElement().extracting(Notice::id).isEqualTo(jobId);
        assertThat(variable(referral, STATE)).isEqualTo(CaseState.REFERRED);
    }

    @Test
    void aReferralNoticeThatNeverGoesOutRaisesASupervisorReviewNotAnIncident() {
        beans.failing.add(Notice.Kind.REFERRAL_MADE);
        ProcessInstance referral = startReferral(Agency.MENTAL_HEALTH);

        assertThat(cases.attempt(referral, SERVICE_NOTIFY_PARTNER)).isTrue();
        assertThat(cases.attempt(referral, SERVICE_NOTIFY_PARTNER)).isTrue();
        assertThat(cases.attempt(referral, SERVICE_NOTIFY_PARTNER)).as("the last attempt ends in a BPMN error").isFalse();

        assertThat(beans.failedAttempts).isEqualTo(3);
        assertThat(referral).hasPassed(ERROR_NOTIFICATION_FAILED).isWaitingAt(USER_SUPERVISOR_REVIEW);
        assertThat(reviewFor(referral, ReviewReason.NOTIFICATION_FAILED)).isNotNull();
        assertThat(incidents()).isZero();
        assertThat(variable(referral, STATE)).isEqualTo(CaseState.ESCALATED);
        assertThat(variable(referral, RESPONSIBLE_AGENCY)).isEqualTo(Agency.POLICE);
        assertThat(variable(referral, PartnerReferralProcess.Variables.NOTICE_FAILURE))
                .contains("REFERRAL_MADE", "MENTAL_HEALTH", "3 attempts", "agency endpoint down");
        assertThat(cases.check(referral, new SupervisorReview(SupervisorAction.CLOSE, null, "close it")))
                .extracting(FieldError::field).containsExactly("action");

        beans.failing.clear();
        cases.complete(referral, new SupervisorReview(SupervisorAction.CHASE, null, "Phoned the crisis team; send it again"));

        assertThat(referral).isWaitingAt(USER_ACCEPT_REFERRAL);
        assertThat(beans.notices).extracting(Notice::kind).containsExactly(Notice.Kind.REFERRAL_MADE);
        assertThat(variable(referral, STATE)).isEqualTo(CaseState.REFERRED);
    }

    @Test
    void aReminderThatNeverGoesOutIsReviewedBesideTheOpenReferral() {
        ProcessInstance referral = referTo(Agency.AMBULANCE);
        beans.failing.add(Notice.Kind.REFERRAL_REMINDER);

        cases.fireTimerOnly(referral, TIMER_PARTNER_REMINDER);
        for (int attempt = 1; attempt <= 3; attempt++) {
            cases.attempt(referral, SERVICE_REMIND_PARTNER);
        }

        assertThat(referral).hasPassed(ERROR_REMINDER_FAILED).isWaitingAt(USER_ACCEPT_REFERRAL, USER_SUPERVISOR_REVIEW);
        assertThat(incidents()).isZero();
        assertThat(variable(referral, STATE)).isEqualTo(CaseState.REFERRED);

        cases.complete(reviewFor(referral, ReviewReason.NOTIFICATION_FAILED), referral,
                new SupervisorReview(SupervisorAction.CHASE, null, "Rang ambulance control"));

        assertThat(referral).hasPassed(END_NOTICE_CHASED).isWaitingAt(USER_ACCEPT_REFERRAL);
        assertThat(cases.openTasks(referral)).extracting(Task::getTaskDefinitionKey).containsExactly(USER_ACCEPT_REFERRAL);
    }

    @Test
    void anEscalationNoticeThatNeverGoesOutIsASecondReviewBesideTheSilence() {
        ProcessInstance referral = referTo(Agency.MENTAL_HEALTH);
        beans.failing.add(Notice.Kind.REFERRAL_ESCALATED);

        cases.fireTimerOnly(referral, TIMER_PARTNER_SLA);
        assertThat(reviewFor(referral, ReviewReason.NO_RESPONSE)).as("the supervisor is asked at once").isNotNull();
        for (int attempt = 1; attempt <= 3; attempt++) {
            cases.attempt(referral, SERVICE_NOTIFY_ESCALATED);
        }

        assertThat(referral).hasPassed(ERROR_ESCALATION_FAILED);
        assertThat(reviewFor(referral, ReviewReason.NOTIFICATION_FAILED)).isNotNull();
        assertThat(incidents()).isZero();

        cases.complete(reviewFor(referral, ReviewReason.NOTIFICATION_FAILED), referral,
                new SupervisorReview(SupervisorAction.POLICE_ATTEND, null, "Crisis team unreachable: police attend"));

        assertThat(referral).hasPassed(END_POLICE_REQUESTED).isEnded();
        assertThat(variable(referral, PartnerReferralProcess.Variables.REFERRAL_RESULT)).isEqualTo(ReferralResult.POLICE_ATTEND);
    }

    @Test
    void anOutcomeEscalationNoticeThatNeverGoesOutIsChasedWhileThePartnerKeepsThePerson() {
        ProcessInstance referral = referTo(Agency.SOCIAL_CARE);
        cases.complete(referral, new AcceptReferral(ReferralDecision.ACCEPT, null, null));
        beans.failing.add(Notice.Kind.OUTCOME_OVERDUE);

        cases.fireTimerOnly(referral, TIMER_PARTNER_OUTCOME_SLA);
        for (int attempt = 1; attempt <= 3; attempt++) {
            cases.attempt(referral, SERVICE_REMIND_OUTCOME);
        }

        assertThat(referral).hasPassed(ERROR_OUTCOME_ESCALATION_FAILED);
        assertThat(reviewFor(referral, ReviewReason.OUTCOME_OVERDUE)).isNotNull();
        assertThat(variable(referral, RESPONSIBLE_AGENCY)).isEqualTo(Agency.SOCIAL_CARE);

        cases.complete(reviewFor(referral, ReviewReason.NOTIFICATION_FAILED), referral,
                new SupervisorReview(SupervisorAction.CHASE, null, "Emailed the team manager myself"));

        assertThat(referral).hasPassed(END_NOTICE_CHASED).isWaitingAt(USER_RECORD_PARTNER_OUTCOME, USER_SUPERVISOR_REVIEW);
        assertThat(variable(referral, RESPONSIBLE_AGENCY)).isEqualTo(Agency.SOCIAL_CARE);
    }

    @Test
    void aLateOutcomeTellsTheAgencyWhenTheOutcomeWasDue() {
        ProcessInstance referral = referTo(Agency.MENTAL_HEALTH);
        cases.complete(referral, new AcceptReferral(ReferralDecision.ACCEPT, null, null));

        cases.fireTimer(referral, TIMER_PARTNER_OUTCOME_SLA);

        assertThat(referral).hasPassed(END_OUTCOME_ESCALATION_SENT);
        assertThat(beans.notices).filteredOn(notice -> notice.kind() == Notice.Kind.OUTCOME_OVERDUE).singleElement()
                .extracting(Notice::due).isEqualTo(inFromNow(Duration.ofHours(4)).toInstant());
    }
}
