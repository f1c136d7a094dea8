package org.rcrp.handover.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.AssessmentOutcome;
import org.rcrp.handover.process.Conveyance;
import org.rcrp.handover.process.HandoverDecision;
import org.rcrp.handover.process.PlaceOfSafety;
import org.rcrp.handover.process.AttendOutcome;
import org.rcrp.handover.process.DisputePosition;
import org.rcrp.handover.process.InformMethod;
import org.rcrp.handover.process.MissingPersonRisk;
import org.rcrp.handover.process.InteragencyDisputeProcess;
import org.rcrp.handover.process.PartnerOutcome;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.ReferralDecision;
import org.rcrp.handover.process.RejectionReason;
import org.rcrp.handover.process.ReviewReason;
import org.rcrp.handover.process.S136HandoverProcess;
import org.rcrp.handover.process.Whereabouts;

/** The questions each task's page asks; the answers bind to the task's typed body (README, The API in five calls). */
final class TaskForms {

    enum Kind { RADIO, SELECT, TEXT, DATETIME }

    record Field(String name, String label, Kind kind, List<String> options) {
    }

    record Form(String title, List<Field> fields) {
    }

    private TaskForms() {
    }

    /** The form of a task; {@code referable}: the agencies this force refers to, the choices where a person picks one. */
    static Form of(String key, Map<String, Object> taskVariables, List<Agency> referable) {
        return switch (key) {
            case RcrpCallProcess.Elements.USER_INFORM_CALLER -> new Form("Tell the caller who will help", List.of(
                    radio("method", "How was the caller told who will help, and to call back if things change?", InformMethod.values()),
                    text("note", "What was said (required when the caller could not be reached)")));
            case RcrpCallProcess.Elements.USER_ATTEND -> new Form("Record the attendance", List.of(
                    radio("outcome", "How did the attendance end?", AttendOutcome.values()),
                    select("agency", "Agency (when referring on)", names(referable)),
                    text("note", "Note")));
            case PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL -> new Form("Accept or reject the referral", List.of(
                    radio("decision", "Will your agency take this person on?", ReferralDecision.values()),
                    select("reasonCode", "Reason (required to reject)", names(RejectionReason.values())),
                    text("note", "Note (required when the reason is OTHER)")));
            case PartnerReferralProcess.Elements.USER_RECORD_PARTNER_OUTCOME -> new Form("Record your outcome", List.of(
                    radio("outcome", "What happened?", PartnerOutcome.values()),
                    text("note", "Note (required when passing back to police)")));
            case RcrpCallProcess.Elements.USER_SUPERVISOR_REVIEW -> {
                ReviewReason reason = RcrpCallProcess.Variables.TASK_REASON.from(taskVariables);
                List<String> actions = reason == null ? List.of() : reason.allowedActions().stream().map(Enum::name).sorted().toList();
                if (reason == ReviewReason.NOT_LOCATED) {
                    yield new Form("Supervisor review: " + reason + " (person not located)", List.of(
                            new Field("action", "What do you decide?", Kind.RADIO, actions),
                            radio("whereabouts", "Whereabouts (required to close)", Whereabouts.values()),
                            text("note", "Your decision and why (recorded)")));
                }
                List<Field> fields = new java.util.ArrayList<>(List.of(
                        new Field("action", "What do you decide?", Kind.RADIO, actions),
                        select("agency", "Agency (when rerouting)", names(referable)),
                        text("note", "Your decision and why (recorded)")));
                if (reason == ReviewReason.REJECTED) {
                    fields.add(new Field("contest", "Do police contest the rejection? (asks the duty inspector and the agency's"
                            + " on-call manager; what you decide above happens now)", Kind.RADIO, List.of("true", "false")));
                }
                if (reason != null && reason.allows(org.rcrp.handover.process.SupervisorAction.WITHDRAW)) {
                    fields.add(text("riskAssessment", "Risk assessment of police leaving (only when withdrawing police, and required then)"));
                }
                yield new Form("Supervisor review: " + reason, fields);
            }
            case RcrpCallProcess.Elements.USER_MISSING_PERSON_ASSESSMENT -> new Form("Missing-person risk assessment", List.of(
                    radio("riskLevel", "Risk level (College of Policing missing-persons grading)", MissingPersonRisk.values()),
                    new Field("located", "Has the person been located?", Kind.RADIO, List.of("true", "false")),
                    text("note", "Your assessment and why (recorded)")));
            case S136HandoverProcess.Elements.USER_ACCEPT_HANDOVER -> new Form("Accept the s136 handover", List.of(
                    radio("decision", "Do you take the person over now, or agree a later time with police?", HandoverDecision.values()),
                    dateTime("until", "Agreed handover time (required for AGREE_DELAY)"),
                    text("agreedWithPolice", "Police officer or supervisor who agreed the delay (required for AGREE_DELAY)"),
                    text("note", "Note (required for AGREE_DELAY: why)")));
            case S136HandoverProcess.Elements.USER_RECORD_ARRIVAL -> new Form("Record the arrival at the place of safety", List.of(
                    dateTime("arrivedAt", "When did the person arrive at the place of safety?"),
                    radio("placeOfSafety", "Which place of safety?", PlaceOfSafety.values()),
                    radio("conveyance", "How was the person conveyed?", Conveyance.values()),
                    text("conveyanceReason", "Why not by ambulance (required for POLICE_VEHICLE or OTHER)"),
                    dateTime("detainedAt", "When was the person detained (if not recorded yet)?"),
                    text("note", "Note")));
            case S136HandoverProcess.Elements.USER_COMPLETE_ASSESSMENT -> new Form("Record the end of the assessment", List.of(
                    radio("outcome", "How did the assessment end?", AssessmentOutcome.values()),
                    dateTime("endedAt", "When did it end (leave empty for now)?"),
                    text("note", "Note")));
            case org.rcrp.handover.process.QualityReviewProcess.Elements.USER_QUALITY_REVIEW -> new Form(
                    "Quality review: " + org.rcrp.handover.process.QualityReviewProcess.Variables.SAMPLE_REASON.from(taskVariables),
                    List.of(radio("verdict", "Do you agree with the decision on this case?",
                                    org.rcrp.handover.process.QualityVerdict.values()),
                            text("learningNote", "Learning note (required when you disagree)")));
            case InteragencyDisputeProcess.Elements.USER_DISPUTE_POLICE_POSITION -> new Form("Police position on a disputed rejection",
                    List.of(radio("position", "What should have happened?", DisputePosition.values()),
                            text("note", "Why (recorded)")));
            case InteragencyDisputeProcess.Elements.USER_DISPUTE_PARTNER_POSITION -> new Form("Your agency's position on a disputed rejection",
                    List.of(radio("position", "What should have happened?", DisputePosition.values()),
                            text("note", "Why (recorded)")));
            default -> throw new IllegalArgumentException("No page for task " + key);
        };
    }

    private static Field radio(String name, String label, Enum<?>[] values) {
        return new Field(name, label, Kind.RADIO, names(values));
    }

    private static Field select(String name, String label, List<String> options) {
        return new Field(name, label, Kind.SELECT, options);
    }

    private static Field dateTime(String name, String label) {
        return new Field(name, label, Kind.DATETIME, List.of());
    }

    /**
     * An answer as the body takes it: a date and time from the page (the browser's local time, no zone) is the force's
     * local time; anything else as typed (a wrong value is then refused by the body, named by its field).
     */
    static Object answer(Field field, String typed, java.time.ZoneId zone) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        if (field.kind() == Kind.DATETIME) {
            try {
                return java.time.LocalDateTime.parse(typed).atZone(zone).toOffsetDateTime().toString();
            } catch (java.time.format.DateTimeParseException notLocal) {
                return typed;
            }
        }
        return typed;
    }

    private static Field text(String name, String label) {
        return new Field(name, label, Kind.TEXT, List.of());
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }
}
