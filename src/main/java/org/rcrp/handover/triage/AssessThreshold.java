package org.rcrp.handover.triage;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.CHILD_AT_RISK;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.CRIME;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.ENTRY_NEEDED;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.MEDICAL_EMERGENCY;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.MISSING_PERSON;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.OVERRIDE_ADD_AGENCIES;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.OVERRIDE_AGENCY;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.OVERRIDE_GRADE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.OVERRIDE_ROUTE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.RISK_TO_LIFE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.SERIOUS_HARM;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.WHEREABOUTS_KNOWN;
import static org.rcrp.handover.process.TaskCompletion.maxLength;
import static org.rcrp.handover.process.TaskCompletion.require;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.rcrp.handover.operations.EngineClock;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.Grade;
import org.rcrp.handover.process.PastTimes;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.Route;
import org.rcrp.handover.process.TaskCompletion;
import org.rcrp.handover.process.TextLimits;

/**
 * Body of user_assess_threshold: the six threshold questions, the handler's rationale and an optional override; how many
 * pieces of new information the handler had seen ({@code seenUpdates}; the web form always sends it); and, optional so
 * that earlier clients still complete, the questions asked of a concern for welfare (are the person's whereabouts known,
 * is a power of entry needed to reach them, when were they last seen — never in the future —, what has the caller already
 * done) and the THRIVE assessment of any call. The two yes/no answers reach the engine as transient variables, as the
 * threshold answers do; the rest is what a person wrote or said and is kept in the journal only ({@link #answers()}).
 */
