package org.rcrp.handover.history;

import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * The engine's own history writer, less the variables: no {@code act_hi_detail} row for any change of a variable or
 * form field, and {@code act_hi_varinst} only for the {@link KeptVariables} (each variable's events are all kept or
 * all dropped, so the engine never updates a row it did not write). Everything else — process, activity and task
 * instances, identity links, decisions with their inputs and outputs, incidents, job log, operation log — is written
 * as under {@code full}.
 */
class LeanHistoryEventHandler extends DbHistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
        if (writes(event)) {
            super.handleEvent(event);
        }
    }

    static boolean writes(HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity variable) {
            return KeptVariables.kept(variable.getVariableName());
        }
        return !(event instanceof HistoricFormPropertyEventEntity);
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
        return false;
    }
}
