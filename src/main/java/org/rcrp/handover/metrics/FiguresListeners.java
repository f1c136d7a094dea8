package org.rcrp.handover.metrics;

import java.time.Instant;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.rcrp.handover.metrics.FiguresRecorder.Clock;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.HandoverDecision;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.RcrpCallProcess.Variables;
import org.rcrp.handover.process.S136HandoverProcess;
import org.rcrp.handover.tasks.TaskCatalogue;
import org.springframework.stereotype.Component;

/**
 * Hooks the figures into the three processes without touching the models: an engine plugin whose parse
 * listener adds built-in listeners to the elements (by their API ids) whose passing changes a figure,
 * and hands plain values to {@link FiguresRecorder}; a user task's figures are the ones its entry in the task
 * catalogue names. Built-in listeners run in the step's transaction and
 * even when an administrator skips custom listeners. Plain engines (the process tests) run without it.
 */
@Component
public class FiguresListeners extends AbstractProcessEnginePlugin {

    private final FiguresRecorder figures;

    public FiguresListeners(FiguresRecorder figures) {
        this.figures = figures;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new Parse());
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    private static String caseOf(DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private final class Parse extends AbstractBpmnParseListener {

        @Override
        public void parseProcess(Element element, ProcessDefinitionEntity process) {
            switch (process.getKey()) {
                case RcrpCallProcess.KEY -> {
                    process.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution ->
                            figures.caseOpened(caseOf(execution)));
                    process.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution ->
                            figures.caseClosed(caseOf(execution), now()));
                }
                case PartnerReferralProcess.KEY -> {
                    process.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution ->
                            figures.referralSent(execution.getProcessInstanceId(), caseOf(execution),
                                    name(PartnerReferralProcess.Variables.AGENCY.get(execution)), now()));
                    process.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution ->
                            figures.referralEnded(execution.getProcessInstanceId(),
                                    name(PartnerReferralProcess.Variables.REFERRAL_RESULT.get(execution)), now()));
                }
                case S136HandoverProcess.KEY -> {
                    process.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution ->
                            figures.handoverEnded(execution.getProcessInstanceId(), now()));
                }
                default -> {
                }
            }
        }

        @Override
        public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (is(activity, RcrpCallProcess.KEY, RcrpCallProcess.Elements.SERVICE_APPLY_TRIAGE)) {
                activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution ->
                        figures.triaged(caseOf(execution), name(Variables.ROUTE.get(execution)), name(Variables.GRADE.get(execution)),
                                name(Variables.AGENCY.get(execution)), Variables.OVERRIDDEN.isTrue(execution)));
            }
        }

        /** s136: the handover's row starts at the arrival (a person who has not arrived cannot breach the hour). */
        @Override
        public void parseExclusiveGateway(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (is(activity, S136HandoverProcess.KEY, S136HandoverProcess.Elements.MERGE_ARRIVED)) {
                onStart(activity, execution -> figures.arrivedAtPlaceOfSafety(execution.getProcessInstanceId(), caseOf(execution),
                        S136HandoverProcess.Variables.ARRIVED_AT.require(execution).toInstant(),
                        name(S136HandoverProcess.Variables.CONVEYANCE.get(execution)),
                        name(S136HandoverProcess.Variables.PLACE_OF_SAFETY.get(execution))));
            }
        }

        @Override
        public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (is(activity, S136HandoverProcess.KEY, S136HandoverProcess.Elements.END_POLICE_WITHDREW)) {
                onStart(activity, execution -> figures.policeWithdrew(execution.getProcessInstanceId()));
            } else if (is(activity, S136HandoverProcess.KEY, S136HandoverProcess.Elements.END_DETENTION_EXTENDED)) {
                onStart(activity, execution -> figures.detentionExtended(execution.getProcessInstanceId()));
            }
        }

        @Override
        public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (is(activity, RcrpCallProcess.KEY, RcrpCallProcess.Elements.CALL_S136_HANDOVER)) {
                activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution ->
                        figures.policeDeployed(caseOf(execution)));
            }
        }

        /** A user task's figures, as the task catalogue names them (tasks/TaskCatalogue). */
        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            String key = keyOf(activity);
            if (key == null) {
                return;
            }
            switch (TaskCatalogue.figuresOf(activity.getId())) {
                case POLICE_DEPLOYED -> activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution ->
                        figures.policeDeployed(caseOf(execution)));
                case CALLER_INFORMED -> {
                    activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution ->
                            figures.callerToBeInformed(caseOf(execution)));
                    activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution ->
                            figures.callerInformTaskEnded(caseOf(execution), Variables.CALLER_INFORMED.isTrue(execution)));
                }
                case REFERRAL_ANSWERED -> onTask(activity, TaskListener.EVENTNAME_COMPLETE, task -> figures.referralAnswered(
                        task.getProcessInstanceId(), "ACCEPT".equals(name(PartnerReferralProcess.Variables.DECISION.get(task))),
                        name(PartnerReferralProcess.Variables.REASON_CODE.get(task)), now()));
                case PARTNER_OUTCOME -> onTask(activity, TaskListener.EVENTNAME_COMPLETE, task -> figures.outcomeRecorded(
                        task.getProcessInstanceId(), name(PartnerReferralProcess.Variables.PARTNER_OUTCOME.get(task)), now()));
                case HANDOVER_ANSWERED -> onTask(activity, TaskListener.EVENTNAME_COMPLETE, task -> {
                    if (S136HandoverProcess.Variables.HANDOVER_DECISION.get(task) == HandoverDecision.AGREE_DELAY) {
                        figures.handoverDelayAgreed(task.getProcessInstanceId());
                    } else {
                        figures.handedOver(task.getProcessInstanceId(), now());
                    }
                });
                case ASSESSMENT_ENDED -> onTask(activity, TaskListener.EVENTNAME_COMPLETE, task -> figures.assessmentEnded(
                        task.getProcessInstanceId(), S136HandoverProcess.Variables.ASSESSMENT_ENDED_AT.get(task).toInstant()));
                case ESCALATION -> {
                    onTask(activity, TaskListener.EVENTNAME_CREATE, task -> escalationRaised(key, task));
                    onTask(activity, TaskListener.EVENTNAME_COMPLETE, task -> figures.escalationResolved(task.getId(),
                            name(Variables.SUPERVISOR_ACTION.get(task)), now()));
                    onTask(activity, TaskListener.EVENTNAME_DELETE, task -> figures.escalationCancelled(task.getId(), now()));
                }
                case NONE -> {
                }
            }
        }

        private void escalationRaised(String processKey, DelegateTask task) {
            String caseId = caseOf(task.getExecution());
            String reason = name(Variables.REVIEW_REASON.get(task));
            switch (processKey) {
                case PartnerReferralProcess.KEY -> figures.escalationRaised(task.getId(), caseId, task.getProcessInstanceId(),
                        name(PartnerReferralProcess.Variables.AGENCY.get(task)), reason, now());
                case S136HandoverProcess.KEY -> figures.escalationRaised(task.getId(), caseId, null, Agency.HOSPITAL.name(), reason, now());
                default -> figures.escalationRaised(task.getId(), caseId, null, Agency.POLICE.name(), reason, now());
            }
        }

        @Override
        public void parseBoundaryTimerEventDefinition(Element timerEventDefinition, boolean interrupting, ActivityImpl timer) {
            String key = keyOf(timer);
            if (key == null) {
                return;
            }
            switch (key + "/" + timer.getId()) {
                case RcrpCallProcess.KEY + "/" + RcrpCallProcess.Elements.TIMER_TRIAGE_OVERDUE ->
                        onStart(timer, execution -> figures.clockBreached(Clock.TRIAGE, Agency.POLICE.name()));
                case RcrpCallProcess.KEY + "/" + RcrpCallProcess.Elements.TIMER_ATTENDANCE_SLA ->
                        onStart(timer, execution -> figures.clockBreached(Clock.ATTENDANCE, Agency.POLICE.name()));
                case PartnerReferralProcess.KEY + "/" + PartnerReferralProcess.Elements.TIMER_PARTNER_SLA ->
                        onStart(timer, execution -> figures.acknowledgementBreached(execution.getProcessInstanceId(),
                                name(PartnerReferralProcess.Variables.AGENCY.get(execution))));
                case PartnerReferralProcess.KEY + "/" + PartnerReferralProcess.Elements.TIMER_PARTNER_OUTCOME_SLA ->
                        onStart(timer, execution -> figures.outcomeBreached(execution.getProcessInstanceId(),
                                name(PartnerReferralProcess.Variables.AGENCY.get(execution))));
                case S136HandoverProcess.KEY + "/" + S136HandoverProcess.Elements.TIMER_HANDOVER_OVERDUE ->
                        onStart(timer, execution -> figures.handoverOverTheHour(execution.getProcessInstanceId()));
                case S136HandoverProcess.KEY + "/" + S136HandoverProcess.Elements.TIMER_DETENTION_LIMIT,
                     S136HandoverProcess.KEY + "/" + S136HandoverProcess.Elements.TIMER_DETENTION_LIMIT_ASSESSMENT ->
                        onStart(timer, execution -> figures.detentionLimitReached(execution.getProcessInstanceId()));
                default -> {
                }
            }
        }

        private static void onStart(ActivityImpl activity, ExecutionListener listener) {
            activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, listener);
        }

        private static void onTask(ActivityImpl activity, String event, TaskListener listener) {
            ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition().addBuiltInTaskListener(event, listener);
        }

        private static boolean is(ActivityImpl activity, String processKey, String elementId) {
            return elementId.equals(activity.getId()) && processKey.equals(keyOf(activity));
        }

        private static String keyOf(ActivityImpl activity) {
            return activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition ? definition.getKey() : null;
        }
    }
}
