package org.rcrp.handover.plan;

import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Grade;

/** One agency on a case's response plan: its role, grade (null when the agency sets its own) and the plan's reasons. */
public record Response(Agency agency, Role role, Grade grade, String reason) {
}
