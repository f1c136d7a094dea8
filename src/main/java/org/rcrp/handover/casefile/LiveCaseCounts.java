package org.rcrp.handover.casefile;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.rcrp.handover.process.CaseState;
import org.rcrp.handover.process.RcrpCallProcess;
import org.springframework.stereotype.Component;

/** Live counts from the engine for the operations meters: open cases by state, open tasks by group. */
@Component
public class LiveCaseCounts {

    /** Open tasks of one candidate group: waiting for someone to claim them, and held by someone. */
    public record GroupTasks(long waiting, long held) {
    }

    private final RuntimeService runtime;
    private final TaskService tasks;

    public LiveCaseCounts(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    public Map<CaseState, Long> openCasesByState() {
        Map<CaseState, Long> counts = new EnumMap<>(CaseState.class);
        for (CaseState state : CaseState.values()) {
            if (state != CaseState.CLOSED) {
                counts.put(state, runtime.createProcessInstanceQuery().processDefinitionKey(RcrpCallProcess.KEY)
                        .variableValueEquals(RcrpCallProcess.Variables.STATE.name(), state.name()).count());
            }
        }
        return counts;
    }

    public Map<String, GroupTasks> openTasksByGroup(Collection<String> groups) {
        Map<String, GroupTasks> counts = new LinkedHashMap<>();
        for (String group : groups) {
            long waiting = tasks.createTaskQuery().taskCandidateGroup(group).count();
            long all = tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().count();
            counts.put(group, new GroupTasks(waiting, all - waiting));
        }
        return counts;
    }
}
