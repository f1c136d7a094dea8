package org.rcrp.handover.notification;

import java.time.Instant;

/**
 * One message to an agency about a case. Carries only the minimum a partner needs to act
 * (docs/partner-integration.md, Notices: data sharing): the case id and call reference to find it, the category,
 * why they are told and by when they must act. Never the caller, never the subject: the partner follows the link and signs in
 * to see the referral's shared fields.
 *
 * @param id    the delivery id, the same on every retry of one notice (receivers drop repeats by it)
 * @param due   when the agency must act by (accept/reject, or the outcome that is overdue); may be null
 */
public record Notice(String id, Kind kind, String caseId, String callReference, String category, String agency,
                     Instant due, String text) {

    public enum Kind {
        REFERRAL_MADE, REFERRAL_REMINDER, REFERRAL_ESCALATED, OUTCOME_OVERDUE, HANDOVER_OVERDUE,
        /** The agency is on a case's plan to be told, with nothing to accept (e.g. the crisis team when police lead). */
        INFORMED,
        /** The agency is no longer needed on the case: police took over, the referral went elsewhere, or the case closed. */
        STOOD_DOWN,
        /** Risk rose while the agency holds the referral: police now lead beside it, and its referral goes on. */
        POLICE_ADDED
    }

    /** A notice with no delivery id and no due time (the s136 escalations). */
    public Notice(Kind kind, String caseId, String callReference, String category, String agency, String text) {
        this(null, kind, caseId, callReference, category, agency, null, text);
    }
}
