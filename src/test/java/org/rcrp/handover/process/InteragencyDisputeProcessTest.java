package org.rcrp.handover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.rcrp.handover.process.InteragencyDisputeProcess.Elements.*;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rcrp.handover.dispute.DisputePartnerPosition;
import org.rcrp.handover.dispute.DisputePolicePosition;
import org.rcrp.handover.referral.AcceptReferral;
import org.rcrp.handover.referral.SupervisorReview;

/**
 * interagency-dispute, started the way it is in the application: a police supervisor contests a partner's rejection on
 * the referral's review. Both sides at once, tiers on disagreement or the shift's end, both names on the outcome.
 */
@Deployment(resources = {PartnerReferralProcess.RESOURCE, InteragencyDisputeProcess.RESOURCE})
class InteragencyDisputeProcessTest extends ProcessTestCase {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(ProcessTestBeans.ENGINE_CONFIGURATION)
            .assertClassCoverageAtLeast(0.6)
            .build();

    @Override
    protected ProcessEngine processEngine() {
        return engine.getProcessEngine();
    }

    /** A referral to the agency that it rejected, waiting for the police supervisor's review. */
    private ProcessInstance rejectedBy(Agency agency) {
        Map<String, Object> variables = new HashMap<>();
        PartnerReferralProcess.Variables.AGENCY.putInto(variables, agency);
        RcrpCallProcess.Variables.CATEGORY.putInto(variables, Category.CONCERN_FOR_WELFARE);
        RcrpCallProcess.Variables.CALL_REFERENCE.putInto(variables, "CAD-DISPUTE-1");
        ProcessInstance referral = engine.getProcessEngine().getRuntimeService()
                .startProcessInstanceByKey(PartnerReferralProcess.KEY, UUID.randomUUID().toString(), variables);
        cases.runAsyncJobs(referral);
        cases.complete(referral, new AcceptReferral(ReferralDecision.REJECT, RejectionReason.NOT_OUR_SERVICE, "Not known to us"));
        assertThat(referral).isWaitingAt(PartnerReferralProcess.Elements.USER_SUPERVISOR_REVIEW);
        return referral;
    }

    /** The dispute the case's contested rejection opened (same business key, the case id). */
    private ProcessInstance disputeOf(ProcessInstance referral) {
        return engine.getProcessEngine().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(InteragencyDisputeProcess.KEY).processInstanceBusinessKey(referral.getBusinessKey())
                .singleResult();
    }

    private ProcessInstance contested(Agency agency, SupervisorAction action) {
        ProcessInstance referral = rejectedBy(agency);
        cases.complete(referral, new SupervisorReview(action, null, "Police attend now; we contest the rejection", true));
        ProcessInstance dispute = disputeOf(referral);
        assertThat(dispute).as("a dispute").isNotNull();
        return dispute;
    }

    /** The side's open task, claimed by the user (who completes a task holds it) and completed with the position. */
    private void state(ProcessInstance dispute, String userId, TaskCompletion position) {
        Task task = cases.task(dispute, position.taskKey());
        engine.getProcessEngine().getTaskService().setAssignee(task.getId(), userId);
        cases.complete(task, dispute, position);
    }

