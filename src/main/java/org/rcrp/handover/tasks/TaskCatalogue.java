package org.rcrp.handover.tasks;

import static org.rcrp.handover.tasks.UserTask.Figures.ASSESSMENT_ENDED;
import static org.rcrp.handover.tasks.UserTask.Figures.CALLER_INFORMED;
import static org.rcrp.handover.tasks.UserTask.Figures.ESCALATION;
import static org.rcrp.handover.tasks.UserTask.Figures.HANDOVER_ANSWERED;
import static org.rcrp.handover.tasks.UserTask.Figures.NONE;
import static org.rcrp.handover.tasks.UserTask.Figures.PARTNER_OUTCOME;
import static org.rcrp.handover.tasks.UserTask.Figures.POLICE_DEPLOYED;
import static org.rcrp.handover.tasks.UserTask.Figures.REFERRAL_ANSWERED;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.rcrp.handover.assurance.QualityReview;
import org.rcrp.handover.attendance.Attend;
import org.rcrp.handover.dispute.DisputePartnerPosition;
import org.rcrp.handover.dispute.DisputePolicePosition;
import org.rcrp.handover.s136.AcceptHandover;
import org.rcrp.handover.s136.CompleteAssessment;
import org.rcrp.handover.s136.RecordArrival;
import org.rcrp.handover.missing.MissingPersonAssessment;
import org.rcrp.handover.process.AssessmentOutcome;
import org.rcrp.handover.process.AttendOutcome;
import org.rcrp.handover.process.Conveyance;
import org.rcrp.handover.process.DisputePosition;
import org.rcrp.handover.process.HandoverDecision;
import org.rcrp.handover.process.InformMethod;
import org.rcrp.handover.process.InteragencyDisputeProcess;
import org.rcrp.handover.process.LabelCatalogue;
import org.rcrp.handover.process.MissingPersonRisk;
import org.rcrp.handover.process.PartnerOutcome;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.PlaceOfSafety;
import org.rcrp.handover.process.QualityReviewProcess;
import org.rcrp.handover.process.QualityVerdict;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.ReferralDecision;
import org.rcrp.handover.process.RejectionReason;
import org.rcrp.handover.process.ReviewReason;
import org.rcrp.handover.process.S136HandoverProcess;
import org.rcrp.handover.process.SupervisorAction;
import org.rcrp.handover.process.TaskCompletion;
import org.rcrp.handover.process.Whereabouts;
import org.rcrp.handover.referral.AcceptReferral;
import org.rcrp.handover.referral.RecordPartnerOutcome;
import org.rcrp.handover.referral.SupervisorReview;
import org.rcrp.handover.tasks.UserTask.Choices;
import org.rcrp.handover.tasks.UserTask.Kind;
import org.rcrp.handover.tasks.UserTask.Page;
import org.rcrp.handover.tasks.UserTask.Question;
import org.rcrp.handover.triage.AssessThreshold;
import org.rcrp.handover.triage.InformCaller;

/**
 * Every user task of the models, once (docs/processes.md, Adding a user task). The API's body binding (inbox's
 * TaskBodies), its OpenAPI {@code oneOf}, the task pages' questions (web's TaskForms) and the figures' hooks (metrics'
 * FiguresListeners) are all read from here; TaskCatalogueTest holds it to the BPMN and to the body records.
 */
public final class TaskCatalogue {

    private static final String CALL = RcrpCallProcess.KEY;
    private static final String REFERRAL = PartnerReferralProcess.KEY;
    private static final String S136 = S136HandoverProcess.KEY;
    private static final String POLICE_SUPERVISORS = "police-supervisors";
    private static final String PARTNER_OF_THE_REFERRAL = "${agencies.candidateGroup(agency)}";

