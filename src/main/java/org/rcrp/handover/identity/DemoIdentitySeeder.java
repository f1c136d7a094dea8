package org.rcrp.handover.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts the demo users and groups into the engine's own identity store, so Cockpit, Tasklist and Admin
 * know the same people as the API in the zero-setup run. Idempotent: existing users are left alone.
 */
@Component
@ConditionalOnProperty(name = "rcrp.identity.mode", havingValue = "demo", matchIfMissing = true)
public class DemoIdentitySeeder {

    private static final Logger LOG = LoggerFactory.getLogger(DemoIdentitySeeder.class);

    private static final String CAMUNDA_ADMIN = "camunda-admin";

    private final IdentityService identityService;

    public DemoIdentitySeeder(IdentityService identityService) {
        this.identityService = identityService;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seedOnStartup() {
        try {
            seed();
        } catch (RuntimeException raced) {
            // Two nodes starting together may both try; the other one's users serve just as well.
            LOG.warn("Demo identity not seeded by this node: {}", raced.getMessage());
        }
    }

    void seed() {
        for (var group : DemoUsers.GROUPS) {
            if (identityService.createGroupQuery().groupId(group.get(0)).count() == 0) {
                Group created = identityService.newGroup(group.get(0));
                created.setName(group.get(1));
                created.setType("WORKFLOW");
                identityService.saveGroup(created);
            }
        }
        for (DemoUsers.DemoUser demo : DemoUsers.ALL) {
            if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identityService.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setEmail(demo.id() + "@rcrp.example");
                user.setPassword(demo.id());
                identityService.saveUser(user);
            }
            demo.groups().forEach(group -> ensureMember(demo.id(), group));
            if (demo.groups().contains("admins") && identityService.createGroupQuery().groupId(CAMUNDA_ADMIN).count() > 0) {
                ensureMember(demo.id(), CAMUNDA_ADMIN);
            }
        }
        LOG.info("Demo identity: {} users and {} groups available (password = user name). Demo only.",
                DemoUsers.ALL.size(), DemoUsers.GROUPS.size());
    }

    private void ensureMember(String userId, String groupId) {
        if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identityService.createMembership(userId, groupId);
        }
    }
}
