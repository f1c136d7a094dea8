package org.rcrp.handover.process;

/** What the partner did after accepting (user_record_partner_outcome). */
public enum PartnerOutcome {
    CONTACT_MADE, ASSESSED, NO_CONTACT, PASSED_BACK
}
