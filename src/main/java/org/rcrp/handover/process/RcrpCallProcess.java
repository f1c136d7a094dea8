package org.rcrp.handover.process;

import java.util.Date;
import static org.rcrp.handover.process.ProcessVariable.bool;
import static org.rcrp.handover.process.ProcessVariable.date;
import static org.rcrp.handover.process.ProcessVariable.enumeration;
import static org.rcrp.handover.process.ProcessVariable.integer;
import static org.rcrp.handover.process.ProcessVariable.string;


/** The case process, {@code bpmn/rcrp-call.bpmn}: its key, element ids, messages and variables. */
public final class RcrpCallProcess {

    public static final String KEY = "rcrp-call";
    public static final String RESOURCE = "bpmn/rcrp-call.bpmn";

    private RcrpCallProcess() {
    }

    public static final class Elements {
        public static final String START_CALL_LOGGED = "start_call_logged";
        public static final String SERVICE_OPEN_CASE = "service_open_case";
        public static final String SUBPROCESS_CASE = "subprocess_case";
        public static final String GATEWAY_PHASE = "gateway_phase";
        public static final String USER_ASSESS_THRESHOLD = "user_assess_threshold";
        public static final String TIMER_TRIAGE_OVERDUE = "timer_triage_overdue";
        public static final String RULE_THRESHOLD = "rule_threshold";
        public static final String SERVICE_APPLY_TRIAGE = "service_apply_triage";
        public static final String USER_ATTEND = "user_attend";
        public static final String TIMER_ATTENDANCE_SLA = "timer_attendance_sla";
        public static final String FORK_REFERRAL = "fork_referral";
        public static final String CALL_PARTNER_REFERRAL = "call_partner_referral";
        public static final String USER_INFORM_CALLER = "user_inform_caller";
        public static final String CALL_S136_HANDOVER = "call_s136_handover";
        public static final String USER_SUPERVISOR_REVIEW = "user_supervisor_review";
        public static final String CONDITION_RISK_RAISED = "condition_risk_raised";
        public static final String SERVICE_APPLY_RAISED_RISK = "service_apply_raised_risk";
        public static final String SUBPROCESS_NEW_INFORMATION = "subprocess_new_information";
        public static final String SERVICE_RECORD_UPDATE = "service_record_update";
        public static final String END_RESOLVED = "end_resolved";
        public static final String END_REFERRED = "end_referred";
        public static final String END_CLOSED_BY_SUPERVISOR = "end_closed_by_supervisor";
        public static final String END_ADVICE_GIVEN = "end_advice_given";
        public static final String END_CALLER_INFORMED = "end_caller_informed";
        public static final String END_HANDED_OVER = "end_handed_over";
        public static final String END_REVIEW_DONE = "end_review_done";
        /** A review that only chases overdue work ends when that work ends: it must not hold a finished case open. */
        public static final String CONDITION_CHASED_WORK_DONE = "condition_chased_work_done";
        public static final String SERVICE_WITHDRAW_REVIEW = "service_withdraw_review";
        public static final String END_REVIEW_WITHDRAWN = "end_review_withdrawn";
        public static final String END_CASE_CLOSED = "end_case_closed";
        public static final String END_UPDATE_RECORDED = "end_update_recorded";
        public static final String SERVICE_STAND_DOWN = "service_stand_down";
        public static final String END_CASE_CLOSED_STOOD_DOWN = "end_case_closed_stood_down";
        public static final String SERVICE_STAND_DOWN_CANCELLED = "service_stand_down_cancelled";
        public static final String MESSAGE_POLICE_ADDED = "message_police_added";
        public static final String SERVICE_ADD_POLICE = "service_add_police";
        public static final String SERVICE_LEAD_ETA_BREACH = "service_lead_eta_breach";
        public static final String GATEWAY_POLICE_ALREADY_LEAD = "gateway_police_already_lead";
        public static final String END_LEAD_ETA_POLICE_GOING = "end_lead_eta_police_going";
        public static final String SERVICE_TELL_POLICE_ADDED = "service_tell_police_added";
        public static final String END_SUPPORTING_REFERRAL_DONE = "end_supporting_referral_done";
        public static final String SUBPROCESS_PLAN_REQUESTS = "subprocess_plan_requests";
        public static final String CALL_SUPPORT_REFERRAL = "call_support_referral";
        public static final String JOIN_PLAN_REQUESTS = "join_plan_requests";
        public static final String SERVICE_INFORM_AGENCIES = "service_inform_agencies";
        // Not located: whereabouts unknown returns the case to police, never closes it
        public static final String MERGE_NOT_LOCATED = "merge_not_located";
        public static final String SERVICE_RETURN_NOT_LOCATED = "service_return_not_located";
        public static final String GATEWAY_NOT_LOCATED_ACTION = "gateway_not_located_action";
        public static final String USER_MISSING_PERSON_ASSESSMENT = "user_missing_person_assessment";
        public static final String TIMER_MISSING_PERSON_ASSESSMENT = "timer_missing_person_assessment";
        public static final String SERVICE_APPLY_MISSING_PERSON_ASSESSMENT = "service_apply_missing_person_assessment";
        public static final String END_LOCATED = "end_located";
        public static final String SERVICE_CLOSE_NOT_LOCATED = "service_close_not_located";
        public static final String END_CLOSED_NOT_LOCATED = "end_closed_not_located";
        public static final String GATEWAY_WHEREABOUTS_ON_CLOSE = "gateway_whereabouts_on_close";

