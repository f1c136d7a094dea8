package org.rcrp.handover.plan;

import java.time.Instant;
import java.util.List;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Grade;

/** Where each agency on a case's plan stands; written as the processes move, read by the case view and the figures. */
public interface ResponseLedger {

    /** One agency's row. */
    record Entry(Agency agency, Role role, Grade grade, String reason, ResponseState state, Instant updatedAt) {
    }

    /**
     * A (new) plan for the case: each agency's role, grade and reason are replaced; an agency already acting keeps its
     * state, a new one starts as given by {@code firstState}. Agencies of an earlier plan that are not on this one are
     * left as they are (the process stands them down). Returns the agencies that are new to the case or were not acting.
     */
    List<Agency> plan(String caseId, List<Response> responses, java.util.function.Function<Response, ResponseState> firstState);

    /**
     * An agency's part moved on. An agency not yet on the plan joins it with the given role, and one that was only
     * informed takes that role: a referral gives it a part of its own, which a change of plan must then stand down.
     */
    void state(String caseId, Agency agency, Role role, ResponseState state);

    List<Entry> entries(String caseId);
}
