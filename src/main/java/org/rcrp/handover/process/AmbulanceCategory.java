package org.rcrp.handover.process;

/** The ambulance service's own response category (Ambulance Response Programme): C1 life-threatening to C4 less urgent. */
public enum AmbulanceCategory {
    C1, C2, C3, C4
}
