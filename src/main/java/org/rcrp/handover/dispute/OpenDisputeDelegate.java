package org.rcrp.handover.dispute;

import static org.rcrp.handover.process.InteragencyDisputeProcess.Variables.AGENCY;
import static org.rcrp.handover.process.InteragencyDisputeProcess.Variables.REFERRAL_ID;
import static org.rcrp.handover.process.InteragencyDisputeProcess.Variables.TIER;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rcrp.handover.journal.DecisionLog;
import org.rcrp.handover.process.Agency;
import org.springframework.stereotype.Component;

/** service_open_dispute: the dispute gets its record and the case's journal says it is open, at tier 1. */
@Component("openDisputeDelegate")
public class OpenDisputeDelegate implements JavaDelegate {

    public static final String EVENT = "DISPUTE_OPENED";

    private final DisputeRecords records;
    private final DecisionLog journal;

    private final Clock clock;

    public OpenDisputeDelegate(DisputeRecords records, DecisionLog journal, Clock clock) {
        this.clock = clock;
        this.records = records;
        this.journal = journal;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Agency agency = AGENCY.require(execution);
        TIER.set(execution, 1);
        records.opened(execution.getProcessInstanceId(), execution.getProcessBusinessKey(), agency, REFERRAL_ID.get(execution),
                clock.instant());
        journal.record(execution.getProcessBusinessKey(), EVENT, "system", "rcrp-handover",
                "Police contest " + agency + "'s rejection: the police duty inspector and the agency's on-call manager each state a position");
    }
}
