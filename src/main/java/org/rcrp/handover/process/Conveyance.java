package org.rcrp.handover.process;

/** How a person detained under s136 was taken to the place of safety; anything but an ambulance needs a reason. */
public enum Conveyance {
    AMBULANCE, POLICE_VEHICLE, OTHER
}
