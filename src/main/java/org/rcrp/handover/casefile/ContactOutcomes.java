package org.rcrp.handover.casefile;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.rcrp.handover.intake.CallRecord;
import org.rcrp.handover.intake.PreviousContacts;
import org.rcrp.handover.process.CaseState;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.RcrpCallProcess.Elements;
import org.rcrp.handover.process.RcrpCallProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * The previous contacts of a case as police see them ({@link PreviousContacts} finds them): each with its route and how
 * it ended or where it stands, read from the engine's history in a fixed number of queries for all of them (the case
 * processes by business key; their state and route) and one more per closed contact (the end it reached), so a case
 * page costs the same however many cases there are.
 */
@Component
class ContactOutcomes {

    /** The ends of the case process that say how a case ended (the others end a branch: a note, a review, new information). */
    private static final Map<String, ContactOutcome> ENDS = Map.of(
            Elements.END_RESOLVED, ContactOutcome.RESOLVED,
            // Cases closed on a no trace before it returned them to police for a NOT_LOCATED review
            "end_no_trace", ContactOutcome.NO_TRACE,
            Elements.END_CLOSED_NOT_LOCATED, ContactOutcome.CLOSED_NOT_LOCATED,
            Elements.END_LOCATED, ContactOutcome.LOCATED,
            Elements.END_REFERRED, ContactOutcome.PARTNER_COMPLETED,
            Elements.END_CLOSED_BY_SUPERVISOR, ContactOutcome.CLOSED_BY_SUPERVISOR,
            Elements.END_ADVICE_GIVEN, ContactOutcome.ADVICE_GIVEN,
            Elements.END_HANDED_OVER, ContactOutcome.HANDED_OVER);
    private static final String END_EVENT = "noneEndEvent";

    private final PreviousContacts contacts;
    private final HistoryService historyService;

    ContactOutcomes(PreviousContacts contacts, HistoryService historyService) {
        this.contacts = contacts;
        this.historyService = historyService;
    }

    List<CaseView.PreviousContact> of(CallRecord call) {
        List<PreviousContacts.Contact> found = contacts.of(call);
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, HistoricProcessInstance> processes = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(RcrpCallProcess.KEY)
                .processInstanceBusinessKeyIn(found.stream().map(PreviousContacts.Contact::caseId).toArray(String[]::new)).list()
                .stream().collect(Collectors.toMap(HistoricProcessInstance::getBusinessKey, Function.identity(), (one, other) -> one));
        Map<String, Map<String, Object>> variables = new HashMap<>();
        if (!processes.isEmpty()) {
            for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
                    .processInstanceIdIn(processes.values().stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
                    .variableNameIn(Variables.STATE.name(), Variables.ROUTE.name()).list()) {
                // The case's own variables, not a sub-process's of the same name.
                if (variable.getProcessInstanceId().equals(variable.getActivityInstanceId()) && variable.getValue() != null) {
                    variables.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>()).put(variable.getName(), variable.getValue());
                }
            }
        }
        return found.stream().map(contact -> {
            HistoricProcessInstance process = processes.get(contact.caseId());
            Map<String, Object> values = process == null ? Map.of() : variables.getOrDefault(process.getId(), Map.of());
            return new CaseView.PreviousContact(contact.caseId(), contact.reference(), contact.loggedAt(), contact.category(),
                    Variables.ROUTE.from(values), outcome(process, Variables.STATE.from(values)), contact.matchedBy(),
                    contact.subjectName(), contact.subjectAge());
        }).toList();
    }

    private ContactOutcome outcome(HistoricProcessInstance process, CaseState state) {
        if (process == null) {
            return ContactOutcome.CLOSED;
        }
        if (process.getEndTime() == null) {
            return state == null || state == CaseState.CLOSED ? ContactOutcome.OPEN : ContactOutcome.valueOf(state.name());
        }
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(process.getId()).activityType(END_EVENT)
                .finished().list().stream()
                .filter(end -> ENDS.containsKey(end.getActivityId()))
                .max(Comparator.comparing(HistoricActivityInstance::getEndTime))
                .map(end -> ENDS.get(end.getActivityId()))
                .orElse(ContactOutcome.CLOSED);
    }
}