    /** In the order of the API's {@code oneOf}. */
    public static final List<UserTask> TASKS = List.of(
            new UserTask(RcrpCallProcess.Elements.USER_ASSESS_THRESHOLD, Map.of(CALL, "call-handlers"),
                    AssessThreshold.class, Page.TRIAGE, title("Triage"), List.of(), NONE),
            task(RcrpCallProcess.Elements.USER_INFORM_CALLER, Map.of(CALL, "call-handlers"), InformCaller.class,
                    "Tell the caller who will help", CALLER_INFORMED,
                    radio("method", "How was the caller told who will help, and to call back if things change?", InformMethod.class,
                            "Select how the caller was told"),
                    text("note", "What was said (required when the caller could not be reached)",
                            "Enter what was said, or what you tried when the caller could not be reached")),
            task(RcrpCallProcess.Elements.USER_ATTEND, Map.of(CALL, "response-officers"), Attend.class,
                    "Record the attendance", POLICE_DEPLOYED,
                    radio("outcome", "How did the attendance end?", AttendOutcome.class, "Select how the attendance ended"),
                    referable("agency", "Agency (when referring on)", "Select the agency to refer to"),
                    text("note", "Note", "Enter a note")),
            task(PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL, Map.of(REFERRAL, PARTNER_OF_THE_REFERRAL), AcceptReferral.class,
                    "Accept or reject the referral", REFERRAL_ANSWERED,
                    radio("decision", "Will your agency take this person on?", ReferralDecision.class,
                            "Select accept if your agency will take this person on"),
                    select("reasonCode", "Reason (required to reject)", RejectionReason.class,
                            "Select the reason for rejecting the referral"),
                    text("note", "Note (required when the reason is another reason)", "Enter the reason for rejecting the referral")),
            task(PartnerReferralProcess.Elements.USER_RECORD_PARTNER_OUTCOME, Map.of(REFERRAL, PARTNER_OF_THE_REFERRAL),
                    RecordPartnerOutcome.class, "Record your outcome", PARTNER_OUTCOME,
                    radio("outcome", "What happened?", PartnerOutcome.class, "Select what happened"),
                    text("note", "Note (required when passing back to police)", "Enter why you are passing the person back to police")),
            new UserTask(RcrpCallProcess.Elements.USER_SUPERVISOR_REVIEW,
                    Map.of(CALL, POLICE_SUPERVISORS, REFERRAL, POLICE_SUPERVISORS, S136, POLICE_SUPERVISORS),
                    SupervisorReview.class, Page.TASK, variables -> Optional.ofNullable(reason(variables))
                            .map(reason -> "Supervisor review — " + inSentence(LabelCatalogue.label(reason))).orElse("Supervisor review"),
                    List.of(new Question("action", "What do you decide?", Kind.RADIO, new Choices(SupervisorAction.class,
                                    (variables, referable) -> Optional.ofNullable(reason(variables))
                                            .map(reason -> reason.allowedActions().stream().sorted().toList()).orElse(List.of())),
                                    "Select what you decide", variables -> true),
                            radio("whereabouts", "Whereabouts (required to close)", Whereabouts.class,
                                    "Select the person's whereabouts to close the case")
                                    .when(variables -> reason(variables) == ReviewReason.NOT_LOCATED),
                            referable("agency", "Agency (when referring to another agency)", "Select the agency to refer to")
                                    .when(variables -> reason(variables) != ReviewReason.NOT_LOCATED),
                            text("note", "Your decision and why (recorded)", "Enter your decision and why"),
                            yesNo("contest", "Do police contest the rejection? (asks the duty inspector and the agency's"
                                    + " on-call manager; what you decide above happens now)", "Select yes if police contest the rejection")
                                    .when(variables -> reason(variables) == ReviewReason.REJECTED),
                            text("riskAssessment", "Risk assessment of police leaving (only when withdrawing police, and required then)",
                                    "Enter the risk assessment of police leaving")
                                    .when(variables -> reason(variables) != null && reason(variables) != ReviewReason.NOT_LOCATED
                                            && reason(variables).allows(SupervisorAction.WITHDRAW))),
                    ESCALATION),
            task(S136HandoverProcess.Elements.USER_ACCEPT_HANDOVER, Map.of(S136, "hospital-liaison"), AcceptHandover.class,
                    "Accept the s136 handover", HANDOVER_ANSWERED,
                    radio("decision", "Do you take the person over now, or agree a later time with police?", HandoverDecision.class,
                            "Select whether you take the person over now or agree a later time"),
                    dateTime("until", "Agreed handover time (required to agree a later time)", "Enter the agreed handover time"),
                    text("agreedWithPolice", "Police officer or supervisor who agreed the delay (required to agree a later time)",
                            "Enter the police officer or supervisor who agreed the later time"),
                    text("note", "Note (required to agree a later time: why)", "Enter why the handover is later")),
            task(RcrpCallProcess.Elements.USER_MISSING_PERSON_ASSESSMENT, Map.of(CALL, POLICE_SUPERVISORS),
                    MissingPersonAssessment.class, "Missing-person risk assessment", NONE,
                    radio("riskLevel", "Risk level (College of Policing missing-persons grading)", MissingPersonRisk.class,
                            "Select the risk level"),
                    yesNo("located", "Has the person been located?", "Select yes if the person has been located"),
                    text("note", "Your assessment and why (recorded)", "Enter your assessment and why")),
            new UserTask(QualityReviewProcess.Elements.USER_QUALITY_REVIEW, Map.of(QualityReviewProcess.KEY, "police-supervisors,managers"),
                    QualityReview.class, Page.TASK, variables -> "Quality review: " + words(
                            QualityReviewProcess.Variables.SAMPLE_REASON.from(variables)).toLowerCase(Locale.UK),
                    List.of(radio("verdict", "Do you agree with the decision on this case?", QualityVerdict.class,
                                    "Select whether you agree with the decision"),
                            text("learningNote", "Learning note (required when you disagree)", "Enter the learning note")),
                    NONE),
            task(InteragencyDisputeProcess.Elements.USER_DISPUTE_POLICE_POSITION,
                    Map.of(InteragencyDisputeProcess.KEY, "${disputeTiers.policeGroup(disputeTier)}"), DisputePolicePosition.class,
                    "Police position on a disputed rejection", NONE,
                    radio("position", "What should have happened?", DisputePosition.class, "Select what should have happened"),
                    text("note", "Why (recorded)", "Enter why")),
            task(InteragencyDisputeProcess.Elements.USER_DISPUTE_PARTNER_POSITION,
                    Map.of(InteragencyDisputeProcess.KEY, "${disputeTiers.partnerGroup(agency, disputeTier)}"),
                    DisputePartnerPosition.class, "Your agency's position on a disputed rejection", NONE,
                    radio("position", "What should have happened?", DisputePosition.class, "Select what should have happened"),
                    text("note", "Why (recorded)", "Enter why")),
            task(S136HandoverProcess.Elements.USER_RECORD_ARRIVAL, Map.of(S136, "response-officers"), RecordArrival.class,
                    "Record the arrival at the place of safety", NONE,
                    dateTime("arrivedAt", "When did the person arrive at the place of safety?", "Enter when the person arrived"),
                    radio("placeOfSafety", "Which place of safety?", PlaceOfSafety.class, "Select the place of safety"),
                    radio("conveyance", "How was the person conveyed?", Conveyance.class, "Select how the person was conveyed"),
                    text("conveyanceReason", "Why not by ambulance (required when not conveyed by ambulance)",
                            "Enter why the person was not conveyed by ambulance"),
                    dateTime("detainedAt", "When was the person detained (if not recorded yet)?", "Enter when the person was detained"),
                    text("note", "Note", "Enter a note")),
            task(S136HandoverProcess.Elements.USER_COMPLETE_ASSESSMENT, Map.of(S136, "hospital-liaison"), CompleteAssessment.class,
                    "Record the end of the assessment", ASSESSMENT_ENDED,
                    radio("outcome", "How did the assessment end?", AssessmentOutcome.class, "Select how the assessment ended"),
                    dateTime("endedAt", "When did it end (leave empty for now)?", "Enter when the assessment ended"),
                    text("note", "Note", "Enter a note")));

