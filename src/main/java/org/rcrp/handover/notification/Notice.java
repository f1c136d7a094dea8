package org.rcrp.handover.notification;

/**
 * One message to an agency about a case. Carries only the minimum a partner needs to act (DOMAIN.md,
 * data sharing): the case id and call reference to find it, the category and what is asked of them.
 */
public record Notice(Kind kind, String caseId, String callReference, String category, String agency, String text) {

    public enum Kind {
        REFERRAL_MADE, REFERRAL_REMINDER, REFERRAL_ESCALATED, OUTCOME_OVERDUE, HANDOVER_OVERDUE
    }
}
