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
        Map<String, Object> variables = new HashMap<>();
        PartnerReferralProcess.Variables.AGENCY.putInto(variables, agency);
        RcrpCallProcess.Variables.CATEGORY.putInto(variables, Category.CONCERN_FOR_WELFARE);
        RcrpCallProcess.Variables.CALL_REFERENCE.putInto(variables, "CAD-REF-1");
        ProcessInstance referral = engine.getProcessEngine().getRuntimeService()
                .startProcessInstanceByKey(PartnerReferralProcess.KEY, UUID.randomUUID().toString(), variables);
        assertThat(referral).isWaitingAt(SERVICE_NOTIFY_PARTNER);
        cases.runAsyncJobs(referral);
        return referral;
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

        assertThat(referral).isWaitingAt(USER_SUPERVISOR_REVIEW);
        assertThat(referral).task().hasCandidateGroup("police-supervisors");
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
}