        private Elements() {
        }
    }

    public static final class Messages {
        /** New information about the case; payload: the {@code update*} risk flags, local to the event (its note is the journal's). */
        public static final String NEW_INFORMATION = "NewInformation";
        /** Police join the plan beside the partner holding the referral (message_police_added on call_partner_referral). */
        public static final String POLICE_ADDED = "PoliceAdded";

        private Messages() {
        }
    }

    /**
     * Variables of the case. Partner-referral and s136-handover write the case-level ones through {@code ownership/CaseStatus}.
     * Ids, codes, decisions and the models' own texts only: what people write (rationales, reasons, notes) is kept in
     * the case's journal, never here ({@link TextLimits}); {@code ProcessVariableTest} names every text variable.
     */
    public static final class Variables {
        // Logged with the call
        public static final ProcessVariable<String> CALL_REFERENCE = string("callReference");
        public static final ProcessVariable<Category> CATEGORY = enumeration("category", Category.class);
        /** 999, 101, a partner or NHS 111: a 999 call has the shorter triage clock (SlaPolicy.triage). */
        public static final ProcessVariable<Source> SOURCE = enumeration("source", Source.class);
        public static final ProcessVariable<Boolean> URBAN = bool("urban");
        public static final ProcessVariable<Integer> SUBJECT_AGE = integer("subjectAge");
        public static final ProcessVariable<Boolean> KNOWN_TO_MENTAL_HEALTH = bool("knownToMentalHealth");
        public static final ProcessVariable<Boolean> KNOWN_TO_SOCIAL_CARE = bool("knownToSocialCare");
        public static final ProcessVariable<String> AWOL_MHA_SECTION = string("awolMhaSection");
        public static final ProcessVariable<String> AWOL_RETAKE_EXPIRY = string("awolRetakeExpiry");
        public static final ProcessVariable<Boolean> AWOL_PART_THREE = bool("awolPartThree");
        public static final ProcessVariable<Boolean> AWOL_DANGEROUS = bool("awolDangerous");
        public static final ProcessVariable<Boolean> AWOL_PARTICULARLY_VULNERABLE = bool("awolParticularlyVulnerable");
        public static final ProcessVariable<Boolean> AWOL_HOSPITAL_SEARCHED = bool("awolHospitalSearched");
        public static final ProcessVariable<AwolKind> AWOL_KIND = enumeration("awolKind", AwolKind.class);
        /** A walk-out's codes and answers; its description and when the person was last seen stay with the call. */
        public static final ProcessVariable<WalkoutSetting> WALKOUT_SETTING = enumeration("walkoutSetting", WalkoutSetting.class);
        public static final ProcessVariable<Boolean> WALKOUT_DETAINED = bool("walkoutDetained");
        public static final ProcessVariable<Boolean> WALKOUT_RISK_ASSESSMENT_GIVEN = bool("walkoutRiskAssessmentGiven");
        public static final ProcessVariable<Boolean> WALKOUT_CAPACITY_CONCERN = bool("walkoutCapacityConcern");

        // Where the case stands
        public static final ProcessVariable<CaseState> STATE = enumeration("state", CaseState.class);
        public static final ProcessVariable<Phase> PHASE = enumeration("phase", Phase.class);
        public static final ProcessVariable<Agency> RESPONSIBLE_AGENCY = enumeration("responsibleAgency", Agency.class);
        public static final ProcessVariable<Date> CLOSED_AT = date("closedAt");

