package org.rcrp.handover.operations;

import java.util.UUID;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Names this node in the jobs it locks ({@code ACT_RU_JOB.LOCK_OWNER_}: {@code node-a/3f2c…}), so an
 * operator — or the reliability test — can see which node of the cluster holds a job, and which jobs a
 * dead node left locked until their lock expires. The random part keeps two nodes given the same name apart.
 */
@Component
class NodeIdentity extends AbstractProcessEnginePlugin {

    private final String lockOwner;

    NodeIdentity(@Value("${rcrp.node-name:${HOSTNAME:node}}") String nodeName) {
        this.lockOwner = nodeName + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getJobExecutor() != null) {
            configuration.getJobExecutor().setLockOwner(lockOwner);
        }
    }

    String lockOwner() {
        return lockOwner;
    }
}
