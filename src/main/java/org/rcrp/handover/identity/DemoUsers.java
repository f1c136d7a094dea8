package org.rcrp.handover.identity;

import java.util.List;
import java.util.Set;

/**
 * The demo users (README, What you see; docs/SECURITY.md, Identity and sign-in), the same as in
 * realm-export/rcrp-realm.json: password = user name, for the zero-setup run and the tests only.
 */
public final class DemoUsers {

    public record DemoUser(String id, String firstName, String lastName, Set<String> groups) {
    }

    public static final List<DemoUser> ALL = List.of(
            new DemoUser("handler1", "Hana", "Handler", Set.of("call-handlers")),
            new DemoUser("handler2", "Harry", "Handler", Set.of("call-handlers")),
            new DemoUser("supervisor1", "Sam", "Supervisor", Set.of("police-supervisors")),
            new DemoUser("officer1", "Olu", "Officer", Set.of("response-officers")),
            new DemoUser("mhcrisis1", "Mina", "Crisis", Set.of("mental-health")),
            new DemoUser("ambulance1", "Amir", "Ambulance", Set.of("ambulance")),
            new DemoUser("social1", "Sofia", "Social", Set.of("social-care")),
            new DemoUser("childsc1", "Chloe", "Children", Set.of("childrens-social-care")),
            new DemoUser("hospital1", "Holly", "Hospital", Set.of("hospital-liaison")),
            new DemoUser("manager1", "Morgan", "Manager", Set.of("managers")),
            new DemoUser("inspector1", "Ines", "Inspector", Set.of("duty-inspectors")),
            new DemoUser("mhmanager1", "Max", "Manager", Set.of("mental-health-managers")),
            new DemoUser("admin1", "Ada", "Admin", Set.of("admins")));

    /** Every group, with a readable name: they are the Camunda candidate groups. */
    public static final List<List<String>> GROUPS = List.of(
            List.of("call-handlers", "Police call handlers"),
            List.of("police-supervisors", "Police supervisors"),
            List.of("response-officers", "Police response officers"),
            List.of("mental-health", "Mental health crisis team"),
            List.of("ambulance", "Ambulance service"),
            List.of("social-care", "Social care"),
            List.of("childrens-social-care", "Children's social care"),
            List.of("hospital-liaison", "Hospital liaison"),
            List.of("fire", "Fire and rescue"),
            List.of("managers", "Managers"),
            List.of("duty-inspectors", "Police duty inspectors"),
            List.of("police-senior-managers", "Police senior managers (superintendents)"),
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
            List.of("admins", "Administrators"));

    private DemoUsers() {
    }
}
