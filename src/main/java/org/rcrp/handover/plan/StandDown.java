package org.rcrp.handover.plan;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.CALL_REFERENCE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.CATEGORY;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rcrp.handover.journal.DecisionLog;
import org.rcrp.handover.notification.Notice;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.NotificationRetry;
import org.springframework.stereotype.Component;

/**
 * Tells partners they are no longer needed (notice STOOD_DOWN; their part of the plan becomes STOOD_DOWN), from a retried
 * job: each agency once (a retry skips those already told, and a receiver drops a repeat by its delivery id). When the last
 * attempt fails for an agency the journal says so and its part stays as it was, so the case view shows it was not told.
 */
@Component
public class StandDown {

    private final PlanNotices notices;
    private final ResponseLedger ledger;
    private final DecisionLog journal;

    public StandDown(PlanNotices notices, ResponseLedger ledger, DecisionLog journal) {
        this.notices = notices;
        this.ledger = ledger;
        this.journal = journal;
    }

    /** Partners whose part of the plan is still open (asked, accepted): the ones a change of plan must tell. */
    public Set<Agency> openPartners(String caseId) {
        return ledger.entries(caseId).stream()
                .filter(entry -> entry.agency() != Agency.POLICE && entry.role() != Role.INFORMED && entry.state().open())
                .map(ResponseLedger.Entry::agency).collect(Collectors.toSet());
    }

    /** Tells each of these agencies it is stood down. */
    public void standDown(DelegateExecution execution, Set<Agency> open, String why) {
        String caseId = execution.getProcessBusinessKey();
        String job = NotificationRetry.currentJobId().orElse(execution.getId());
        for (Agency agency : open) {
            boolean told = notices.send(new Notice(job + ":" + agency, Notice.Kind.STOOD_DOWN, caseId, CALL_REFERENCE.get(execution),
                    String.valueOf(CATEGORY.get(execution)), agency.name(), null,
                    "Stood down: " + why + " Your agency is no longer needed on this case; nothing more to do for it here."),
                    "STAND_DOWN_NOTICE_FAILED");
            if (!told) {
                continue;
            }
            ledger.state(caseId, agency, Role.SUPPORT, ResponseState.STOOD_DOWN);
            journal.record(caseId, "STOOD_DOWN", "system", "rcrp-handover", agency + " stood down: " + why);
        }
    }

}
