package org.rcrp.handover.process;

/** Coded reasons a partner gives for rejecting a referral. */
public enum RejectionReason {
    NOT_OUR_SERVICE, INSUFFICIENT_INFORMATION, NO_CAPACITY, POLICE_THRESHOLD_MET, OTHER
}
