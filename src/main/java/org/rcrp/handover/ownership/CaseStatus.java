package org.rcrp.handover.ownership;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.AGENCY;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.CLOSED_AT;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.ESCALATION_COUNT;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.GRADE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.PHASE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.RESPONSIBLE_AGENCY;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.REVIEW_REASON;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.ROUTE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.STATE;

import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.AttendOutcome;
import org.rcrp.handover.process.CaseState;
import org.rcrp.handover.process.Grade;
import org.rcrp.handover.process.NotLocatedBy;
import org.rcrp.handover.process.PartnerOutcome;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.Phase;
import org.rcrp.handover.process.ProcessVariable;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.ReferralResult;
import org.rcrp.handover.process.ReferralRole;
import org.rcrp.handover.process.ReviewReason;
import org.rcrp.handover.process.Route;
import org.rcrp.handover.process.S136HandoverProcess;
import org.springframework.stereotype.Component;

/**
 * Keeps the case's state, phase and responsible agency right as the three processes move, called
 * from execution listeners ({@code ${caseStatus.partnerAccepted(execution)}}). Partner-referral and
 * s136-handover run as call activities of the case, so their listeners write to the case's process
 * instance, found by walking up the call chain.
 *
 * <p>The invariant it keeps: police are responsible until a partner has accepted a referral; a
 * rejection, silence, a pass-back or a supervisor's decision returns responsibility to police.
 */
@Component("caseStatus")
public class CaseStatus {

    private final Clock clock;

    public CaseStatus(Clock clock) {
        this.clock = clock;
    }

    public void enterTriage(DelegateExecution execution) {
        enter(execution, Phase.TRIAGE, CaseState.TRIAGE);
        RcrpCallProcess.Variables.TRIAGE_OPEN.set(caseOf(execution), true);
    }

    /** The handler decided (flow_assessed): a review chasing the triage has nothing left to chase. */
    public void triageDecided(DelegateExecution execution) {
        RcrpCallProcess.Variables.TRIAGE_OPEN.set(caseOf(execution), false);
    }

    public void missingPersonAssessment(DelegateExecution execution, boolean open) {
        RcrpCallProcess.Variables.MISSING_PERSON_ASSESSMENT_OPEN.set(caseOf(execution), open);
    }

    /**
     * condition_chased_work_done on user_supervisor_review: a review raised only to chase overdue triage, attendance or a
     * missing-person assessment is withdrawn once that work has ended, so it never holds a finished case open. Reviews
     * that decide something (a partner's silence, not located…) are never withdrawn.
     */
    public boolean chasedWorkDone(DelegateExecution execution) {
        ReviewReason chases = RcrpCallProcess.Variables.CHASES.find(execution).orElse(null);
        if (chases == null) {
            return false;
        }
        ProcessVariable<Boolean> open = switch (chases) {
            case TRIAGE_OVERDUE -> RcrpCallProcess.Variables.TRIAGE_OPEN;
            case ATTENDANCE_OVERDUE -> RcrpCallProcess.Variables.ATTENDANCE_OPEN;
            case MISSING_PERSON_OVERDUE -> RcrpCallProcess.Variables.MISSING_PERSON_ASSESSMENT_OPEN;
            default -> null;
        };
        return open != null && !Boolean.TRUE.equals(caseOf(execution).getVariableLocal(open.name()));
    }

    public void enterAttendance(DelegateExecution execution) {
        enter(execution, Phase.ATTEND, CaseState.POLICE_ATTENDING);
        RcrpCallProcess.Variables.ATTENDANCE_OPEN.set(caseOf(execution), true);
    }

    public void enterReferral(DelegateExecution execution) {
        if (leads(execution)) {
            enter(execution, Phase.REFER, CaseState.REFERRED);
        }
    }

    /**
     * A referral supporting another lead moves nothing of the case's own: its acceptance, rejection, silence or end
     * are its agency's part of the plan (plan/ResponsePlans), and a supervisor's review of it leaves the lead alone.
     */
    public static boolean leads(DelegateExecution execution) {
        return !PartnerReferralProcess.KEY.equals(keyOf(execution))
                || PartnerReferralProcess.Variables.REFERRAL_ROLE.find(execution).orElse(ReferralRole.LEAD) == ReferralRole.LEAD;
    }

