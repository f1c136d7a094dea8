package org.rcrp.handover.dispute;

import static org.rcrp.handover.process.InteragencyDisputeProcess.Variables.PARTNER_DECIDED_BY;
import static org.rcrp.handover.process.InteragencyDisputeProcess.Variables.PARTNER_POSITION;
import static org.rcrp.handover.process.InteragencyDisputeProcess.Variables.POLICE_DECIDED_BY;
import static org.rcrp.handover.process.InteragencyDisputeProcess.Variables.POLICE_POSITION;
import static org.rcrp.handover.process.InteragencyDisputeProcess.Variables.RESULT;
import static org.rcrp.handover.process.InteragencyDisputeProcess.Variables.TIER;

import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rcrp.handover.journal.DecisionLog;
import org.rcrp.handover.process.DisputeResult;
import org.springframework.stereotype.Component;

/**
 * service_settle_dispute: both positions stated and the same settle the dispute; otherwise (different, or a side did not
 * answer by the shift's end) it goes a tier up with fresh positions, and at the top tier it ends unresolved. Settled or
 * not, the record then waits for the partnership's joint review.
 */
@Component("settleDisputeDelegate")
public class SettleDisputeDelegate implements JavaDelegate {

    public static final String AGREED = "DISPUTE_AGREED";
    public static final String ESCALATED = "DISPUTE_ESCALATED";
    public static final String UNRESOLVED = "DISPUTE_UNRESOLVED";

    private final DisputeRecords records;
    private final DisputeTiers tiers;
    private final DecisionLog journal;

    private final Clock clock;

    public SettleDisputeDelegate(DisputeRecords records, DisputeTiers tiers, DecisionLog journal, Clock clock) {
        this.clock = clock;
        this.records = records;
        this.tiers = tiers;
        this.journal = journal;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DisputeRecords.Tier tier = new DisputeRecords.Tier(TIER.require(execution), POLICE_POSITION.get(execution),
                PARTNER_POSITION.get(execution), POLICE_DECIDED_BY.get(execution), PARTNER_DECIDED_BY.get(execution));
        Instant now = clock.instant();
        String caseId = execution.getProcessBusinessKey();
        String positions = "police " + said(tier.policePosition(), tier.policeDecidedBy()) + ", partner "
                + said(tier.partnerPosition(), tier.partnerDecidedBy());
        if (tier.policePosition() != null && tier.policePosition() == tier.partnerPosition()) {
            RESULT.set(execution, DisputeResult.AGREED);
            records.settled(execution.getProcessInstanceId(), tier, DisputeResult.AGREED, now);
            journal.record(caseId, AGREED, "system", "rcrp-handover",
                    "Dispute agreed at tier " + tier.tier() + ": " + tier.policePosition() + " (" + positions + ")");
        } else if (tier.tier() < tiers.count()) {
            RESULT.set(execution, DisputeResult.ESCALATED);
            records.escalated(execution.getProcessInstanceId(), tier, now);
            TIER.set(execution, tier.tier() + 1);
            POLICE_POSITION.set(execution, null);
            PARTNER_POSITION.set(execution, null);
            POLICE_DECIDED_BY.set(execution, null);
            PARTNER_DECIDED_BY.set(execution, null);
            journal.record(caseId, ESCALATED, "system", "rcrp-handover",
                    "Dispute not agreed at tier " + tier.tier() + " (" + positions + "): escalated to tier " + (tier.tier() + 1));
        } else {
            RESULT.set(execution, DisputeResult.UNRESOLVED);
            records.settled(execution.getProcessInstanceId(), tier, DisputeResult.UNRESOLVED, now);
            journal.record(caseId, UNRESOLVED, "system", "rcrp-handover",
                    "Dispute not agreed at the top tier " + tier.tier() + " (" + positions + "): left to the joint review");
        }
    }

    private static String said(Object position, String by) {
        return position == null ? "no answer" : position + " by " + by;
    }
}
