package org.rcrp.handover.referral;

import static org.rcrp.handover.process.PartnerReferralProcess.Variables.ACKNOWLEDGE_BY;
import static org.rcrp.handover.process.PartnerReferralProcess.Variables.AGENCY;
import static org.rcrp.handover.process.PartnerReferralProcess.Variables.NOTIFICATION_ATTEMPT;
import static org.rcrp.handover.process.PartnerReferralProcess.Variables.NOTIFIED_AT;
import static org.rcrp.handover.process.PartnerReferralProcess.Variables.REFERRAL_GRADE;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rcrp.handover.notification.Notice;
import org.rcrp.handover.notification.NoticeRecipe;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.ownership.CaseStatus;
import org.rcrp.handover.process.SlaPolicy;
import org.springframework.stereotype.Component;

/**
 * Notice kind REFERRAL_MADE, service_notify_partner: tells the agency a referral waits for it (again, after a supervisor's
 * chase), with the acknowledgement clock; once it went out the referral counts the attempt, starts that clock and the case
 * shows it referred.
 */
@Component
public class ReferralMadeNotice implements NoticeRecipe {

    private final CaseStatus caseStatus;
    private final SlaPolicy slaPolicy;
    private final AmbulanceTransfer ambulance;
    private final java.time.Clock clock;

    public ReferralMadeNotice(CaseStatus caseStatus, SlaPolicy slaPolicy, AmbulanceTransfer ambulance, java.time.Clock clock) {
        this.caseStatus = caseStatus;
        this.slaPolicy = slaPolicy;
        this.ambulance = ambulance;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "REFERRAL_MADE";
    }

    @Override
    public Notice.Kind sends() {
        return Notice.Kind.REFERRAL_MADE;
    }

    /** One agency per step: the job's id alone. */
    @Override
    public String deliveryId(String job, Agency agency) {
        return job;
    }

    @Override
    public List<Draft> drafts(DelegateExecution execution) {
        int attempt = attempt(execution);
        String text = attempt == 1
                ? "A referral is waiting for your agency to accept or reject."
                : "Chased by the police supervisor (referral " + attempt + "): accept or reject this referral.";
        // The same clock user_accept_referral gets when this step completes.
        Date acknowledgeBy = slaPolicy.due(ambulance.acknowledgement(AGENCY.get(execution), REFERRAL_GRADE.get(execution)));
        return List.of(new Draft(AGENCY.require(execution), acknowledgeBy, text));
    }

    @Override
    public void delivered(DelegateExecution execution, Draft draft) {
        NOTIFICATION_ATTEMPT.set(execution, attempt(execution));
        NOTIFIED_AT.set(execution, java.util.Date.from(clock.instant()));
        ACKNOWLEDGE_BY.set(execution, draft.due());
        caseStatus.enterReferral(execution);
    }

    private static int attempt(DelegateExecution execution) {
        return NOTIFICATION_ATTEMPT.find(execution).orElse(0) + 1;
    }
}