public record AssessThreshold(Boolean crime, Boolean riskToLife, Boolean seriousHarm, Boolean childAtRisk,
                              Boolean medicalEmergency, Boolean missingPerson, String rationale,
                              OverrideChoice override, Integer seenUpdates, Boolean whereaboutsKnown, Boolean entryNeeded,
                              OffsetDateTime lastSeen, String callerActions, Thrive thrive) implements TaskCompletion {

    /** The threshold answers alone, without saying what was seen (then new information since the claim is refused). */
    public AssessThreshold(Boolean crime, Boolean riskToLife, Boolean seriousHarm, Boolean childAtRisk, Boolean medicalEmergency,
                           Boolean missingPerson, String rationale, OverrideChoice override) {
        this(crime, riskToLife, seriousHarm, childAtRisk, medicalEmergency, missingPerson, rationale, override, null,
                null, null, null, null, null);
    }

    /**
     * The handler's choice against the recommendation: the lead ({@code grade} only for police attendance) and agencies
     * to add beside it (e.g. an ambulance beside police); no agency the table put on the plan can be taken off it.
     */
    public record OverrideChoice(Route route, Agency agency, Grade grade, String reason, List<Agency> addAgencies) {

        public OverrideChoice {
            addAgencies = addAgencies == null ? List.of() : List.copyOf(addAgencies);
        }

        public OverrideChoice(Route route, Agency agency, Grade grade, String reason) {
            this(route, agency, grade, reason, List.of());
        }
    }

    /** The National Decision Model's THRIVE: a short text for each, any of them may be left out. */
    public record Thrive(String threat, String harm, String risk, String investigation, String vulnerability,
                         String engagement) {

        /** Each part by its name, in THRIVE's order. */
        public Map<String, String> parts() {
            Map<String, String> parts = new LinkedHashMap<>();
            parts.put("threat", threat);
            parts.put("harm", harm);
            parts.put("risk", risk);
            parts.put("investigation", investigation);
            parts.put("vulnerability", vulnerability);
            parts.put("engagement", engagement);
            return parts;
        }

        static Thrive of(Function<String, String> part) {
            Thrive thrive = new Thrive(part.apply("threat"), part.apply("harm"), part.apply("risk"), part.apply("investigation"),
                    part.apply("vulnerability"), part.apply("engagement"));
            return thrive.parts().values().stream().allMatch(text -> text == null) ? null : thrive;
        }
    }

    public static AssessThreshold answers(boolean crime, boolean riskToLife, boolean seriousHarm, boolean childAtRisk,
                                          boolean medicalEmergency, boolean missingPerson, String rationale) {
        return new AssessThreshold(crime, riskToLife, seriousHarm, childAtRisk, medicalEmergency, missingPerson,
                rationale, null);
    }

    public AssessThreshold withOverride(Route route, Agency agency, String reason) {
        return new AssessThreshold(crime, riskToLife, seriousHarm, childAtRisk, medicalEmergency, missingPerson, rationale,
                new OverrideChoice(route, agency, null, reason), seenUpdates, whereaboutsKnown, entryNeeded, lastSeen,
                callerActions, thrive);
    }

    /** The concern-for-welfare questions answered. */
    public AssessThreshold withWelfare(Boolean whereaboutsKnown, Boolean entryNeeded, OffsetDateTime lastSeen, String callerActions) {
        return new AssessThreshold(crime, riskToLife, seriousHarm, childAtRisk, medicalEmergency, missingPerson, rationale,
                override, seenUpdates, whereaboutsKnown, entryNeeded, lastSeen, callerActions, thrive);
    }

    public AssessThreshold withThrive(Thrive thrive) {
        return new AssessThreshold(crime, riskToLife, seriousHarm, childAtRisk, medicalEmergency, missingPerson, rationale,
                override, seenUpdates, whereaboutsKnown, entryNeeded, lastSeen, callerActions, thrive);
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
        PastTimes.check(errors, "lastSeen", lastSeen, EngineClock.INSTANCE.instant());
        maxLength(errors, callerActions, "callerActions", TextLimits.CALLER_ACTIONS);
        if (thrive != null) {
            thrive.parts().forEach((part, text) -> maxLength(errors, text, "thrive." + part, TextLimits.THRIVE));
        }
        if (override != null) {
            maxLength(errors, override.reason(), "override.reason", TextLimits.REASON);
            errors.addAll(TriagePolicy.check(
                    new TriagePolicy.Override(override.route(), override.agency(), override.grade(), override.reason(),
                            override.addAgencies()),
                    RaisedRisk.Raised.RISK_TO_LIFE.counted(riskToLife, taskVariables),
                    RaisedRisk.Raised.SERIOUS_HARM.counted(seriousHarm, taskVariables)));
        }
        return errors;
    }

    @Override
    public Map<String, Agency> referredTo() {
        Map<String, Agency> referred = new LinkedHashMap<>();
        if (override != null && override.route() == Route.REFER && override.agency() != null) {
            referred.put("override.agency", override.agency());
        }
        if (override != null) {
            for (int i = 0; i < override.addAgencies().size(); i++) {
                if (override.addAgencies().get(i) != null) {
                    referred.put("override.addAgencies[" + i + "]", override.addAgencies().get(i));
                }
            }
        }
        return referred;
    }

    /** Triage decides who attends: it is refused when new information arrived after what the handler saw. */
    @Override
    public boolean decidesOnEverythingKnown() {
        return true;
    }

    /** The threshold answers, the welfare answers given (yes/no and when last seen: never what anyone wrote), the rationale. */
    @Override
    public String summary() {
        List<String> met = new ArrayList<>();
        if (Boolean.TRUE.equals(riskToLife)) met.add("risk to life");
        if (Boolean.TRUE.equals(seriousHarm)) met.add("serious harm");
        if (Boolean.TRUE.equals(childAtRisk)) met.add("child at risk");
        if (Boolean.TRUE.equals(crime)) met.add("crime");
        if (Boolean.TRUE.equals(missingPerson)) met.add("missing person");
        if (Boolean.TRUE.equals(medicalEmergency)) met.add("medical emergency");
        String text = "Assessed: " + (met.isEmpty() ? "no threshold met" : String.join(", ", met)) + "."
                + (whereaboutsKnown == null ? "" : " Whereabouts known: " + yesNo(whereaboutsKnown) + ".")
                + (entryNeeded == null ? "" : " Entry needed: " + yesNo(entryNeeded) + ".")
                + (lastSeen == null ? "" : " Last seen: " + lastSeen.toInstant() + ".")
                + " Rationale: " + (rationale == null ? null : rationale.strip());
        return override == null ? text : text + ". Override to " + override.route()
                + (override.agency() == null ? "" : " " + override.agency()) + (override.grade() == null ? "" : " " + override.grade());
    }

    /** The override's reason (the handler's rationale is in the summary); null without an override. */
    @Override
    public String note() {
        return override == null || override.reason() == null ? null : override.reason().strip();
    }

    /**
     * Every question answered, for the journal beside the completion (read back by {@link #fromAnswers}): the threshold
     * answers, the welfare answers, when last seen (an instant), and the texts, stripped. Not the rationale (the entry's
     * detail) nor the override (its reason is the entry's note).
     */
    @Override
    public Map<String, String> answers() {
        Map<String, String> answers = new LinkedHashMap<>();
        put(answers, "crime", crime);
        put(answers, "riskToLife", riskToLife);
        put(answers, "seriousHarm", seriousHarm);
        put(answers, "childAtRisk", childAtRisk);
        put(answers, "medicalEmergency", medicalEmergency);
        put(answers, "missingPerson", missingPerson);
        put(answers, "whereaboutsKnown", whereaboutsKnown);
        put(answers, "entryNeeded", entryNeeded);
        put(answers, "lastSeen", lastSeen == null ? null : lastSeen.toInstant());
        put(answers, "callerActions", callerActions);
        if (thrive != null) {
            thrive.parts().forEach((part, text) -> put(answers, "thrive." + part, text));
        }
        return answers;
    }

    /** The answers as {@link #answers()} kept them (no rationale, override or seenUpdates). */
    public static AssessThreshold fromAnswers(Map<String, String> answers) {
        Function<String, Boolean> yes = question -> answers.get(question) == null ? null : Boolean.valueOf(answers.get(question));
        return new AssessThreshold(yes.apply("crime"), yes.apply("riskToLife"), yes.apply("seriousHarm"),
                yes.apply("childAtRisk"), yes.apply("medicalEmergency"), yes.apply("missingPerson"), null, null, null,
                yes.apply("whereaboutsKnown"), yes.apply("entryNeeded"),
                answers.get("lastSeen") == null ? null : OffsetDateTime.parse(answers.get("lastSeen")).withOffsetSameInstant(ZoneOffset.UTC),
                answers.get("callerActions"), Thrive.of(part -> answers.get("thrive." + part)));
    }

    /**
     * Transient: rule_threshold and service_apply_triage read them in this transaction; the journal keeps the answers.
     * The rationale, the override's reason and the other texts are not passed at all: nothing in the models reads what a
     * person wrote. Risk raised by new information while triage was open is counted as yes ({@link RaisedRisk}).
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
        WHEREABOUTS_KNOWN.putTransientInto(variables, taskVariables, whereaboutsKnown);
        ENTRY_NEEDED.putTransientInto(variables, taskVariables, entryNeeded);
        OVERRIDE_ROUTE.putTransientInto(variables, taskVariables, override == null ? null : override.route());
        OVERRIDE_AGENCY.putTransientInto(variables, taskVariables, override == null ? null : override.agency());
        OVERRIDE_GRADE.putTransientInto(variables, taskVariables, override == null ? null : override.grade());
        OVERRIDE_ADD_AGENCIES.putTransientInto(variables, taskVariables, override == null || override.addAgencies().isEmpty()
                ? null : String.join(",", override.addAgencies().stream().map(Agency::name).toList()));
        return variables;
    }

    private static String yesNo(boolean answer) {
        return answer ? "yes" : "no";
    }

    private static void put(Map<String, String> answers, String question, Object answer) {
        if (answer != null && !(answer instanceof String text && text.isBlank())) {
            answers.put(question, answer instanceof String text ? text.strip() : answer.toString());
        }
    }
}
