package org.rcrp.handover.inbox;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link WorkItemRows} in step with every user task of the three processes: built-in task listeners, so they run
 * in the engine's transaction whoever changes the task (our API, {@code /engine-rest}, Tasklist, Cockpit) and even
 * when an administrator skips custom listeners. The engine fires {@code update} for a claim, an unclaim, a new due
 * date or name, and a candidate group added or removed. A task made by someone's completing another is offered to them
 * first ({@link FollowOnTasks}).
 */
@Component
class WorkItemListeners extends AbstractProcessEnginePlugin {

    private final WorkItemRows rows;
    private final FollowOnTasks followOn;

    WorkItemListeners(WorkItemRows rows, FollowOnTasks followOn) {
        this.rows = rows;
        this.followOn = followOn;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new Parse());
    }

    private void created(DelegateTask task) {
        followOn.created(task, WorkItemRows.candidateGroups((TaskEntity) task));
        rows.created((TaskEntity) task, task.getExecution().getProcessBusinessKey());
    }

    private void changed(DelegateTask task) {
        rows.changed((TaskEntity) task, task.getExecution().getProcessBusinessKey());
    }

    private final class Parse extends AbstractBpmnParseListener {

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (!(activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition)
                    || !WorkItemRows.PROCESSES.contains(definition.getKey())) {
                return;
            }
            TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, WorkItemListeners.this::created);
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, WorkItemListeners.this::changed);
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, completed -> {
                followOn.completed(completed);
                rows.withdrawn(completed.getId());
            });
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, deleted -> rows.withdrawn(deleted.getId()));
        }
    }
}
