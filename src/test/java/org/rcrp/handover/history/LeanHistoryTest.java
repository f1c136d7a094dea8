package org.rcrp.handover.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.RcrpCallProcess;

class LeanHistoryTest {

    @Test
    void writesWhereACaseHasBeenWhoDidWhatDecisionsAndIncidents() {
        assertThat(List.<HistoryEvent>of(new HistoricProcessInstanceEventEntity(), new HistoricActivityInstanceEventEntity(),
                new HistoricTaskInstanceEventEntity(), new HistoricIdentityLinkLogEventEntity(), new HistoricDecisionEvaluationEvent(),
                new HistoricIncidentEventEntity())).allMatch(LeanHistoryEventHandler::writes);
    }

    @Test
    void writesEachRunOfAJobNotItsCreationOrDeletion() {
        assertThat(LeanHistoryEventHandler.writes(job(JobState.SUCCESSFUL))).isTrue();
        assertThat(LeanHistoryEventHandler.writes(job(JobState.FAILED))).isTrue();
        assertThat(LeanHistoryEventHandler.writes(job(JobState.CREATED))).isFalse();
        assertThat(LeanHistoryEventHandler.writes(job(JobState.DELETED))).isFalse();
    }

    @Test
    void writesEveryActivityButTheGateways() {
        assertThat(List.of("userTask", "serviceTask", "businessRuleTask", "callActivity", "subProcess", "startEvent",
                "noneEndEvent", "terminateEndEvent", "boundaryTimer", "boundaryConditional", "boundaryMessage", "boundaryError"))
                .allMatch(type -> LeanHistoryEventHandler.writes(activity(type)));
        assertThat(List.of("exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway"))
                .noneMatch(type -> LeanHistoryEventHandler.writes(activity(type)));
    }

    @Test
    void writesOnlyTheVariablesTheApplicationReadsBackAndNoFormFields() {
        assertThat(LeanHistoryEventHandler.writes(variable(RcrpCallProcess.Variables.STATE.name()))).isTrue();
        assertThat(LeanHistoryEventHandler.writes(variable(PartnerReferralProcess.Variables.DECISION.name()))).isTrue();
        assertThat(LeanHistoryEventHandler.writes(variable(RcrpCallProcess.Variables.CRIME.name()))).isFalse();
        assertThat(LeanHistoryEventHandler.writes(variable(PartnerReferralProcess.Variables.NOTIFICATION_ATTEMPT.name()))).isFalse();
        assertThat(LeanHistoryEventHandler.writes(new HistoricFormPropertyEventEntity())).isFalse();
        assertThat(new LeanHistoryEventHandler().shouldWriteHistoricDetail(variable(RcrpCallProcess.Variables.STATE.name())))
                .as("no act_hi_detail row even for a kept variable").isFalse();
    }

    @Test
    void leanReplacesTheEnginesHistoryWriterAndKeepsOtherHandlers() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        HistoryEventHandler other = mock(HistoryEventHandler.class);
        configuration.setCustomHistoryEventHandlers(new ArrayList<>(List.of(other)));

        new LeanHistory("lean").preInit(configuration);

        assertThat(configuration.isEnableDefaultDbHistoryEventHandler()).isFalse();
        assertThat(configuration.getCustomHistoryEventHandlers()).hasSize(2).contains(other)
                .hasAtLeastOneElementOfType(LeanHistoryEventHandler.class);
    }

    @Test
    void fullLeavesTheEnginesHistoryAsItIs() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();

        new LeanHistory(" FULL ").preInit(configuration);

        assertThat(configuration.isEnableDefaultDbHistoryEventHandler()).isTrue();
        assertThat(configuration.getCustomHistoryEventHandlers()).noneMatch(LeanHistoryEventHandler.class::isInstance);
        assertThatThrownBy(() -> new LeanHistory("audit")).isInstanceOf(IllegalArgumentException.class);
    }

    private static HistoricJobLogEvent job(JobState state) {
        HistoricJobLogEvent event = new HistoricJobLogEvent();
        event.setState(state.getStateCode());
        return event;
    }

    private static HistoricActivityInstanceEventEntity activity(String type) {
        HistoricActivityInstanceEventEntity event = new HistoricActivityInstanceEventEntity();
        event.setActivityType(type);
        return event;
    }

    private static HistoricVariableUpdateEventEntity variable(String name) {
        HistoricVariableUpdateEventEntity event = new HistoricVariableUpdateEventEntity();
        event.setVariableName(name);
        return event;
    }
}
