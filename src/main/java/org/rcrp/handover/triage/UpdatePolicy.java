package org.rcrp.handover.triage;

import org.rcrp.handover.process.Grade;
import org.rcrp.handover.process.Phase;
import org.rcrp.handover.process.RiskAction;

/**
 * What new information does to a case in progress (RCRP guidance: risk changes — a call-back or update
 * re-opens triage at once). Risk to life or of serious harm while a partner holds the referral adds police beside it;
 * otherwise it sends police at once unless police are
 * already on their way at the immediate grade (or triage is open, or the person is with police at a
 * place of safety); a newly reported crime re-opens triage of a case police are not dealing with.
 */
public final class UpdatePolicy {

    private UpdatePolicy() {
    }

    public static RiskAction decide(Phase phase, Grade grade, boolean riskToLife, boolean seriousHarm, boolean crime) {
        if (phase == Phase.TRIAGE || phase == Phase.HANDOVER) {
            return RiskAction.NONE;
        }
        boolean policeOnTheWay = phase == Phase.ATTEND;
        if (riskToLife || seriousHarm) {
            if (phase == Phase.REFER) {
                return RiskAction.ADD_POLICE;
            }
            return policeOnTheWay && grade == Grade.IMMEDIATE ? RiskAction.NONE : RiskAction.SEND_POLICE;
        }
        if (crime) {
            return policeOnTheWay ? RiskAction.NONE : RiskAction.RETRIAGE;
        }
        return RiskAction.NONE;
    }
}
