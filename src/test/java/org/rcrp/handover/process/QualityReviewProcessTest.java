package org.rcrp.handover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.rcrp.handover.process.QualityReviewProcess.Elements.END_REVIEWED;
import static org.rcrp.handover.process.QualityReviewProcess.Elements.SERVICE_RECORD_VERDICT;
import static org.rcrp.handover.process.QualityReviewProcess.Elements.USER_QUALITY_REVIEW;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rcrp.handover.assurance.QualityReview;

/** quality-review on its own: the second person's task, its due date, the verdict recorded. */
@Deployment(resources = QualityReviewProcess.RESOURCE)
class QualityReviewProcessTest extends ProcessTestCase {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(ProcessTestBeans.ENGINE_CONFIGURATION)
            .assertClassCoverageAtLeast(0.95)
            .build();

    @Override
    protected ProcessEngine processEngine() {
        return engine.getProcessEngine();
    }

    private final String caseId = UUID.randomUUID().toString();

    private ProcessInstance sampled(SampleReason reason, String decidedBy) {
        Map<String, Object> variables = new HashMap<>();
        QualityReviewProcess.Variables.SAMPLE_REASON.putInto(variables, reason);
        QualityReviewProcess.Variables.DECIDED_BY.putInto(variables, decidedBy);
        return engine.getProcessEngine().getRuntimeService().startProcessInstanceByKey(QualityReviewProcess.KEY, caseId, variables);
    }

    @Test
    void aSampledCaseWaitsForPoliceSupervisorsOrManagersWithinItsOwnDueDate() {
        ProcessInstance review = sampled(SampleReason.OVERRIDE, "handler1");

        assertThat(review).isWaitingAt(USER_QUALITY_REVIEW);
        assertThat(review).task().hasCandidateGroup("police-supervisors").hasCandidateGroup("managers")
                .hasDueDate(inFromNow(Duration.ofDays(7)));
        assertThat(review.getBusinessKey()).isEqualTo(caseId);
        assertThat(cases.caseVariable(review, QualityReviewProcess.Variables.SAMPLE_REASON)).isEqualTo(SampleReason.OVERRIDE);
    }

    @Test
    void theVerdictIsRecordedAndTheReviewEnds() {
        ProcessInstance review = sampled(SampleReason.NOT_LOCATED, "supervisor1");

        cases.complete(review, new QualityReview(QualityVerdict.DISAGREE, "Closed without a missing-person risk assessment"));

        assertThat(review).hasPassedInOrder(USER_QUALITY_REVIEW, SERVICE_RECORD_VERDICT, END_REVIEWED).isEnded();
        assertThat(beans.verdicts).containsExactly(caseId + " DISAGREE null");
    }

    @Test
    void aDisagreementWithoutALearningNoteIsRefusedAndTheTaskStays() {
        ProcessInstance review = sampled(SampleReason.RANDOM, "handler1");

        assertThat(cases.check(review, new QualityReview(QualityVerdict.DISAGREE, " ")))
                .extracting(FieldError::field).containsExactly("learningNote");
        assertThat(cases.check(review, new QualityReview(null, null))).extracting(FieldError::field).containsExactly("verdict");
        assertThat(review).isWaitingAt(USER_QUALITY_REVIEW);
    }

    @Test
    void whoeverMadeTheDecisionMayNotReviewIt() {
        ProcessInstance review = sampled(SampleReason.NOT_LOCATED, "handler1,supervisor1");
        Map<String, Object> taskVariables = engine.getProcessEngine().getTaskService()
                .getVariables(cases.task(review, USER_QUALITY_REVIEW).getId());

        QualityReview agree = new QualityReview(QualityVerdict.AGREE, null);

        assertThat(agree.refusalFor("supervisor1", taskVariables)).hasValueSatisfying(refusal ->
                assertThat(refusal).contains("second person").contains("supervisor1"));
        assertThat(agree.refusalFor("supervisor", taskVariables)).isEmpty();
        assertThat(agree.refusalFor("manager1", taskVariables)).isEmpty();
    }
}
