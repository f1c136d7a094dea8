package org.rcrp.handover.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's own security, whatever the profile: authorization is always on; members of {@code admins} (as
 * {@code camunda-admin}, see {@link EngineGroups}) are the only ones with any grant, so the engine API, Cockpit,
 * Tasklist and Admin are theirs alone (our own UI and API are everybody else's worklist, with their own checks);
 * stored and ad-hoc queries never evaluate expressions; and process and decision models are deployed only from
 * {@code bpmn/} while the application starts — afterwards the engine refuses to deploy or delete a deployment,
 * through any API, unless {@code rcrp.engine.runtime-deployments} is on. A model deployed at run time can run any
 * expression with the application's rights; a changed threshold table would route every future call.
 */
@Component
class EngineLockdown extends AbstractProcessEnginePlugin implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(EngineLockdown.class);

    /** The shared filter Camunda's starter used to make; it offered every task to everyone who saw Tasklist. */
    static final String STARTER_FILTER = "All tasks";

    private final boolean runtimeDeployments;
    private volatile boolean started;

    EngineLockdown(@Value("${rcrp.engine.runtime-deployments:false}") boolean runtimeDeployments) {
        this.runtimeDeployments = runtimeDeployments;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new NoDefaultGrants());
        configuration.setEnableExpressionsInStoredQueries(false);
        configuration.setEnableExpressionsInAdhocQueries(false);
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new DeploymentsAtStartOnly());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    /** After every other plugin's and the starter's own configuration: no property can turn authorization off. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setAuthorizationEnabled(true);
        configuration.setAuthorizationEnabledForCustomCode(false);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        try {
            grantAdministratorsEverything(engine.getIdentityService(), engine.getAuthorizationService());
            revokeEveryOtherGrant(engine.getAuthorizationService());
            deleteStarterFilter(engine.getFilterService());
        } catch (RuntimeException raced) {
            // Two nodes starting together: the other one is putting the same grants in place.
            LOG.warn("Engine authorizations not reconciled by this node (another node may be doing it): {}", raced.getMessage());
        }
    }

    /** Every singleton, the engine and its deployment of bpmn/ included, is made: deployments close. */
    @Override
    public void afterSingletonsInstantiated() {
        started = true;
        if (runtimeDeployments) {
            LOG.warn("rcrp.engine.runtime-deployments is on: anyone with engine administrator rights can deploy models "
                    + "that run code in this application. Turn it off in production.");
        }
    }

    private static void grantAdministratorsEverything(IdentityService identity, AuthorizationService authorizations) {
        if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
            Group group = identity.newGroup(Groups.CAMUNDA_ADMIN);
            group.setName("Camunda administrators (members of admins)");
            group.setType(Groups.GROUP_TYPE_SYSTEM);
            identity.saveGroup(group);
        }
        for (Resources resource : Resources.values()) {
            if (authorizations.createAuthorizationQuery().groupIdIn(Groups.CAMUNDA_ADMIN).resourceType(resource)
                    .resourceId(Authorization.ANY).count() == 0) {
                Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                grant.setGroupId(Groups.CAMUNDA_ADMIN);
                grant.setResource(resource);
                grant.setResourceId(Authorization.ANY);
                grant.addPermission(Permissions.ALL);
                authorizations.saveAuthorization(grant);
            }
        }
    }

    private static void revokeEveryOtherGrant(AuthorizationService authorizations) {
        List<Authorization> others = authorizations.createAuthorizationQuery().list().stream()
                .filter(authorization -> !Groups.CAMUNDA_ADMIN.equals(authorization.getGroupId())).toList();
        others.forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
        if (!others.isEmpty()) {
            LOG.warn("Removed {} engine authorizations of users or groups other than {}: only administrators use the engine's "
                    + "own API and webapps", others.size(), Groups.CAMUNDA_ADMIN);
        }
    }

    private static void deleteStarterFilter(FilterService filters) {
        for (Filter filter : filters.createFilterQuery().filterName(STARTER_FILTER).list()) {
            if (filter.getOwner() == null) {
                filters.deleteFilter(filter.getId());
                LOG.warn("Removed the shared Tasklist filter '{}'", STARTER_FILTER);
            }
        }
    }

    /** Refuses deployments, and deleting them, once the application has started (403 through the engine's REST API). */
    private final class DeploymentsAtStartOnly extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (started && !runtimeDeployments && (command instanceof DeployCmd || command instanceof DeleteDeploymentCmd)) {
                throw new AuthorizationException("Process and decision models are deployed only from bpmn/ when the application "
                        + "starts; deploying or deleting them at run time is switched off (rcrp.engine.runtime-deployments)");
            }
            return next.execute(command);
        }
    }
}