        // Triage answers (user_assess_threshold)
        public static final ProcessVariable<Boolean> CRIME = bool("crime");
        public static final ProcessVariable<Boolean> RISK_TO_LIFE = bool("riskToLife");
        public static final ProcessVariable<Boolean> SERIOUS_HARM = bool("seriousHarm");
        public static final ProcessVariable<Boolean> CHILD_AT_RISK = bool("childAtRisk");
        public static final ProcessVariable<Boolean> MEDICAL_EMERGENCY = bool("medicalEmergency");
        public static final ProcessVariable<Boolean> MISSING_PERSON = bool("missingPerson");
        /** A power of entry is needed to reach the person; optional, null when not answered. */
        public static final ProcessVariable<Boolean> ENTRY_NEEDED = bool("entryNeeded");
        public static final ProcessVariable<Boolean> WHEREABOUTS_KNOWN = bool("whereaboutsKnown");
        public static final ProcessVariable<Route> OVERRIDE_ROUTE = enumeration("overrideRoute", Route.class);
        public static final ProcessVariable<Agency> OVERRIDE_AGENCY = enumeration("overrideAgency", Agency.class);
        public static final ProcessVariable<Grade> OVERRIDE_GRADE = enumeration("overrideGrade", Grade.class);

        // The threshold decision's recommendation (rule_threshold) and the decision applied (service_apply_triage)
        public static final ProcessVariable<Route> RECOMMENDED_ROUTE = enumeration("recommendedRoute", Route.class);
        public static final ProcessVariable<Grade> RECOMMENDED_GRADE = enumeration("recommendedGrade", Grade.class);
        public static final ProcessVariable<Agency> RECOMMENDED_AGENCY = enumeration("recommendedAgency", Agency.class);
        public static final ProcessVariable<String> RECOMMENDATION_RATIONALE = string("recommendationRationale");
        public static final ProcessVariable<Route> ROUTE = enumeration("route", Route.class);
        public static final ProcessVariable<Grade> GRADE = enumeration("grade", Grade.class);
        public static final ProcessVariable<Agency> AGENCY = enumeration("agency", Agency.class);
        public static final ProcessVariable<Boolean> OVERRIDDEN = bool("overridden");
        /** Agencies a handler's override adds to the plan, as codes joined by commas (transient, like the answers). */
        public static final ProcessVariable<String> OVERRIDE_ADD_AGENCIES = string("overrideAddAgencies");
        /** The rows of rcrp-response-needs that matched (the table's own words), as plan/Needs writes them. */
        public static final ProcessVariable<String> RESPONSE_NEEDS = string("responseNeeds");
        /**
         * What the plan asks of agencies beside the lead, e.g. {@code SUPPORT:AMBULANCE,INFORMED:MENTAL_HEALTH}: setting it
         * starts subprocess_plan_requests, which takes it (empty again) and asks each agency.
         */
        public static final ProcessVariable<String> PLAN_REQUESTS = string("planRequests");
        /** The lead partner referral's role when it ended: SUPPORT once police were added beside it. */
        public static final ProcessVariable<ReferralRole> LEAD_REFERRAL_ROLE = enumeration("leadReferralRole", ReferralRole.class);
        /** The threshold table's rationale, or the fixed words of an override or of raised risk; never a handler's own. */
        public static final ProcessVariable<String> RATIONALE = string("rationale");

        // user_inform_caller
        public static final ProcessVariable<InformMethod> INFORM_METHOD = enumeration("informMethod", InformMethod.class);
        public static final ProcessVariable<Boolean> CALLER_INFORMED = bool("callerInformed");

        // user_attend
        public static final ProcessVariable<AttendOutcome> ATTEND_OUTCOME = enumeration("attendOutcome", AttendOutcome.class);

        // call_partner_referral results
        public static final ProcessVariable<ReferralResult> REFERRAL_RESULT = enumeration("referralResult", ReferralResult.class);
        public static final ProcessVariable<Agency> REROUTE_AGENCY = enumeration("rerouteAgency", Agency.class);

