package org.rcrp.handover.assurance;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.rcrp.handover.process.QualityReviewProcess;
import org.springframework.stereotype.Component;

/** service_record_verdict: the reviewer's verdict into the quality reviews' record (their learning note is the journal's). */
@Component("recordVerdictDelegate")
public class RecordVerdictDelegate implements JavaDelegate {

    private final QualityReviewRecords records;

    private final Clock clock;

    public RecordVerdictDelegate(QualityReviewRecords records, Clock clock) {
        this.clock = clock;
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Authentication reviewer = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        records.reviewed(execution.getProcessBusinessKey(), QualityReviewProcess.Variables.VERDICT.require(execution),
                reviewer == null ? null : reviewer.getUserId(), clock.instant());
    }
}
