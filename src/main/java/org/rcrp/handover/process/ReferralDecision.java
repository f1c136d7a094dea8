package org.rcrp.handover.process;

/** A partner's answer to a referral (user_accept_referral). */
public enum ReferralDecision {
    ACCEPT, REJECT
}
