package org.rcrp.handover.plan;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rcrp.handover.process.Agency;

/** The partner referrals a case has open in the engine (implemented behind the engine facades, in intake). */
public interface CaseReferrals {

    /** Agencies with a referral still open for this case; a referral cancelled by an interruption has none. */
    Set<Agency> openReferralAgencies(DelegateExecution caseExecution);

    /**
     * The referrals the closing case still holds open are ended (their agencies were stood down first), before the case
     * itself ends: the engine cannot end a case over a referral it called beside the lead.
     */
    void endOpenReferrals(DelegateExecution caseExecution, String why);

    /**
     * A lead referral to an agency that already holds a supporting referral on the case replaces it: the supporting one
     * ends (its task is withdrawn) so the agency answers once. Returns whether one was replaced.
     */
    boolean supersedeSupporting(DelegateExecution leadReferralExecution);

    /** Whether the case still waits on referrals it asked beside the lead (call_support_referral), ended or not. */
    boolean supportingStillRunning(DelegateExecution caseExecution);

    /** Whether a referral that leads the case is still open (none once police were added beside it). */
    boolean leadReferralOpen(DelegateExecution caseExecution);

    /** The case's lead referral, still open, supports from now on: police lead beside it. */
    void leadReferralSupportsFromNow(DelegateExecution caseExecution);
}