        // user_supervisor_review (all three processes use the same names)
        public static final ProcessVariable<ReviewReason> REVIEW_REASON = enumeration("reviewReason", ReviewReason.class);
        /** Local to one user_supervisor_review: the reason it was raised for (its own copy; reviewReason is the case's latest). */
        public static final ProcessVariable<ReviewReason> CHASES = enumeration("chases", ReviewReason.class);
        /** Whether the work an overdue review chases is still open (condition_chased_work_done). */
        public static final ProcessVariable<Boolean> TRIAGE_OPEN = bool("triageOpen");
        public static final ProcessVariable<Boolean> ATTENDANCE_OPEN = bool("attendanceOpen");
        public static final ProcessVariable<Boolean> MISSING_PERSON_ASSESSMENT_OPEN = bool("missingPersonAssessmentOpen");
        /** Task-local copy of the reason, so parallel reviews each keep their own. */
        public static final ProcessVariable<ReviewReason> TASK_REASON = enumeration("reason", ReviewReason.class);
        public static final ProcessVariable<SupervisorAction> SUPERVISOR_ACTION = enumeration("supervisorAction", SupervisorAction.class);
        public static final ProcessVariable<Integer> ESCALATION_COUNT = integer("escalationCount");
        /** Set when a supervisor settles a rejected referral: the outcome of the dispute between the agencies. */
        public static final ProcessVariable<SupervisorAction> DISPUTE_OUTCOME = enumeration("disputeOutcome", SupervisorAction.class);

        // New information (message payload, local to the event sub-process: what it raises, not what it says) and what it does
        public static final ProcessVariable<Boolean> UPDATE_RISK_TO_LIFE = bool("updateRiskToLife");
        public static final ProcessVariable<Boolean> UPDATE_SERIOUS_HARM = bool("updateSeriousHarm");
        public static final ProcessVariable<Boolean> UPDATE_CRIME = bool("updateCrime");
        public static final ProcessVariable<RiskAction> UPDATE_RISK_ACTION = enumeration("updateRiskAction", RiskAction.class);
        public static final ProcessVariable<RiskAction> PENDING_RISK_ACTION = enumeration("pendingRiskAction", RiskAction.class);
        public static final ProcessVariable<Integer> UPDATE_COUNT = integer("updateCount");
        /** Set by new information raising the risk while a partner holds the referral: police are to be added (PoliceAdded). */
        public static final ProcessVariable<Boolean> POLICE_ADDED = bool("policeAdded");
        /**
         * The ambulance's ETA is beyond the risk window, but its referral no longer leads: police were added beside it
         * already and are on their way (set by service_lead_eta_breach, read by gateway_police_already_lead).
         */
        public static final ProcessVariable<Boolean> POLICE_ALREADY_LEAD = bool("policeAlreadyLead");
        /**
         * Risk raised by new information while triage was open (the update itself changes nothing then: the handler is
         * deciding). True for the threshold decision whatever the handler's answers say; cleared once a decision counted it.
         */
        public static final ProcessVariable<Boolean> RAISED_RISK_TO_LIFE = bool("raisedRiskToLife");
        public static final ProcessVariable<Boolean> RAISED_SERIOUS_HARM = bool("raisedSeriousHarm");
        public static final ProcessVariable<Boolean> RAISED_CRIME = bool("raisedCrime");

        // Not located (user_attend NO_TRACE, user_record_partner_outcome NO_CONTACT) and the missing-person assessment
        /** True while nobody knows where the person is: set by NO_TRACE or NO_CONTACT, cleared when someone finds them. */
        public static final ProcessVariable<Boolean> PERSON_NOT_LOCATED = bool("personNotLocated");
        public static final ProcessVariable<NotLocatedBy> NOT_LOCATED_BY = enumeration("notLocatedBy", NotLocatedBy.class);
        /** The lead partner that could not make contact: a supervisor's CHASE sends the referral back to it. */
        public static final ProcessVariable<Agency> NOT_LOCATED_AGENCY = enumeration("notLocatedAgency", Agency.class);
        public static final ProcessVariable<MissingPersonRisk> MISSING_PERSON_RISK = enumeration("missingPersonRisk", MissingPersonRisk.class);
        public static final ProcessVariable<Boolean> MISSING_PERSON_LOCATED = bool("missingPersonLocated");
        public static final ProcessVariable<MissingPersonNext> MISSING_PERSON_NEXT = enumeration("missingPersonNext", MissingPersonNext.class);
        /** What the supervisor recorded when closing a NOT_LOCATED review. */
        public static final ProcessVariable<Whereabouts> WHEREABOUTS = enumeration("whereabouts", Whereabouts.class);
        /** True once a supervisor closed a NOT_LOCATED review (sampled for quality review); the journal says who and why. */
        public static final ProcessVariable<Boolean> CLOSED_NOT_LOCATED = bool("closedNotLocated");

        private Variables() {
        }
    }
}
