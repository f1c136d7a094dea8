package org.rcrp.handover.intake;

import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.rcrp.handover.assurance.QualityReviewPolicy;
import org.rcrp.handover.assurance.QualityReviewRecords;
import org.rcrp.handover.journal.CaseJournal;
import org.rcrp.handover.process.QualityReviewProcess;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.RcrpCallProcess.Variables;
import org.rcrp.handover.process.SampleReason;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * When a case closes, asks {@link QualityReviewPolicy} whether a second person reviews its decision and, if so, starts
 * quality-review (business key: the case id) in the same transaction, with why it was sampled and who decided. Hooked in
 * as a built-in end listener of rcrp-call (like metrics/FiguresListeners), so the case model does not change. On the
 * zero-setup H2 run it works the same: a sampled case's review waits in the supervisors' and managers' queues.
 */
@Component
public class QualityReviewOnClose extends AbstractProcessEnginePlugin {

    /** The tasks whose completion is a decision about the case (journal task keys). */
    private static final java.util.Set<String> DECISIONS = java.util.Set.of(RcrpCallProcess.Elements.USER_ASSESS_THRESHOLD,
            RcrpCallProcess.Elements.USER_SUPERVISOR_REVIEW);

    // Lazily: the engine is built before the beans these need may be, and they need nothing of the engine.
    private final ObjectProvider<QualityReviewPolicy> policy;
    private final ObjectProvider<QualityReviewRecords> records;
    private final ObjectProvider<CaseJournal> journal;

    public QualityReviewOnClose(ObjectProvider<QualityReviewPolicy> policy, ObjectProvider<QualityReviewRecords> records,
                                ObjectProvider<CaseJournal> journal) {
        this.policy = policy;
        this.records = records;
        this.journal = journal;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element element, ProcessDefinitionEntity process) {
                if (RcrpCallProcess.KEY.equals(process.getKey())) {
                    process.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) QualityReviewOnClose.this::closed);
                }
            }
        });
    }

    void closed(DelegateExecution execution) {
        String caseId = execution.getProcessBusinessKey();
        if (caseId == null || execution.isCanceled()) {
            return; // deleted by an administrator, not closed: nothing was decided to review
        }
        QualityReviewPolicy.Closure closure = new QualityReviewPolicy.Closure(Variables.ROUTE.get(execution),
                Variables.OVERRIDDEN.isTrue(execution), QualityReviewProcess.Variables.CLOSED_NOT_LOCATED.isTrue(execution),
                Variables.SUBJECT_AGE.get(execution), Optional.ofNullable(Variables.ESCALATION_COUNT.get(execution)).orElse(0));
        Optional<SampleReason> reason = policy.getObject().sample(closure);
        if (reason.isEmpty()) {
            return;
        }
        String decidedBy = String.join(",", decidedBy(execution, caseId));
        records.getObject().sampled(caseId, reason.get(), closure.route(), decidedBy, ClockUtil.getCurrentTime().toInstant());
        Map<String, Object> variables = new java.util.HashMap<>();
        QualityReviewProcess.Variables.SAMPLE_REASON.putInto(variables, reason.get());
        QualityReviewProcess.Variables.DECIDED_BY.putInto(variables, decidedBy);
        execution.getProcessEngineServices().getRuntimeService()
                .startProcessInstanceByKey(QualityReviewProcess.KEY, caseId, variables);
    }

    /** Whoever triaged the case or took a supervisor's decision on it, and whoever's action closed it. */
    private TreeSet<String> decidedBy(DelegateExecution execution, String caseId) {
        TreeSet<String> people = new TreeSet<>();
        journal.getObject().entries(caseId).stream()
                .filter(entry -> "TASK_COMPLETED".equals(entry.type()) && DECISIONS.contains(entry.taskKey()))
                .map(CaseJournal.Entry::actor).forEach(people::add);
        Authentication closer = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (closer != null && closer.getUserId() != null) {
            people.add(closer.getUserId());
        }
        return people;
    }
}
