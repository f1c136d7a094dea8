package org.rcrp.handover.process;

/**
 * How fast an agency responds. Police attend IMMEDIATE or PRIORITY (it decides the attendance clock); SCHEDULED is a
 * partner's planned response, such as a conveyance arranged by the ambulance service.
 */
public enum Grade {
    IMMEDIATE, PRIORITY, SCHEDULED;

    /** A grade police may attend at. */
    public boolean policeGrade() {
        return this != SCHEDULED;
    }
}
