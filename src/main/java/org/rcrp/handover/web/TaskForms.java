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
import org.rcrp.handover.process.SupervisorAction;
import org.rcrp.handover.process.S136HandoverProcess;
import org.rcrp.handover.process.Whereabouts;

/** The questions each task's page asks; the answers bind to the task's typed body (README, The API in five calls). */
final class TaskForms {

    enum Kind { RADIO, SELECT, TEXT, DATETIME }

    /**
     * A question of a task's form; {@code options} in words from the catalogue (value, label, hint), {@code missing}
     * what the page says when it is not answered (GOV.UK style: "Select …", "Enter …").
     */
    record Field(String name, String label, Kind kind, List<Labels.Option> options, String missing) {

        /** The field in the words of its error messages ("the agreed handover time"). */
        FieldMessages.Words words() {
            return new FieldMessages.Words(inSentence(label.replaceAll("\\s*\\([^)]*\\)\\s*$", "").replaceAll("\\?$", "")), missing);
        }

        /** An answer's words: the option's label (a choice not offered now in words too), or the answer as typed. */
        String answerInWords(String value) {
            return options.stream().filter(option -> option.value().equals(value)).map(Labels.Option::label).findFirst()
                    .orElse(kind == Kind.RADIO || kind == Kind.SELECT ? WORDS.of(value) : value);
        }
    }

    record Form(String title, List<Field> fields) {

        /** Each field in the words of its error messages, for {@link FieldMessages}. */
        Map<String, FieldMessages.Words> words() {
            Map<String, FieldMessages.Words> words = new java.util.LinkedHashMap<>();
            fields.forEach(field -> words.put(field.name(), field.words()));
            return words;
        }
    }

    private static final Labels WORDS = new Labels();
    private static final List<Labels.Option> YES_NO = List.of(new Labels.Option("true", "Yes", null),
            new Labels.Option("false", "No", null));

    private TaskForms() {
    }

