package org.rcrp.handover.plan;

import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Grade;

/**
 * One row of {@code rcrp-response-needs} that matched: an agency the call needs and why. {@code roleWithPolice} is its
 * part when police lead (LEAD for police's own needs); {@code leadRank} orders the partners that may lead when police are
 * not on the plan (null: never leads).
 */
public record Need(String need, Agency agency, Grade grade, Role roleWithPolice, Integer leadRank, String reason) {
}