    public void enterHandover(DelegateExecution execution) {
        enter(execution, Phase.HANDOVER, CaseState.HANDOVER);
    }

    /** A supervisor is asked to review; a rejected or silent referral puts the case in ESCALATED. */
    public void review(DelegateExecution execution, String reason) {
        ReviewReason reviewReason = ReviewReason.valueOf(reason);
        REVIEW_REASON.set(execution, reviewReason);
        DelegateExecution caseExecution = caseOf(execution);
        ESCALATION_COUNT.set(caseExecution, ESCALATION_COUNT.find(caseExecution).orElse(0) + 1);
        if (leads(execution) && (reviewReason == ReviewReason.NO_RESPONSE || reviewReason == ReviewReason.REJECTED)) {
            STATE.set(caseExecution, CaseState.ESCALATED);
            RESPONSIBLE_AGENCY.set(caseExecution, Agency.POLICE);
        }
    }

    /**
     * A notice to the agency failed on its last retry: a supervisor reviews (reason NOTIFICATION_FAILED).
     * When the referral itself never reached the agency the case is escalated and stays with police; a
     * failed reminder or escalation notice leaves the referral where it is (its clocks still run).
     */
    public void notificationFailed(DelegateExecution execution, String notice) {
        PartnerReferralProcess.Variables.FAILED_NOTICE.set(execution, notice);
        review(execution, ReviewReason.NOTIFICATION_FAILED.name());
        if (REFERRAL_MADE.equals(notice) && leads(execution)) {
            DelegateExecution caseExecution = caseOf(execution);
            STATE.set(caseExecution, CaseState.ESCALATED);
            RESPONSIBLE_AGENCY.set(caseExecution, Agency.POLICE);
        }
    }

    private static final String REFERRAL_MADE = "REFERRAL_MADE";

    /** The partner accepted: from now on the person is theirs. */
    public void partnerAccepted(DelegateExecution execution) {
        PartnerReferralProcess.Variables.ACCEPTED_AT.set(execution, Date.from(clock.instant()));
        if (!leads(execution)) {
            return;
        }
        DelegateExecution caseExecution = caseOf(execution);
        STATE.set(caseExecution, CaseState.REFERRED);
        RESPONSIBLE_AGENCY.set(caseExecution, AGENCY.require(execution));
    }

    /** The referral ended; every result but completion gives the person back to police. */
    public void referralEnded(DelegateExecution execution, String result) {
        ReferralResult referralResult = ReferralResult.valueOf(result);
        PartnerReferralProcess.Variables.REFERRAL_RESULT.set(execution, referralResult);
        if (referralResult != ReferralResult.COMPLETED && leads(execution)) {
            RESPONSIBLE_AGENCY.set(caseOf(execution), Agency.POLICE);
        }
    }

    /** Police are sent after a referral; the grade never drops below what the case already has. */
    public void sendPolice(DelegateExecution execution, String grade) {
        ROUTE.set(execution, Route.POLICE_ATTEND);
        if (GRADE.get(execution) != Grade.IMMEDIATE) {
            GRADE.set(execution, Grade.valueOf(grade));
        }
    }

    /** A supervisor sent the referral to another agency. */
    public void reroute(DelegateExecution execution, Object agency) {
        AGENCY.set(execution, Agency.valueOf(String.valueOf(agency)));
    }

    /** After the hour, police left the place of safety on a recorded risk assessment: the person is health's. */
    public void policeWithdrew(DelegateExecution execution) {
        S136HandoverProcess.Variables.POLICE_WITHDREW_AT.set(execution, Date.from(clock.instant()));
        RESPONSIBLE_AGENCY.set(caseOf(execution), Agency.HOSPITAL);
    }

    /** Health accepted the s136 handover: the person is the hospital's, police leave. */
    public void handedOver(DelegateExecution execution) {
        S136HandoverProcess.Variables.HANDED_OVER_AT.set(execution, Date.from(clock.instant()));
        RESPONSIBLE_AGENCY.set(caseOf(execution), Agency.HOSPITAL);
    }

