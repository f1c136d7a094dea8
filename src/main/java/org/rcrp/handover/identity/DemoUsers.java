package org.rcrp.handover.identity;

import java.util.List;
import java.util.Set;
import org.rcrp.handover.process.Groups;

/**
 * The demo users (README, What you see; docs/SECURITY.md, Identity and sign-in), the same as in
 * realm-export/rcrp-realm.json: password = user name, for the zero-setup run and the tests only.
 */
public final class DemoUsers {

    public record DemoUser(String id, String firstName, String lastName, Set<String> groups) {
    }

    public static final List<DemoUser> ALL = List.of(
            new DemoUser("handler1", "Hana", "Handler", Set.of(Groups.CALL_HANDLERS)),
            new DemoUser("handler2", "Harry", "Handler", Set.of(Groups.CALL_HANDLERS)),
            new DemoUser("supervisor1", "Sam", "Supervisor", Set.of(Groups.POLICE_SUPERVISORS)),
            new DemoUser("officer1", "Olu", "Officer", Set.of(Groups.RESPONSE_OFFICERS)),
            new DemoUser("mhcrisis1", "Mina", "Crisis", Set.of(Groups.MENTAL_HEALTH)),
            new DemoUser("ambulance1", "Amir", "Ambulance", Set.of(Groups.AMBULANCE)),
            new DemoUser("social1", "Sofia", "Social", Set.of(Groups.SOCIAL_CARE)),
            new DemoUser("childsc1", "Chloe", "Children", Set.of(Groups.CHILDRENS_SOCIAL_CARE)),
            new DemoUser("hospital1", "Holly", "Hospital", Set.of(Groups.HOSPITAL_LIAISON)),
            new DemoUser("manager1", "Morgan", "Manager", Set.of(Groups.MANAGERS)),
            new DemoUser("inspector1", "Ines", "Inspector", Set.of(Groups.DUTY_INSPECTORS)),
            new DemoUser("mhmanager1", "Max", "Manager", Set.of("mental-health-managers")),
            new DemoUser("admin1", "Ada", "Admin", Set.of(Groups.ADMINS)));

    /** Every group, with a readable name: they are the Camunda candidate groups. */
    public static final List<List<String>> GROUPS = List.of(
            List.of(Groups.CALL_HANDLERS, "Police call handlers"),
            List.of(Groups.POLICE_SUPERVISORS, "Police supervisors"),
            List.of(Groups.RESPONSE_OFFICERS, "Police response officers"),
            List.of(Groups.MENTAL_HEALTH, "Mental health crisis team"),
            List.of(Groups.AMBULANCE, "Ambulance service"),
            List.of(Groups.SOCIAL_CARE, "Social care"),
            List.of(Groups.CHILDRENS_SOCIAL_CARE, "Children's social care"),
            List.of(Groups.HOSPITAL_LIAISON, "Hospital liaison"),
            List.of(Groups.FIRE, "Fire and rescue"),
            List.of(Groups.MANAGERS, "Managers"),
            List.of(Groups.DUTY_INSPECTORS, "Police duty inspectors"),
            List.of(Groups.POLICE_SENIOR_MANAGERS, "Police senior managers (superintendents)"),
            List.of("mental-health-managers", "Mental health on-call managers"),
            List.of("mental-health-senior-managers", "Mental health service directors"),
            List.of("ambulance-managers", "Ambulance on-call managers"),
            List.of("ambulance-senior-managers", "Ambulance service directors"),
            List.of("social-care-managers", "Social care on-call managers"),
            List.of("social-care-senior-managers", "Social care service directors"),
            List.of("childrens-social-care-managers", "Children's social care on-call managers"),
            List.of("childrens-social-care-senior-managers", "Children's social care service directors"),
            List.of("hospital-liaison-managers", "Hospital liaison on-call managers"),
            List.of("hospital-liaison-senior-managers", "Hospital service directors"),
            List.of("fire-managers", "Fire and rescue on-call managers"),
            List.of("fire-senior-managers", "Fire and rescue service directors"),
            List.of(Groups.ADMINS, "Administrators"));

    private DemoUsers() {
    }
}
