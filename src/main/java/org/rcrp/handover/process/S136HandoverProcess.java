package org.rcrp.handover.process;

import static org.rcrp.handover.process.ProcessVariable.date;

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

        private Elements() {
        }
    }

    public static final class Variables {
        public static final ProcessVariable<Date> ARRIVED_AT = date("arrivedAt");
        public static final ProcessVariable<Date> HANDED_OVER_AT = date("handedOverAt");
        /** Why the escalation notice failed on its last retry (the same variable as a referral's). */
        public static final ProcessVariable<String> NOTICE_FAILURE = PartnerReferralProcess.Variables.NOTICE_FAILURE;

        private Variables() {
        }
    }
}
