package org.rcrp.handover.process;

/**
 * The groups people sign in with, named once (identity/DemoUsers seeds them, the Keycloak realm holds them). The BPMN
 * models name the groups of their user tasks in {@code camunda:candidateGroups}; GroupsTest keeps those in step with
 * these. A partner agency's group is {@link Agency#candidateGroup()}.
 */
public final class Groups {

    public static final String CALL_HANDLERS = "call-handlers";
    public static final String RESPONSE_OFFICERS = "response-officers";
    public static final String POLICE_SUPERVISORS = "police-supervisors";
    public static final String DUTY_INSPECTORS = "duty-inspectors";
    public static final String POLICE_SENIOR_MANAGERS = "police-senior-managers";
    public static final String MANAGERS = "managers";
    public static final String ADMINS = "admins";

    public static final String MENTAL_HEALTH = "mental-health";
    public static final String AMBULANCE = "ambulance";
    public static final String SOCIAL_CARE = "social-care";
    public static final String CHILDRENS_SOCIAL_CARE = "childrens-social-care";
    public static final String HOSPITAL_LIAISON = "hospital-liaison";
    public static final String FIRE = "fire";

    private Groups() {
    }
}