    private List<String> groupsOf(ProcessInstance dispute, String taskKey) {
        Task task = cases.task(dispute, taskKey);
        return engine.getProcessEngine().getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).toList();
    }

    @Test
    void aContestedRejectionAsksTheDutyInspectorAndTheAgencysOnCallManagerAtOnceWhilePoliceAttendNow() {
        ProcessInstance referral = rejectedBy(Agency.MENTAL_HEALTH);

        cases.complete(referral, new SupervisorReview(SupervisorAction.POLICE_ATTEND, null, "Police go now; the crisis team should have gone", true));

        // The person's safety never waits for the dispute: the supervisor's action ends the referral as before.
        assertThat(referral).hasPassed(PartnerReferralProcess.Elements.END_POLICE_REQUESTED).isEnded();
        ProcessInstance dispute = disputeOf(referral);
        assertThat(dispute).isNotNull();
        assertThat(dispute).hasPassed(SERVICE_OPEN_DISPUTE).isWaitingAt(USER_DISPUTE_POLICE_POSITION, USER_DISPUTE_PARTNER_POSITION);
        assertThat(groupsOf(dispute, USER_DISPUTE_POLICE_POSITION)).containsExactly("duty-inspectors");
        assertThat(groupsOf(dispute, USER_DISPUTE_PARTNER_POSITION)).containsExactly("mental-health-managers");
        assertThat(cases.task(dispute, USER_DISPUTE_PARTNER_POSITION).getDueDate()).isEqualTo(inFromNow(Duration.ofHours(8)));
        assertThat(cases.timer(dispute, TIMER_DISPUTE_SHIFT_END).getDuedate()).isEqualTo(inFromNow(Duration.ofHours(8)));
        assertThat(beans.disputes).containsExactly("OPENED MENTAL_HEALTH");
        assertThat(beans.decisions).anyMatch(decision -> decision.startsWith("DISPUTE_OPENED"));
    }

    @Test
    void aRejectionTheSupervisorDoesNotContestOpensNoDispute() {
        ProcessInstance referral = rejectedBy(Agency.MENTAL_HEALTH);

        cases.complete(referral, new SupervisorReview(SupervisorAction.REROUTE, Agency.SOCIAL_CARE, "Agree: adult social care"));

        assertThat(referral).hasPassed(PartnerReferralProcess.Elements.END_REROUTED).isEnded();
        assertThat(disputeOf(referral)).isNull();
        assertThat(beans.disputes).isEmpty();
    }

    @Test
    void onlyARejectionCanBeContested() {
        Map<String, Object> variables = new HashMap<>();
        PartnerReferralProcess.Variables.AGENCY.putInto(variables, Agency.MENTAL_HEALTH);
        RcrpCallProcess.Variables.CALL_REFERENCE.putInto(variables, "CAD-DISPUTE-2");
        ProcessInstance referral = engine.getProcessEngine().getRuntimeService()
                .startProcessInstanceByKey(PartnerReferralProcess.KEY, UUID.randomUUID().toString(), variables);
        cases.runAsyncJobs(referral);
        cases.fireTimer(referral, PartnerReferralProcess.Elements.TIMER_PARTNER_SLA);

        assertThat(cases.check(referral, new SupervisorReview(SupervisorAction.CHASE, null, "Rang them", true)))
                .extracting(FieldError::field).containsExactly("contest");
    }

    @Test
    void agreedPositionsSettleTheDisputeWithBothNamesOnTheOutcome() {
        ProcessInstance dispute = contested(Agency.MENTAL_HEALTH, SupervisorAction.POLICE_ATTEND);
        assertThat(cases.check(dispute, new DisputePolicePosition(null, null)))
                .extracting(FieldError::field).containsExactly("position", "note");

        state(dispute, "inspector1", new DisputePolicePosition(DisputePosition.JOINT_RESPONSE, "Both should have gone"));
        assertThat(dispute).isWaitingAt(USER_DISPUTE_PARTNER_POSITION);
        state(dispute, "mhmanager1", new DisputePartnerPosition(DisputePosition.JOINT_RESPONSE, "Agreed: joint visit"));

        assertThat(dispute).hasPassed(SERVICE_SETTLE_DISPUTE, END_DISPUTE_AGREED).isEnded();
        assertThat(beans.disputes).containsExactly("OPENED MENTAL_HEALTH",
                "AGREED Tier[tier=1, policePosition=JOINT_RESPONSE, partnerPosition=JOINT_RESPONSE, policeDecidedBy=inspector1, partnerDecidedBy=mhmanager1]");
        assertThat(beans.decisions).anyMatch(decision -> decision.startsWith("DISPUTE_AGREED") && decision.contains("JOINT_RESPONSE")
                && decision.contains("inspector1") && decision.contains("mhmanager1"));
    }

    @Test
    void differentPositionsTakeTheDisputeATierUpToSeniorManagersOnBothSides() {
        ProcessInstance dispute = contested(Agency.AMBULANCE, SupervisorAction.POLICE_ATTEND);

        state(dispute, "inspector1", new DisputePolicePosition(DisputePosition.PARTNER_SHOULD_ACCEPT, "Medical need"));
        state(dispute, "ambmanager1", new DisputePartnerPosition(DisputePosition.POLICE_SHOULD_ATTEND, "Violence reported"));

        assertThat(dispute).isWaitingAt(USER_DISPUTE_POLICE_POSITION, USER_DISPUTE_PARTNER_POSITION);
        assertThat(cases.caseVariable(dispute, InteragencyDisputeProcess.Variables.TIER)).isEqualTo(2);
        assertThat(groupsOf(dispute, USER_DISPUTE_POLICE_POSITION)).containsExactly("police-senior-managers");
        assertThat(groupsOf(dispute, USER_DISPUTE_PARTNER_POSITION)).containsExactly("ambulance-senior-managers");
        assertThat(cases.caseVariable(dispute, InteragencyDisputeProcess.Variables.POLICE_POSITION)).isNull();
        assertThat(beans.disputes).last().asString().startsWith("ESCALATED Tier[tier=1, policePosition=PARTNER_SHOULD_ACCEPT");
        assertThat(beans.decisions).anyMatch(decision -> decision.startsWith("DISPUTE_ESCALATED"));
    }

    @Test
    void noAnswerByTheShiftsEndTakesTheDisputeATierUp() {
        ProcessInstance dispute = contested(Agency.SOCIAL_CARE, SupervisorAction.CHASE);
        state(dispute, "inspector1", new DisputePolicePosition(DisputePosition.PARTNER_SHOULD_ACCEPT, "Their client"));

        cases.fireTimer(dispute, TIMER_DISPUTE_SHIFT_END);

        assertThat(dispute).hasPassed(TIMER_DISPUTE_SHIFT_END).isWaitingAt(USER_DISPUTE_POLICE_POSITION, USER_DISPUTE_PARTNER_POSITION);
        assertThat(groupsOf(dispute, USER_DISPUTE_PARTNER_POSITION)).containsExactly("social-care-senior-managers");
        assertThat(beans.disputes).last().asString()
                .isEqualTo("ESCALATED Tier[tier=1, policePosition=PARTNER_SHOULD_ACCEPT, partnerPosition=null, policeDecidedBy=inspector1, partnerDecidedBy=null]");
    }

    @Test
    void noAgreementAtTheTopTierEndsTheDisputeUnresolvedForTheJointReview() {
        ProcessInstance dispute = contested(Agency.CHILDRENS_SOCIAL_CARE, SupervisorAction.POLICE_ATTEND);
        cases.fireTimer(dispute, TIMER_DISPUTE_SHIFT_END);
        assertThat(groupsOf(dispute, USER_DISPUTE_PARTNER_POSITION)).containsExactly("childrens-social-care-senior-managers");

        state(dispute, "superintendent1", new DisputePolicePosition(DisputePosition.PARTNER_SHOULD_ACCEPT, "A child: theirs"));
        cases.fireTimer(dispute, TIMER_DISPUTE_SHIFT_END);

        assertThat(dispute).hasPassed(END_DISPUTE_UNRESOLVED).isEnded();
        assertThat(beans.disputes).last().asString().startsWith("UNRESOLVED Tier[tier=2, policePosition=PARTNER_SHOULD_ACCEPT");
        assertThat(beans.decisions).anyMatch(decision -> decision.startsWith("DISPUTE_UNRESOLVED"));
    }
}