    private static final Map<String, UserTask> BY_KEY = byKey();

    private TaskCatalogue() {
    }

    /** The task of this key (= BPMN element id), if the models have one. */
    public static Optional<UserTask> of(String key) {
        return Optional.ofNullable(key == null ? null : BY_KEY.get(key));
    }

    /** The body record each task's completion binds to, by task key. */
    public static Map<String, Class<? extends TaskCompletion>> bodies() {
        Map<String, Class<? extends TaskCompletion>> bodies = new LinkedHashMap<>();
        TASKS.forEach(task -> bodies.put(task.key(), task.body()));
        return java.util.Collections.unmodifiableMap(bodies);
    }

    /** The figures a task of this key moves; NONE for any other element. */
    public static UserTask.Figures figuresOf(String key) {
        return of(key).map(UserTask::figures).orElse(NONE);
    }

    private static Map<String, UserTask> byKey() {
        Map<String, UserTask> byKey = new LinkedHashMap<>();
        for (UserTask task : TASKS) {
            if (byKey.put(task.key(), task) != null) {
                throw new IllegalStateException("Two entries for task " + task.key());
            }
        }
        return java.util.Collections.unmodifiableMap(byKey);
    }

    private static UserTask task(String key, Map<String, String> candidateGroups, Class<? extends TaskCompletion> body,
                                 String title, UserTask.Figures figures, Question... questions) {
        return new UserTask(key, candidateGroups, body, Page.TASK, title(title), List.of(questions), figures);
    }

    private static Function<Map<String, Object>, String> title(String title) {
        return variables -> title;
    }

    private static ReviewReason reason(Map<String, Object> variables) {
        return RcrpCallProcess.Variables.TASK_REASON.from(variables);
    }

    private static String words(Enum<?> value) {
        return value == null ? "—" : LabelCatalogue.label(value);
    }

    private static Question radio(String name, String label, Class<? extends Enum<?>> type, String missing) {
        return new Question(name, label, Kind.RADIO, Choices.all(type), missing, variables -> true);
    }

    private static Question select(String name, String label, Class<? extends Enum<?>> type, String missing) {
        return new Question(name, label, Kind.SELECT, Choices.all(type), missing, variables -> true);
    }

    private static Question referable(String name, String label, String missing) {
        return new Question(name, label, Kind.SELECT, Choices.referable(), missing, variables -> true);
    }

    private static Question yesNo(String name, String label, String missing) {
        return new Question(name, label, Kind.YES_NO, Choices.none(), missing, variables -> true);
    }

    private static Question text(String name, String label, String missing) {
        return new Question(name, label, Kind.TEXT, Choices.none(), missing, variables -> true);
    }

    private static Question dateTime(String name, String label, String missing) {
        return new Question(name, label, Kind.DATETIME, Choices.none(), missing, variables -> true);
    }

    /** "Rejected by the partner" → "rejected by the partner"; "NHS 111 …" stays as it is. */
    private static String inSentence(String label) {
        return label.length() > 1 && Character.isLowerCase(label.charAt(1))
                ? Character.toLowerCase(label.charAt(0)) + label.substring(1) : label;
    }
}
