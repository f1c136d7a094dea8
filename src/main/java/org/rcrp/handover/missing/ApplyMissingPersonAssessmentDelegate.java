package org.rcrp.handover.missing;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.GRADE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.MISSING_PERSON_LOCATED;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.MISSING_PERSON_NEXT;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.MISSING_PERSON_RISK;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.PERSON_NOT_LOCATED;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.ROUTE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.rcrp.handover.journal.DecisionLog;
import org.rcrp.handover.process.Grade;
import org.rcrp.handover.process.Groups;
import org.rcrp.handover.process.MissingPersonNext;
import org.rcrp.handover.process.MissingPersonRisk;
import org.rcrp.handover.process.Route;
import org.springframework.stereotype.Component;

/**
 * service_apply_missing_person_assessment: turns the risk grading and whether the person is located into where the case
 * goes ({@link MissingPersonNext}). Medium or high risk sends police at the grade the risk asks for (never lowering an
 * immediate grade); located at low or no apparent risk may end; otherwise back to the supervisor, the case still open.
 */
@Component("applyMissingPersonAssessmentDelegate")
public class ApplyMissingPersonAssessmentDelegate implements JavaDelegate {

    public static final String EVENT = "MISSING_PERSON_ASSESSED";

    private final DecisionLog journal;

    public ApplyMissingPersonAssessmentDelegate(DecisionLog journal) {
        this.journal = journal;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MissingPersonRisk risk = MISSING_PERSON_RISK.require(execution);
        boolean located = MISSING_PERSON_LOCATED.isTrue(execution);
        MissingPersonNext next = MissingPersonNext.of(risk, located);
        MISSING_PERSON_NEXT.set(execution, next);
        if (located) {
            PERSON_NOT_LOCATED.set(execution, false);
        }
        if (next == MissingPersonNext.ATTEND) {
            ROUTE.set(execution, Route.POLICE_ATTEND);
            if (GRADE.get(execution) != Grade.IMMEDIATE) {
                GRADE.set(execution, risk.attendanceGrade());
            }
        }
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        journal.record(execution.getProcessBusinessKey(), EVENT, user == null ? "system" : user.getUserId(), Groups.POLICE_SUPERVISORS,
                "Missing-person risk " + risk + ", " + (located ? "located" : "not located") + ": " + switch (next) {
                    case ATTEND -> "police attend at the " + GRADE.get(execution) + " grade.";
                    case LOCATED -> "the person is found; the case may close.";
                    case REVIEW -> "the missing-person investigation stays open with the supervisor.";
                });
    }
}
