package org.rcrp.handover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.RESPONSIBLE_AGENCY;
import static org.rcrp.handover.process.S136HandoverProcess.Elements.*;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rcrp.handover.handover.AcceptHandover;
import org.rcrp.handover.notification.Notice;
import org.rcrp.handover.referral.SupervisorReview;

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

    private ProcessInstance arrive() {
        return engine.getProcessEngine().getRuntimeService().startProcessInstanceByKey(S136HandoverProcess.KEY,
                UUID.randomUUID().toString(), Map.of(RcrpCallProcess.Variables.CALL_REFERENCE.name(), "CAD-S136-1"));
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

        assertThat(handover).hasPassed(END_HANDED_OVER).isEnded();
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

        assertThat(handover).hasPassed(END_REVIEW_DONE, END_HANDED_OVER).isEnded();
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
}
