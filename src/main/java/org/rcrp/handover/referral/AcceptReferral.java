package org.rcrp.handover.referral;

import static org.rcrp.handover.process.PartnerReferralProcess.Variables.AGENCY;
import static org.rcrp.handover.process.PartnerReferralProcess.Variables.AMBULANCE_CATEGORY;
import static org.rcrp.handover.process.PartnerReferralProcess.Variables.AMBULANCE_ETA;
import static org.rcrp.handover.process.PartnerReferralProcess.Variables.REFERRAL_GRADE;
import static org.rcrp.handover.process.PartnerReferralProcess.Variables.DECISION;
import static org.rcrp.handover.process.PartnerReferralProcess.Variables.REASON_CODE;
import static org.rcrp.handover.process.TaskCompletion.maxLength;
import static org.rcrp.handover.process.TaskCompletion.require;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rcrp.handover.operations.EngineClock;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.AmbulanceCategory;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.ReferralDecision;
import org.rcrp.handover.process.RejectionReason;
import org.rcrp.handover.process.TaskCompletion;
import org.rcrp.handover.process.TextLimits;

/**
 * Body of user_accept_referral: the partner accepts, or rejects with a coded reason. The ambulance service accepting a
 * medical emergency (an emergency transfer) gives its category and when it expects to arrive ({@code eta}, not in the past).
 */
public record AcceptReferral(ReferralDecision decision, RejectionReason reasonCode, String note,
                             AmbulanceCategory ambulanceCategory, OffsetDateTime eta) implements TaskCompletion {

    public AcceptReferral(ReferralDecision decision, RejectionReason reasonCode, String note) {
        this(decision, reasonCode, note, null, null);
    }

    @Override
    public String taskKey() {
        return PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL;
    }

    @Override
    public List<FieldError> validate(Map<String, Object> taskVariables) {
        List<FieldError> errors = new ArrayList<>();
        require(errors, decision, "decision");
        if (decision == ReferralDecision.REJECT) {
            require(errors, reasonCode, "reasonCode");
            if (reasonCode == RejectionReason.OTHER) {
                require(errors, note, "note");
            }
        }
        maxLength(errors, note, "note", TextLimits.NOTE);
        boolean emergency = AmbulanceTransfer.emergency(taskVariables.get(AGENCY.name()), taskVariables.get(REFERRAL_GRADE.name()));
        if (emergency && decision == ReferralDecision.ACCEPT) {
            require(errors, ambulanceCategory, "ambulanceCategory");
            require(errors, eta, "eta");
        }
        boolean ambulance = Agency.AMBULANCE.name().equals(String.valueOf(taskVariables.get(AGENCY.name())));
        if (!ambulance && ambulanceCategory != null) {
            errors.add(new FieldError("ambulanceCategory", "only the ambulance service gives a category"));
        }
        if (!ambulance && eta != null) {
            errors.add(new FieldError("eta", "only the ambulance service gives an ETA"));
        }
        if (eta != null && eta.toInstant().isBefore(EngineClock.INSTANCE.instant().minusSeconds(60))) {
            errors.add(new FieldError("eta", "must not be in the past"));
        }
        return errors;
    }

    @Override
    public String summary() {
        return decision == ReferralDecision.REJECT ? "Referral rejected: " + reasonCode
                : "Referral accepted" + (ambulanceCategory == null ? "" : ", category " + ambulanceCategory)
                        + (eta == null ? "" : ", ETA " + eta.toInstant());
    }

    @Override
    public Map<String, Object> variables(Map<String, Object> taskVariables) {
        Map<String, Object> variables = new HashMap<>();
        DECISION.putInto(variables, decision);
        REASON_CODE.putInto(variables, decision == ReferralDecision.REJECT ? reasonCode : null);
        if (decision == ReferralDecision.ACCEPT && ambulanceCategory != null) {
            AMBULANCE_CATEGORY.putInto(variables, ambulanceCategory);
        }
        if (decision == ReferralDecision.ACCEPT && eta != null) {
            AMBULANCE_ETA.putInto(variables, Date.from(eta.toInstant()));
        }
        return variables;
    }
}
