package org.rcrp.handover.journal;

/** Where decisions about a case are written down for good (see {@link CaseJournal}). */
public interface DecisionLog {

    void record(String caseId, String type, String actor, String role, String detail);
}
