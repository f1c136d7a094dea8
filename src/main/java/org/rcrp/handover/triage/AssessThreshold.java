package org.rcrp.handover.triage;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.CHILD_AT_RISK;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.CRIME;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.MEDICAL_EMERGENCY;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.MISSING_PERSON;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.OVERRIDE_AGENCY;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.OVERRIDE_GRADE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.OVERRIDE_ROUTE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.RISK_TO_LIFE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.SERIOUS_HARM;
import static org.rcrp.handover.process.TaskCompletion.maxLength;
import static org.rcrp.handover.process.TaskCompletion.require;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.Grade;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.Route;
import org.rcrp.handover.process.TaskCompletion;
import org.rcrp.handover.process.TextLimits;

/**
 * Body of user_assess_threshold: the threshold questions, the handler's rationale and an optional override, and how many
 * pieces of new information the handler had seen ({@code seenUpdates}, optional: the web form always sends it).
 */
public record AssessThreshold(Boolean crime, Boolean riskToLife, Boolean seriousHarm, Boolean childAtRisk,
                              Boolean medicalEmergency, Boolean missingPerson, String rationale,
                              OverrideChoice override, Integer seenUpdates) implements TaskCompletion {

    /** The answers without saying what was seen (then new information since the task was claimed is refused). */
    public AssessThreshold(Boolean crime, Boolean riskToLife, Boolean seriousHarm, Boolean childAtRisk, Boolean medicalEmergency,
                           Boolean missingPerson, String rationale, OverrideChoice override) {
        this(crime, riskToLife, seriousHarm, childAtRisk, medicalEmergency, missingPerson, rationale, override, null);
    }

    /** The handler's choice against the recommendation; {@code grade} only for police attendance. */
    public record OverrideChoice(Route route, Agency agency, Grade grade, String reason) {
    }

    public static AssessThreshold answers(boolean crime, boolean riskToLife, boolean seriousHarm, boolean childAtRisk,
                                          boolean medicalEmergency, boolean missingPerson, String rationale) {
        return new AssessThreshold(crime, riskToLife, seriousHarm, childAtRisk, medicalEmergency, missingPerson,
                rationale, null);
    }

    public AssessThreshold withOverride(Route route, Agency agency, String reason) {
        return new AssessThreshold(crime, riskToLife, seriousHarm, childAtRisk, medicalEmergency, missingPerson,
                rationale, new OverrideChoice(route, agency, null, reason), seenUpdates);
    }

    @Override
    public String taskKey() {
        return RcrpCallProcess.Elements.USER_ASSESS_THRESHOLD;
    }

    @Override
    public List<FieldError> validate(Map<String, Object> taskVariables) {
        List<FieldError> errors = new ArrayList<>();
        require(errors, crime, "crime");
        require(errors, riskToLife, "riskToLife");
        require(errors, seriousHarm, "seriousHarm");
        require(errors, childAtRisk, "childAtRisk");
        require(errors, medicalEmergency, "medicalEmergency");
        require(errors, missingPerson, "missingPerson");
        require(errors, rationale, "rationale");
        maxLength(errors, rationale, "rationale", TextLimits.RATIONALE);
        if (seenUpdates != null && seenUpdates < 0) {
            errors.add(new FieldError("seenUpdates", "must be 0 or more"));
        }
        if (override != null) {
            maxLength(errors, override.reason(), "override.reason", TextLimits.REASON);
            errors.addAll(TriagePolicy.check(
                    new TriagePolicy.Override(override.route(), override.agency(), override.grade(), override.reason()),
                    RaisedRisk.Raised.RISK_TO_LIFE.counted(riskToLife, taskVariables),
                    RaisedRisk.Raised.SERIOUS_HARM.counted(seriousHarm, taskVariables)));
        }
        return errors;
    }

    /** Triage decides who attends: it is refused when new information arrived after what the handler saw. */
    @Override
    public boolean decidesOnEverythingKnown() {
        return true;
    }

    @Override
    public String summary() {
        List<String> met = new ArrayList<>();
        if (Boolean.TRUE.equals(riskToLife)) met.add("risk to life");
        if (Boolean.TRUE.equals(seriousHarm)) met.add("serious harm");
        if (Boolean.TRUE.equals(childAtRisk)) met.add("child at risk");
        if (Boolean.TRUE.equals(crime)) met.add("crime");
        if (Boolean.TRUE.equals(missingPerson)) met.add("missing person");
        if (Boolean.TRUE.equals(medicalEmergency)) met.add("medical emergency");
        String text = "Assessed: " + (met.isEmpty() ? "no threshold met" : String.join(", ", met)) + ". Rationale: "
                + (rationale == null ? null : rationale.strip());
        return override == null ? text : text + ". Override to " + override.route()
                + (override.agency() == null ? "" : " " + override.agency()) + (override.grade() == null ? "" : " " + override.grade());
    }

    /** The override's reason (the handler's rationale is in the summary); null without an override. */
    @Override
    public String note() {
        return override == null || override.reason() == null ? null : override.reason().strip();
    }

    /**
     * Transient: rule_threshold and service_apply_triage read them in this transaction; the journal keeps the answers.
     * The rationale and the override's reason are not passed at all: nothing in the models reads what a person wrote.
     * Risk raised by new information while triage was open is counted as yes ({@link RaisedRisk}).
     */
    @Override
    public Map<String, Object> variables(Map<String, Object> taskVariables) {
        Map<String, Object> variables = new HashMap<>();
        CRIME.putTransientInto(variables, taskVariables, RaisedRisk.Raised.CRIME.counted(crime, taskVariables));
        RISK_TO_LIFE.putTransientInto(variables, taskVariables, RaisedRisk.Raised.RISK_TO_LIFE.counted(riskToLife, taskVariables));
        SERIOUS_HARM.putTransientInto(variables, taskVariables, RaisedRisk.Raised.SERIOUS_HARM.counted(seriousHarm, taskVariables));
        CHILD_AT_RISK.putTransientInto(variables, taskVariables, childAtRisk);
        MEDICAL_EMERGENCY.putTransientInto(variables, taskVariables, medicalEmergency);
        MISSING_PERSON.putTransientInto(variables, taskVariables, missingPerson);
        OVERRIDE_ROUTE.putTransientInto(variables, taskVariables, override == null ? null : override.route());
        OVERRIDE_AGENCY.putTransientInto(variables, taskVariables, override == null ? null : override.agency());
        OVERRIDE_GRADE.putTransientInto(variables, taskVariables, override == null ? null : override.grade());
        return variables;
    }
}
