package org.rcrp.handover.process;

import static org.rcrp.handover.process.ProcessVariable.bool;
import static org.rcrp.handover.process.ProcessVariable.date;
import static org.rcrp.handover.process.ProcessVariable.enumeration;

import java.util.Date;

/** The s136 place-of-safety handover clock, {@code bpmn/s136-handover.bpmn}. */
public final class S136HandoverProcess {

    public static final String KEY = "s136-handover";
    public static final String RESOURCE = "bpmn/s136-handover.bpmn";

    private S136HandoverProcess() {
    }

    public static final class Elements {
        public static final String START_ARRIVED = "start_arrived_at_place_of_safety";
        public static final String USER_ACCEPT_HANDOVER = "user_accept_handover";
        public static final String TIMER_HANDOVER_OVERDUE = "timer_handover_overdue";
        public static final String TIMER_DETENTION_LIMIT = "timer_detention_limit";
        public static final String SERVICE_ESCALATE_HANDOVER = "service_escalate_handover";
        /** The escalation notice still failed on its last retry: the supervisor reviews all the same. */
        public static final String ERROR_HANDOVER_ESCALATION_FAILED = "error_handover_escalation_failed";
        public static final String USER_SUPERVISOR_REVIEW = "user_supervisor_review";
        public static final String END_REVIEW_DONE = "end_review_done";
        public static final String END_HANDED_OVER = "end_handed_over";
        /** Arrival not known when the handover starts: officers record it before the hour can run. */
        public static final String GATEWAY_ARRIVAL_KNOWN = "gateway_arrival_known";
        public static final String USER_RECORD_ARRIVAL = "user_record_arrival";
        /** The arrival is known: the handover's figures start here. */
        public static final String MERGE_ARRIVED = "merge_arrived";
        /** ACCEPT takes the person over; AGREE_DELAY moves the hour's deadline to the agreed time and the task opens again. */
        public static final String GATEWAY_HANDOVER_DECISION = "gateway_handover_decision";
        public static final String USER_COMPLETE_ASSESSMENT = "user_complete_assessment";
        /** The detention limit, still running while the assessment goes on after the handover. */
        public static final String TIMER_DETENTION_LIMIT_ASSESSMENT = "timer_detention_limit_assessment";
        public static final String END_ASSESSMENT_ENDED = "end_assessment_ended";
        public static final String GATEWAY_REVIEW_ACTION = "gateway_review_action";
        /** WITHDRAW: police leave after a recorded risk assessment; the person is health's. */
        public static final String END_POLICE_WITHDREW = "end_police_withdrew";
        /** ESCALATE: the hospital's on-call manager is told by the police supervisor. */
        public static final String SERVICE_ESCALATE_ON_CALL_MANAGER = "service_escalate_on_call_manager";
        public static final String ERROR_ON_CALL_MANAGER_NOTICE_FAILED = "error_on_call_manager_notice_failed";
        /** The responsible clinician extended the detention by 12 h (once, before the limit). */
        public static final String EVENT_SUBPROCESS_EXTENSION = "subprocess_detention_extended";
        public static final String MESSAGE_DETENTION_EXTENDED = "message_detention_extended";
        public static final String SERVICE_EXTEND_DETENTION = "service_extend_detention";
        public static final String END_DETENTION_EXTENDED = "end_detention_extended";

        private Elements() {
        }
    }

    public static final class Messages {
        /** Correlated by the case (business key) when the responsible clinician records the +12 h extension. */
        public static final String DETENTION_EXTENDED = "s136DetentionExtended";

        private Messages() {
        }
    }

    /**
     * Codes and times only; the conveyance reason and what people write go to the case's journal (and the s136 record),
     * never here. The case passes the s136 facts police knew at logging or at detention into the handover.
     */
    public static final class Variables {
        public static final ProcessVariable<Date> DETAINED_AT = date("detainedAt");
        /** When the person arrived at the place of safety: the hour and the detention limit run from here. */
        public static final ProcessVariable<Date> ARRIVED_AT = date("arrivedAt");
        public static final ProcessVariable<Conveyance> CONVEYANCE = enumeration("conveyance", Conveyance.class);
        public static final ProcessVariable<PlaceOfSafety> PLACE_OF_SAFETY = enumeration("placeOfSafety", PlaceOfSafety.class);
        public static final ProcessVariable<HandoverDecision> HANDOVER_DECISION = enumeration("handoverDecision", HandoverDecision.class);
        /** The time police and the hospital agreed the handover for (AGREE_DELAY): the hour's timer runs to it. */
        public static final ProcessVariable<Date> DELAY_UNTIL = date("delayUntil");
        public static final ProcessVariable<Boolean> DETENTION_EXTENDED = bool("detentionExtended");
        public static final ProcessVariable<Date> ASSESSMENT_ENDED_AT = date("assessmentEndedAt");
        public static final ProcessVariable<Date> POLICE_WITHDREW_AT = date("policeWithdrewAt");
        /** Task-local on user_accept_handover: the detention limit when the task opened (an agreed delay must end before it). */
        public static final ProcessVariable<Date> TASK_DETENTION_LIMIT_AT = date("detentionLimitAt");
        public static final ProcessVariable<Date> HANDED_OVER_AT = date("handedOverAt");
        /** Why the escalation notice failed on its last retry (the same variable as a referral's). */
        public static final ProcessVariable<String> NOTICE_FAILURE = PartnerReferralProcess.Variables.NOTICE_FAILURE;

        private Variables() {
        }
    }
}
