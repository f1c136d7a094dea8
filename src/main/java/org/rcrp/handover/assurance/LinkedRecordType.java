package org.rcrp.handover.assurance;

/** What a record linked to a case is. */
public enum LinkedRecordType {
    INCIDENT, COMPLAINT, CORONER_REPORT, SERIOUS_HARM
}