    public void closed(DelegateExecution execution) {
        if (!RcrpCallProcess.KEY.equals(keyOf(execution))) {
            return;
        }
        STATE.set(execution, CaseState.CLOSED);
        CLOSED_AT.set(execution, Date.from(clock.instant()));
    }

    /**
     * How a police attendance ended (flow_attended): NO_TRACE means nobody knows where the person is; any other outcome
     * means officers found them.
     */
    public void attended(DelegateExecution execution) {
        AttendOutcome outcome = RcrpCallProcess.Variables.ATTEND_OUTCOME.require(execution);
        RcrpCallProcess.Variables.ATTENDANCE_OPEN.set(caseOf(execution), false);
        whereabouts(execution, outcome == AttendOutcome.NO_TRACE, NotLocatedBy.POLICE);
    }

    /**
     * How a partner's work ended (flow_outcome_recorded): NO_CONTACT means the partner could not find the person, whether
     * it led or supported; any other outcome means it saw them.
     */
    public void partnerOutcome(DelegateExecution execution) {
        PartnerOutcome outcome = PartnerReferralProcess.Variables.PARTNER_OUTCOME.require(execution);
        whereabouts(execution, outcome == PartnerOutcome.NO_CONTACT,
                leads(execution) ? NotLocatedBy.LEAD_PARTNER : NotLocatedBy.SUPPORT_PARTNER);
        if (outcome == PartnerOutcome.NO_CONTACT && leads(execution)) {
            RcrpCallProcess.Variables.NOT_LOCATED_AGENCY.set(caseOf(execution), AGENCY.require(execution));
        }
    }

    /**
     * A supervisor's CHASE after the lead partner lost contact (flow_not_located_chase_partner): the same agency tries again,
     * even when a later triage left the case with no partner of its own.
     */
    public void chaseThePartnerAgain(DelegateExecution execution) {
        RcrpCallProcess.Variables.NOT_LOCATED_AGENCY.find(caseOf(execution)).ifPresent(agency -> AGENCY.set(execution, agency));
    }

    private static void whereabouts(DelegateExecution execution, boolean notLocated, NotLocatedBy by) {
        DelegateExecution caseExecution = caseOf(execution);
        RcrpCallProcess.Variables.PERSON_NOT_LOCATED.set(caseExecution, notLocated);
        if (notLocated) {
            RcrpCallProcess.Variables.NOT_LOCATED_BY.set(caseExecution, by);
        }
    }

    /**
     * The person was not located: police hold the case (state ESCALATED, with a supervisor, as a rejected or silent
     * referral is) in the phase NOT_LOCATED until someone finds them or a supervisor closes it with a recorded reason.
     */
    public void notLocated(DelegateExecution execution) {
        DelegateExecution caseExecution = caseOf(execution);
        RcrpCallProcess.Variables.PERSON_NOT_LOCATED.set(caseExecution, true);
        if (RcrpCallProcess.Variables.NOT_LOCATED_BY.get(caseExecution) == null) {
            RcrpCallProcess.Variables.NOT_LOCATED_BY.set(caseExecution, NotLocatedBy.POLICE);
        }
        enter(execution, Phase.NOT_LOCATED, CaseState.ESCALATED);
    }

    private void enter(DelegateExecution execution, Phase phase, CaseState state) {
        DelegateExecution caseExecution = caseOf(execution);
        PHASE.set(caseExecution, phase);
        STATE.set(caseExecution, state);
        RESPONSIBLE_AGENCY.set(caseExecution, Agency.POLICE);
    }

    /** The process instance of the case, however deep in call activities this execution runs. */
    static DelegateExecution caseOf(DelegateExecution execution) {
        DelegateExecution instance = execution.getProcessInstance();
        while (instance.getSuperExecution() != null) {
            instance = instance.getSuperExecution().getProcessInstance();
        }
        return instance;
    }

    private static String keyOf(DelegateExecution execution) {
        String definitionId = execution.getProcessDefinitionId();
        return definitionId == null ? null : definitionId.substring(0, definitionId.indexOf(':'));
    }
}
