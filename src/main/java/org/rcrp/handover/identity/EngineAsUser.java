package org.rcrp.handover.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Runs engine work for a signed-in user whom our own facade has already allowed it: the engine records who acted
 * (its user operation log, {@code getCurrentAuthentication()} in delegates) but does not check its own grants,
 * which only administrators have ({@link EngineLockdown}). Runs in the caller's transaction.
 */
@Component
public class EngineAsUser {

    private final IdentityService identityService;
    private final ProcessEngineConfigurationImpl configuration;

    public EngineAsUser(ProcessEngine engine) {
        this.identityService = engine.getIdentityService();
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    public void run(Actor actor, Runnable work) {
        identityService.setAuthentication(actor.userId(), EngineGroups.of(actor));
        try {
            configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
                work.run();
                return null;
            }));
        } finally {
            identityService.clearAuthentication();
        }
    }
}