    /** The form of a task; {@code referable}: the agencies this force refers to, the choices where a person picks one. */
    static Form of(String key, Map<String, Object> taskVariables, List<Agency> referable) {
        return switch (key) {
            case RcrpCallProcess.Elements.USER_INFORM_CALLER -> new Form("Tell the caller who will help", List.of(
                    radio("method", "How was the caller told who will help, and to call back if things change?", InformMethod.values(),
                            "Select how the caller was told"),
                    text("note", "What was said (required when the caller could not be reached)",
                            "Enter what was said, or what you tried when the caller could not be reached")));
            case RcrpCallProcess.Elements.USER_ATTEND -> new Form("Record the attendance", List.of(
                    radio("outcome", "How did the attendance end?", AttendOutcome.values(), "Select how the attendance ended"),
                    select("agency", "Agency (when referring on)", referable, "Select the agency to refer to"),
                    text("note", "Note", "Enter a note")));
            case PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL -> new Form("Accept or reject the referral", List.of(
                    radio("decision", "Will your agency take this person on?", ReferralDecision.values(),
                            "Select accept if your agency will take this person on"),
                    select("reasonCode", "Reason (required to reject)", List.of(RejectionReason.values()),
                            "Select the reason for rejecting the referral"),
                    text("note", "Note (required when the reason is another reason)", "Enter the reason for rejecting the referral")));
            case PartnerReferralProcess.Elements.USER_RECORD_PARTNER_OUTCOME -> new Form("Record your outcome", List.of(
                    radio("outcome", "What happened?", PartnerOutcome.values(), "Select what happened"),
                    text("note", "Note (required when passing back to police)", "Enter why you are passing the person back to police")));
            case RcrpCallProcess.Elements.USER_SUPERVISOR_REVIEW -> {
                ReviewReason reason = RcrpCallProcess.Variables.TASK_REASON.from(taskVariables);
                List<SupervisorAction> actions = reason == null ? List.of() : reason.allowedActions().stream().sorted().toList();
                String title = reason == null ? "Supervisor review" : "Supervisor review — " + inSentence(WORDS.of(reason));
                if (reason == ReviewReason.NOT_LOCATED) {
                    yield new Form(title, List.of(
                            new Field("action", "What do you decide?", Kind.RADIO, WORDS.options(actions), "Select what you decide"),
                            radio("whereabouts", "Whereabouts (required to close)", Whereabouts.values(),
                                    "Select the person's whereabouts to close the case"),
                            text("note", "Your decision and why (recorded)", "Enter your decision and why")));
                }
                List<Field> fields = new java.util.ArrayList<>(List.of(
                        new Field("action", "What do you decide?", Kind.RADIO, WORDS.options(actions), "Select what you decide"),
                        select("agency", "Agency (when referring to another agency)", referable, "Select the agency to refer to"),
                        text("note", "Your decision and why (recorded)", "Enter your decision and why")));
                if (reason == ReviewReason.REJECTED) {
                    fields.add(new Field("contest", "Do police contest the rejection? (asks the duty inspector and the agency's"
                            + " on-call manager; what you decide above happens now)", Kind.RADIO, YES_NO,
                            "Select yes if police contest the rejection"));
                }
                if (reason != null && reason.allows(SupervisorAction.WITHDRAW)) {
                    fields.add(text("riskAssessment", "Risk assessment of police leaving (only when withdrawing police, and required then)",
                            "Enter the risk assessment of police leaving"));
                }
                yield new Form(title, fields);
            }
            case RcrpCallProcess.Elements.USER_MISSING_PERSON_ASSESSMENT -> new Form("Missing-person risk assessment", List.of(
                    radio("riskLevel", "Risk level (College of Policing missing-persons grading)", MissingPersonRisk.values(),
                            "Select the risk level"),
                    new Field("located", "Has the person been located?", Kind.RADIO, YES_NO, "Select yes if the person has been located"),
                    text("note", "Your assessment and why (recorded)", "Enter your assessment and why")));
            case S136HandoverProcess.Elements.USER_ACCEPT_HANDOVER -> new Form("Accept the s136 handover", List.of(
                    radio("decision", "Do you take the person over now, or agree a later time with police?", HandoverDecision.values(),
                            "Select whether you take the person over now or agree a later time"),
                    dateTime("until", "Agreed handover time (required to agree a later time)", "Enter the agreed handover time"),
                    text("agreedWithPolice", "Police officer or supervisor who agreed the delay (required to agree a later time)",
                            "Enter the police officer or supervisor who agreed the later time"),
                    text("note", "Note (required to agree a later time: why)", "Enter why the handover is later")));
            case S136HandoverProcess.Elements.USER_RECORD_ARRIVAL -> new Form("Record the arrival at the place of safety", List.of(
                    dateTime("arrivedAt", "When did the person arrive at the place of safety?", "Enter when the person arrived"),
                    radio("placeOfSafety", "Which place of safety?", PlaceOfSafety.values(), "Select the place of safety"),
                    radio("conveyance", "How was the person conveyed?", Conveyance.values(), "Select how the person was conveyed"),
                    text("conveyanceReason", "Why not by ambulance (required when not conveyed by ambulance)",
                            "Enter why the person was not conveyed by ambulance"),
                    dateTime("detainedAt", "When was the person detained (if not recorded yet)?", "Enter when the person was detained"),
                    text("note", "Note", "Enter a note")));
            case S136HandoverProcess.Elements.USER_COMPLETE_ASSESSMENT -> new Form("Record the end of the assessment", List.of(
                    radio("outcome", "How did the assessment end?", AssessmentOutcome.values(), "Select how the assessment ended"),
                    dateTime("endedAt", "When did it end (leave empty for now)?", "Enter when the assessment ended"),
                    text("note", "Note", "Enter a note")));
            case org.rcrp.handover.process.QualityReviewProcess.Elements.USER_QUALITY_REVIEW -> new Form(
                    "Quality review: " + WORDS.of(org.rcrp.handover.process.QualityReviewProcess.Variables.SAMPLE_REASON
                            .from(taskVariables)).toLowerCase(java.util.Locale.UK),
                    List.of(radio("verdict", "Do you agree with the decision on this case?",
                                    org.rcrp.handover.process.QualityVerdict.values(), "Select whether you agree with the decision"),
                            text("learningNote", "Learning note (required when you disagree)", "Enter the learning note")));
            case InteragencyDisputeProcess.Elements.USER_DISPUTE_POLICE_POSITION -> new Form("Police position on a disputed rejection",
                    List.of(radio("position", "What should have happened?", DisputePosition.values(), "Select what should have happened"),
                            text("note", "Why (recorded)", "Enter why")));
            case InteragencyDisputeProcess.Elements.USER_DISPUTE_PARTNER_POSITION -> new Form("Your agency's position on a disputed rejection",
                    List.of(radio("position", "What should have happened?", DisputePosition.values(), "Select what should have happened"),
                            text("note", "Why (recorded)", "Enter why")));
            default -> throw new IllegalArgumentException("No page for task " + key);
        };
    }

    private static Field radio(String name, String label, Enum<?>[] values, String missing) {
        return new Field(name, label, Kind.RADIO, WORDS.options(Arrays.asList(values)), missing);
    }

    private static Field select(String name, String label, List<? extends Enum<?>> options, String missing) {
        return new Field(name, label, Kind.SELECT, WORDS.options(options), missing);
    }

    private static Field dateTime(String name, String label, String missing) {
        return new Field(name, label, Kind.DATETIME, List.of(), missing);
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

    private static Field text(String name, String label, String missing) {
        return new Field(name, label, Kind.TEXT, List.of(), missing);
    }

    /** "When did it end" → "when did it end"; "Police officer …" stays as it is. */
    private static String inSentence(String label) {
        return label.length() > 1 && Character.isLowerCase(label.charAt(1))
                ? Character.toLowerCase(label.charAt(0)) + label.substring(1) : label;
    }
}
