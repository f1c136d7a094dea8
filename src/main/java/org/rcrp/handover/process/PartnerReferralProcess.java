package org.rcrp.handover.process;

import static org.rcrp.handover.process.ProcessVariable.date;
import static org.rcrp.handover.process.ProcessVariable.enumeration;
import static org.rcrp.handover.process.ProcessVariable.integer;
import static org.rcrp.handover.process.ProcessVariable.string;

import java.util.Date;

/** One referral to one agency, {@code bpmn/partner-referral.bpmn}. */
public final class PartnerReferralProcess {

    public static final String KEY = "partner-referral";
    public static final String RESOURCE = "bpmn/partner-referral.bpmn";

    private PartnerReferralProcess() {
    }

    public static final class Elements {
        public static final String START_REFERRAL_REQUESTED = "start_referral_requested";
        public static final String SERVICE_NOTIFY_PARTNER = "service_notify_partner";
        public static final String USER_ACCEPT_REFERRAL = "user_accept_referral";
        public static final String TIMER_PARTNER_REMINDER = "timer_partner_reminder";
        public static final String SERVICE_REMIND_PARTNER = "service_remind_partner";
        public static final String SERVICE_NOTIFY_ESCALATED = "service_notify_escalated";
        public static final String END_ESCALATION_SENT = "end_escalation_sent";
        public static final String END_OUTCOME_ESCALATION_SENT = "end_outcome_escalation_sent";
        /** Error boundary events: a notice still failed on its last retry (error code {@link Errors#NOTIFICATION_FAILED}). */
        public static final String ERROR_NOTIFICATION_FAILED = "error_notification_failed";
        public static final String ERROR_REMINDER_FAILED = "error_reminder_failed";
        public static final String ERROR_ESCALATION_FAILED = "error_escalation_failed";
        public static final String ERROR_OUTCOME_ESCALATION_FAILED = "error_outcome_escalation_failed";
        /** A supervisor chased the agency after a reminder or escalation notice failed; the referral's own clocks still run. */
        public static final String END_NOTICE_CHASED = "end_notice_chased";
        public static final String TIMER_PARTNER_SLA = "timer_partner_sla";
        public static final String USER_RECORD_PARTNER_OUTCOME = "user_record_partner_outcome";
        public static final String TIMER_PARTNER_OUTCOME_SLA = "timer_partner_outcome_sla";
        public static final String SERVICE_REMIND_OUTCOME = "service_remind_outcome";
        public static final String USER_SUPERVISOR_REVIEW = "user_supervisor_review";
        public static final String SERVICE_STAND_DOWN_PARTNER = "service_stand_down_partner";
        public static final String GATEWAY_SUPERVISOR_ACTION = "gateway_supervisor_action";
        public static final String END_REMINDER_SENT = "end_reminder_sent";
        public static final String END_PASSED_BACK = "end_passed_back";
        public static final String END_REFERRAL_COMPLETED = "end_referral_completed";
        public static final String END_OUTCOME_CHASED = "end_outcome_chased";
        public static final String END_REROUTED = "end_rerouted";
        public static final String END_POLICE_REQUESTED = "end_police_requested";
        public static final String END_CLOSED_BY_SUPERVISOR = "end_closed_by_supervisor";
        public static final String END_NOT_LOCATED = "end_not_located";

        private Elements() {
        }
    }

    public static final class Errors {
        /** Thrown by the notice delegate on the last failed retry of its job (BpmnError code; s136-handover catches it too). */
        public static final String NOTIFICATION_FAILED = "NOTIFICATION_FAILED";

        private Errors() {
        }
    }

    public static final class Variables {
        /** The agency referred to (passed in by the call process). */
        public static final ProcessVariable<Agency> AGENCY = RcrpCallProcess.Variables.AGENCY;
        /** LEAD (the case's own referral) or SUPPORT (beside another lead); a referral without one leads. */
        public static final ProcessVariable<ReferralRole> REFERRAL_ROLE = enumeration("referralRole", ReferralRole.class);
        /** The plan's grade for this agency: IMMEDIATE for an emergency transfer, SCHEDULED for a conveyance; may be null. */
        public static final ProcessVariable<Grade> REFERRAL_GRADE = enumeration("referralGrade", Grade.class);
        /** An ambulance's acceptance of an emergency transfer: its category and when it expects to arrive. */
        public static final ProcessVariable<AmbulanceCategory> AMBULANCE_CATEGORY = enumeration("ambulanceCategory", AmbulanceCategory.class);
        public static final ProcessVariable<Date> AMBULANCE_ETA = date("ambulanceEta");
        /** The ETA is later than the risk window allows (AmbulanceTransfer): police are added (escalation AMBULANCE_ETA). */
        public static final ProcessVariable<Boolean> ETA_BEYOND_RISK_WINDOW = ProcessVariable.bool("etaBeyondRiskWindow");
        public static final ProcessVariable<Integer> NOTIFICATION_ATTEMPT = integer("notificationAttempt");
        public static final ProcessVariable<Date> NOTIFIED_AT = date("notifiedAt");
        public static final ProcessVariable<Date> ACCEPTED_AT = date("acceptedAt");
        /** When the agency must accept or reject by (the acknowledgement clock of the latest notice). */
        public static final ProcessVariable<Date> ACKNOWLEDGE_BY = date("acknowledgeBy");
        /** The kind of notice that failed on its last retry (REFERRAL_MADE, REFERRAL_REMINDER, REFERRAL_ESCALATED, OUTCOME_OVERDUE). */
        public static final ProcessVariable<String> FAILED_NOTICE = string("failedNotice");
        /** Task-local copy on user_supervisor_review, so parallel reviews each keep their own. */
        public static final ProcessVariable<String> TASK_FAILED_NOTICE = string("taskFailedNotice");
        /** Why the failed notice failed, last error, for the supervisor. */
        public static final ProcessVariable<String> NOTICE_FAILURE = string("noticeFailure");
        // user_accept_referral
        public static final ProcessVariable<ReferralDecision> DECISION = enumeration("decision", ReferralDecision.class);
        public static final ProcessVariable<RejectionReason> REASON_CODE = enumeration("reasonCode", RejectionReason.class);
        /**
         * The partner's note with its decision, as referrals stored it before notes left the engine: read (never written)
         * for a referral that still holds it and has no note in the journal.
         */
        public static final ProcessVariable<String> DECISION_NOTE = string("decisionNote");
        // user_record_partner_outcome
        public static final ProcessVariable<PartnerOutcome> PARTNER_OUTCOME = enumeration("partnerOutcome", PartnerOutcome.class);
        // user_supervisor_review of a REJECTED referral: police contest the rejection (interagency-dispute)
        public static final ProcessVariable<Boolean> DISPUTE_CONTESTED = ProcessVariable.bool("disputeContested");
        // results, mapped out to the call process
        public static final ProcessVariable<ReferralResult> REFERRAL_RESULT = RcrpCallProcess.Variables.REFERRAL_RESULT;
        public static final ProcessVariable<Agency> REROUTE_AGENCY = RcrpCallProcess.Variables.REROUTE_AGENCY;

        private Variables() {
        }
    }
}
