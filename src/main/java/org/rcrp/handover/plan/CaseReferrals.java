package org.rcrp.handover.plan;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rcrp.handover.process.Agency;

/** The partner referrals a case has open in the engine (implemented behind the engine facades, in intake). */
public interface CaseReferrals {

    /** Agencies with a referral still open for this case; a referral cancelled by an interruption has none. */
    Set<Agency> openReferralAgencies(DelegateExecution caseExecution);

    /** The case's lead referral, still open, supports from now on: police lead beside it. */
    void leadReferralSupportsFromNow(DelegateExecution caseExecution);
}
