package org.rcrp.handover.process;

/**
 * The kind of healthcare setting a patient walked out of: a code the routing can read (which hospital is the call's
 * location). A patient detained under the Mental Health Act who leaves is AWOL, whatever the setting.
 */
public enum WalkoutSetting {
    EMERGENCY_DEPARTMENT,
    ACUTE_WARD,
    /** A voluntary (informal) patient on a mental health ward. */
    MENTAL_HEALTH_WARD,
    GP_SURGERY,
    OTHER
}
