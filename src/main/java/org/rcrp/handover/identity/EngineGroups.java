package org.rcrp.handover.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * The groups a signed-in user has in the Camunda engine: their own groups, and for members of {@code admins}
 * also the engine's administrator group {@code camunda-admin}. Nobody else is an engine administrator, and no
 * other group holds any grant in the engine ({@link EngineLockdown}).
 */
public final class EngineGroups {

    public static final String ADMINS = org.rcrp.handover.process.Groups.ADMINS;
    public static final String CAMUNDA_ADMIN = Groups.CAMUNDA_ADMIN;

    private EngineGroups() {
    }

    public static List<String> of(Actor actor) {
        List<String> groups = new ArrayList<>(actor.groups().stream().sorted().toList());
        if (actor.isIn(ADMINS)) {
            groups.add(CAMUNDA_ADMIN);
        }
        return groups;
    }
}
