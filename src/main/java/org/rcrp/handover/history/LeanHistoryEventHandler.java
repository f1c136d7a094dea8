package org.rcrp.handover.history;

import java.util.Set;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * The engine's own history writer, less the variables, the routing and the jobs that never ran: no {@code act_hi_detail}
 * row for any change of a variable or form field, {@code act_hi_varinst} only for the {@link KeptVariables}, no
 * activity instance for a gateway (half a case's activity instances: a choice of path, never a place a case waits nor
 * a thing that happened; the activities on either side of it show the path taken), and in the job log only each run of
 * a job, succeeded or failed, not its creation or deletion (most of a case's clocks are made and cancelled unfired;
 * the activities show which fired). Each variable's and each activity's events are all kept or all dropped, so the
 * engine never updates a row it did not write. Everything else — process instances, every other activity instance,
 * task instances, identity links, decisions with their inputs and outputs, incidents, operation log — is written as
 * under {@code full}.
 */
class LeanHistoryEventHandler extends DbHistoryEventHandler {

    static final Set<String> GATEWAYS = Set.of(ActivityTypes.GATEWAY_EXCLUSIVE, ActivityTypes.GATEWAY_INCLUSIVE,
            ActivityTypes.GATEWAY_PARALLEL, ActivityTypes.GATEWAY_COMPLEX, ActivityTypes.GATEWAY_EVENT_BASED);

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
        if (event instanceof HistoricJobLogEvent job) {
            return job.isSuccessLog() || job.isFailureLog();
        }
        if (event instanceof HistoricActivityInstanceEventEntity activity) {
            return activity.getActivityType() == null || !GATEWAYS.contains(activity.getActivityType());
        }
        return !(event instanceof HistoricFormPropertyEventEntity);
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
        return false;
    }
}
