package org.rcrp.handover.process;

import static org.rcrp.handover.process.ProcessVariable.enumeration;
import static org.rcrp.handover.process.ProcessVariable.integer;
import static org.rcrp.handover.process.ProcessVariable.string;

/**
 * A police supervisor contested a partner's rejection, {@code bpmn/interagency-dispute.bpmn}: both sides state a position
 * at once (police duty inspector, the agency's on-call manager), a tier up when they disagree or the shift ends first.
 * Its business key is the case id; it is a process of its own, so it outlives the case.
 */
public final class InteragencyDisputeProcess {

    public static final String KEY = "interagency-dispute";
    public static final String RESOURCE = "bpmn/interagency-dispute.bpmn";

    private InteragencyDisputeProcess() {
    }

    public static final class Elements {
        public static final String START_DISPUTE_OPENED = "start_dispute_opened";
        public static final String SERVICE_OPEN_DISPUTE = "service_open_dispute";
        public static final String SUBPROCESS_POSITIONS = "subprocess_positions";
        public static final String USER_DISPUTE_POLICE_POSITION = "user_dispute_police_position";
        public static final String USER_DISPUTE_PARTNER_POSITION = "user_dispute_partner_position";
        public static final String TIMER_DISPUTE_SHIFT_END = "timer_dispute_shift_end";
        public static final String SERVICE_SETTLE_DISPUTE = "service_settle_dispute";
        public static final String END_DISPUTE_AGREED = "end_dispute_agreed";
        public static final String END_DISPUTE_UNRESOLVED = "end_dispute_unresolved";

        private Elements() {
        }
    }

    public static final class Variables {
        /** The agency whose rejection police contest. */
        public static final ProcessVariable<Agency> AGENCY = RcrpCallProcess.Variables.AGENCY;
        /** The referral (process instance) that was rejected. */
        public static final ProcessVariable<String> REFERRAL_ID = string("disputedReferralId");
        /** 1 = duty inspector and on-call manager; each escalation adds one (DisputeTiers). */
        public static final ProcessVariable<Integer> TIER = integer("disputeTier");
        public static final ProcessVariable<DisputePosition> POLICE_POSITION = enumeration("policePosition", DisputePosition.class);
        public static final ProcessVariable<DisputePosition> PARTNER_POSITION = enumeration("partnerPosition", DisputePosition.class);
        /** User ids of who recorded each side's position in the current tier. */
        public static final ProcessVariable<String> POLICE_DECIDED_BY = string("policeDecidedBy");
        public static final ProcessVariable<String> PARTNER_DECIDED_BY = string("partnerDecidedBy");
        public static final ProcessVariable<DisputeResult> RESULT = enumeration("disputeResult", DisputeResult.class);

        private Variables() {
        }
    }
}
