package org.rcrp.handover.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The words for the shared vocabulary, once: for every value a person reads, its label; for every value a person
 * chooses, also a hint (what it means) and its consequence (what choosing it does). The pages, the notices and the
 * figures all read them from here (the web's {@code Labels} adds the journal's entry types and the groups' names).
 * CatalogueTest fails when a value of {@link #CHOICES} or {@link #SHOWN} has no words.
 */
public final class LabelCatalogue {

    /** A value in words: what it is called, what it means (may be null) and what choosing it does (null when nobody chooses it). */
    public record Entry(String label, String hint, String consequence) {
    }

    /** What a person chooses on a page: each value has a label and a consequence. */
    public static final List<Class<? extends Enum<?>>> CHOICES = List.of(Route.class, SupervisorAction.class,
            PartnerOutcome.class, RejectionReason.class, ReferralDecision.class, HandoverDecision.class, AttendOutcome.class,
            InformMethod.class, MissingPersonRisk.class, Whereabouts.class, Category.class, Source.class, Grade.class,
            Agency.class, AwolKind.class, WalkoutSetting.class, Conveyance.class, PlaceOfSafety.class,
            AssessmentOutcome.class, QualityVerdict.class, DisputePosition.class, AmbulanceCategory.class);

    /** What a person reads on a page but does not choose: each value has a label. */
    public static final List<Class<? extends Enum<?>>> SHOWN = List.of(CaseState.class, ReviewReason.class,
            NotLocatedBy.class, SampleReason.class, DisputeResult.class, ReferralRole.class, ReferralResult.class);

    private static final Map<Enum<?>, Entry> ENTRIES = new java.util.LinkedHashMap<>();
    private static final java.util.regex.Pattern UNDERSCORED = java.util.regex.Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

    static {
        shown(CaseState.TRIAGE, "Waiting for triage");
        shown(CaseState.POLICE_ATTENDING, "Police attending");
        shown(CaseState.REFERRED, "Referred to a partner");
        shown(CaseState.HANDOVER, "Handover to a place of safety");
        shown(CaseState.ESCALATED, "With a police supervisor");
        shown(CaseState.CLOSED, "Closed");

        choice(Agency.POLICE, "Police", null, "Police respond to the person.");
        choice(Agency.MENTAL_HEALTH, "Mental health crisis team", "The NHS crisis team for people in mental health crisis",
                "The crisis team is asked to accept the person; police stay responsible until it does.");
        choice(Agency.AMBULANCE, "Ambulance service", "For medical help or transport to hospital",
                "The ambulance service is asked to accept the person; police stay responsible until it does.");
        choice(Agency.SOCIAL_CARE, "Adult social care", "The council's adult social care team",
                "Adult social care is asked to accept the person; police stay responsible until it does.");
        choice(Agency.CHILDRENS_SOCIAL_CARE, "Children's social care", "The council's children's services",
                "Children's social care is asked to accept the child; police stay responsible until it does.");
        choice(Agency.HEALTHCARE_SETTING, "Health setting", "The hospital or clinic the person left",
                "The health setting is asked to take the person back; police stay responsible until it does.");
        choice(Agency.NHS111, "NHS 111", null, "NHS 111 is told; it takes no referrals here.");
        choice(Agency.HOSPITAL, "Hospital", "The hospital's liaison team", "The hospital liaison team is asked to act.");
        choice(Agency.FIRE, "Fire and rescue service", null,
                "The fire and rescue service is asked to accept; police stay responsible until it does.");

        choice(Grade.IMMEDIATE, "Immediate", "Police go now, on blue lights", "The shortest attendance clock.");
        choice(Grade.PRIORITY, "Priority", "Police go as soon as they can", "The priority attendance clock.");
        choice(Grade.SCHEDULED, "Scheduled", "A planned response at an agreed time", "No emergency clock: a time is agreed.");

        choice(Route.POLICE_ATTEND, "Police attend", "A real and immediate risk to life or of serious harm, or a crime",
                "Officers get a task to attend now; the caller is told police are coming.");
        choice(Route.REFER, "Refer to a partner", "Someone else is the right person to help",
                "The partner gets the referral to accept or reject; police stay responsible until it accepts.");
        choice(Route.ADVICE_AND_CLOSE, "Advice and close", "No agency needs to act",
                "The caller is given advice and the case closes.");

        choice(Source.PUBLIC_999, "999 call", "An emergency call from the public", "The call is marked as a 999 call.");
        choice(Source.PUBLIC_101, "101 call", "A non-emergency call from the public", "The call is marked as a 101 call.");
        choice(Source.PARTNER, "Partner agency", "A health or social care partner asks for police",
                "The call is marked as a partner's request.");
        choice(Source.NHS111, "NHS 111", "NHS 111 passes the call to police", "The call is marked as from NHS 111.");

        choice(Category.CONCERN_FOR_WELFARE, "Concern for welfare", "Someone is worried about a person's safety or wellbeing",
                "Triage asks where the person is, whether entry is needed and when they were last seen.");
        choice(Category.WALKOUT, "Walked out of a health setting", "A patient left hospital or a health setting before treatment ended",
                "The setting's own enquiries and risk assessment are asked for first.");
        choice(Category.AWOL, "AWOL from a mental health unit", "A patient detained under the Mental Health Act is absent without leave",
                "The trust searches first; the power to retake the patient and its expiry are recorded.");
        choice(Category.MEDICAL, "Medical", "Transport or help the ambulance service should give",
                "The ambulance service is the usual partner.");
        choice(Category.S136_HANDOVER, "Section 136 handover", "Police brought a person to a place of safety",
                "The hour for handing the person over to health starts from arrival.");
        choice(Category.OTHER, "Other", "Anything else", "Triage decides with the threshold questions alone.");

        choice(AwolKind.ABSCONDED, "Absconded", "Left the ward or hospital without leave", "Recorded with the AWOL details.");
        choice(AwolKind.FAILED_TO_RETURN, "Failed to return from leave", "Did not come back from authorised leave",
                "Recorded with the AWOL details.");
        choice(AwolKind.CTO_RECALL, "Recalled on a community treatment order", "Recalled to hospital and not come",
                "Recorded with the AWOL details.");
        choice(AwolKind.ESCAPED_CUSTODY, "Escaped from custody", "Custody a court imposed (Part III)",
                "Recorded with the AWOL details; police lead.");

        choice(WalkoutSetting.EMERGENCY_DEPARTMENT, "Emergency department (A&E)", null, "Recorded with the walk-out details.");
        choice(WalkoutSetting.ACUTE_WARD, "Acute hospital ward", null, "Recorded with the walk-out details.");
        choice(WalkoutSetting.MENTAL_HEALTH_WARD, "Mental health ward", "A voluntary (informal) patient",
                "Recorded with the walk-out details.");
        choice(WalkoutSetting.GP_SURGERY, "GP surgery", null, "Recorded with the walk-out details.");
        choice(WalkoutSetting.OTHER, "Another health setting", null, "Recorded with the walk-out details.");

        choice(Conveyance.AMBULANCE, "Ambulance", "The expected way", "Recorded as conveyed by ambulance.");
        choice(Conveyance.POLICE_VEHICLE, "Police vehicle", "Only when an ambulance could not come in time",
                "Recorded as conveyed by police; say why not by ambulance.");
        choice(Conveyance.OTHER, "Another way", null, "Recorded; say why not by ambulance.");

        choice(PlaceOfSafety.HEALTH_BASED, "Health-based place of safety", "The usual place of safety",
                "The hour for handover starts.");
        choice(PlaceOfSafety.EMERGENCY_DEPARTMENT, "Emergency department", "When the person also needs medical care",
                "The hour for handover starts.");
        choice(PlaceOfSafety.POLICE_CUSTODY, "Police custody", "Adults only, in exceptional circumstances",
                "Recorded as an exceptional use of custody; never for a child.");

        choice(AssessmentOutcome.ADMITTED_INFORMALLY, "Admitted informally", "The person agreed to stay in hospital",
                "The detention ends and the case can close.");
        choice(AssessmentOutcome.DETAINED_UNDER_MHA, "Detained under the Mental Health Act", "Admitted under a section",
                "The detention ends and the person stays in hospital under the Act.");
        choice(AssessmentOutcome.DISCHARGED_WITH_FOLLOW_UP, "Discharged with follow-up", "Left with a plan of care",
                "The detention ends and the case can close.");
        choice(AssessmentOutcome.DISCHARGED, "Discharged", "Left with no further care", "The detention ends and the case can close.");

        shown(NotLocatedBy.POLICE, "Police");
        shown(NotLocatedBy.LEAD_PARTNER, "The lead partner");
        shown(NotLocatedBy.SUPPORT_PARTNER, "A supporting partner");

        choice(MissingPersonRisk.NO_APPARENT_RISK, "No apparent risk", "No sign of risk to the person or the public",
                "If the person is located the case closes; if not, it goes back to the supervisor.");
        choice(MissingPersonRisk.LOW, "Low risk", "Risk of harm is possible but unlikely",
                "If the person is located the case closes; if not, it goes back to the supervisor.");
        choice(MissingPersonRisk.MEDIUM, "Medium risk", "Risk of harm is likely", "Police are sent to find the person.");
        choice(MissingPersonRisk.HIGH, "High risk", "Immediate risk of serious harm", "Police are sent at once to find the person.");

        choice(Whereabouts.LOCATED_SAFE, "Located safe", "The person has been found and is safe", "The case closes.");
        choice(Whereabouts.NO_CONCERN_ASSESSED, "No concern, assessed", "Not found, but assessed as not at risk",
                "The case closes with that assessment recorded.");

        choice(InformMethod.PHONE, "Phone", "You spoke to the caller", "Recorded as told by phone.");
        choice(InformMethod.SMS, "Text message", "You sent the caller a text", "Recorded as told by text message.");
        choice(InformMethod.NOT_REACHABLE, "Could not be reached", "Say what you tried in the note",
                "Recorded as not reached, with your note.");

        choice(AttendOutcome.RESOLVED, "Resolved", "Police dealt with it and nothing more is needed", "The case closes.");
        choice(AttendOutcome.S136_DETENTION, "Section 136 detention", "The person is taken to a place of safety",
                "A handover to health starts: the place of safety has an hour from arrival.");
        choice(AttendOutcome.REFER_PARTNER, "Refer to a partner", "Choose the agency below",
                "The agency gets a referral to accept or reject; police stay responsible until it accepts.");
        choice(AttendOutcome.NO_TRACE, "Person not found", "Officers could not find the person",
                "A supervisor reviews: missing-person assessment, police again, or close.");

        choice(ReferralDecision.ACCEPT, "Accept", "Your agency takes the person on",
                "The person becomes your agency's; you record the outcome later.");
        choice(ReferralDecision.REJECT, "Reject", "Give a reason below",
                "Police stay responsible and a supervisor reviews the case.");

        choice(RejectionReason.NOT_OUR_SERVICE, "Not our service", "The person's need is for another agency",
                "A police supervisor decides what happens next.");
        choice(RejectionReason.INSUFFICIENT_INFORMATION, "Not enough information", "Say what you need in the note",
                "A police supervisor decides what happens next.");
        choice(RejectionReason.NO_CAPACITY, "No capacity", "Your agency cannot respond in time",
                "A police supervisor decides what happens next.");
        choice(RejectionReason.POLICE_THRESHOLD_MET, "Police threshold met", "A real and immediate risk: police should attend",
                "A police supervisor decides what happens next.");
        choice(RejectionReason.OTHER, "Another reason", "Say what it is in the note",
                "A police supervisor decides what happens next.");

        choice(PartnerOutcome.CONTACT_MADE, "Contact made", "You spoke to or saw the person", "Your referral ends and the case can close.");
        choice(PartnerOutcome.ASSESSED, "Assessed", "You assessed the person", "Your referral ends and the case can close.");
        choice(PartnerOutcome.NO_CONTACT, "Person not found", "You could not find or reach the person",
                "The case goes back to a police supervisor: the person may be missing.");
        choice(PartnerOutcome.PASSED_BACK, "Passed back to police", "Police need to act: say why in the note",
                "The case goes back to police for a new triage.");

        choice(SupervisorAction.CHASE, "Chase", "Ask the agency or officer again",
                "The same agency or officer is asked again, with a new clock.");
        choice(SupervisorAction.REROUTE, "Refer to another agency", "Choose the agency below",
                "The referral goes to the new agency; police stay responsible until it accepts.");
        choice(SupervisorAction.POLICE_ATTEND, "Send police", "Officers attend",
                "Officers get a task to attend; the partner is stood down.");
        choice(SupervisorAction.CLOSE, "Close the case", "Nothing more is needed: say why",
                "The case closes with your note.");
        choice(SupervisorAction.MISSING_PERSON, "Missing-person risk assessment", "The person is not located",
                "Police open a missing-person risk assessment.");
        choice(SupervisorAction.WITHDRAW, "Police withdraw", "Police leave the place of safety after a risk assessment",
                "Police leave; the person is health's from now on.");
        choice(SupervisorAction.ESCALATE, "Escalate to the hospital", "Past the hour at the place of safety",
                "The hospital's on-call manager is told.");

        shown(ReviewReason.TRIAGE_OVERDUE, "Triage overdue");
        shown(ReviewReason.ATTENDANCE_OVERDUE, "Police attendance overdue");
        shown(ReviewReason.NO_RESPONSE, "Partner did not respond in time");
        shown(ReviewReason.REJECTED, "Partner rejected the referral");
        shown(ReviewReason.OUTCOME_OVERDUE, "Partner outcome overdue");
        shown(ReviewReason.HANDOVER_OVERDUE, "s136 handover over the hour");
        shown(ReviewReason.DETENTION_LIMIT, "s136 detention time limit near");
        shown(ReviewReason.NOTIFICATION_FAILED, "Notice to the agency could not be delivered");
        shown(ReviewReason.NOT_LOCATED, "Person not located: whereabouts unknown");
        shown(ReviewReason.MISSING_PERSON_OVERDUE, "Missing-person risk assessment overdue");

        choice(HandoverDecision.ACCEPT, "Take the person over now", "Health takes over from police",
                "Police may leave; the handover clock stops.");
        choice(HandoverDecision.AGREE_DELAY, "Agree a later time with police", "Give the time, who agreed it and why",
                "The handover clock moves to the agreed time.");

        choice(QualityVerdict.AGREE, "Agree", "The decision was right", "The review closes.");
        choice(QualityVerdict.DISAGREE, "Disagree", "Write the learning note", "The review closes with your learning note.");

        choice(DisputePosition.POLICE_SHOULD_ATTEND, "Police should have attended", null, "Recorded as your side's position.");
        choice(DisputePosition.PARTNER_SHOULD_ACCEPT, "The partner should have accepted", null, "Recorded as your side's position.");
        choice(DisputePosition.JOINT_RESPONSE, "Both should have responded together", null, "Recorded as your side's position.");
        choice(DisputePosition.NO_FURTHER_ACTION, "Nothing more was needed", null, "Recorded as your side's position.");

        choice(AmbulanceCategory.C1, "C1", "Category 1: life-threatening", "The fastest ambulance response.");
        choice(AmbulanceCategory.C2, "C2", "Category 2: emergency", "An emergency ambulance response.");
        choice(AmbulanceCategory.C3, "C3", "Category 3: urgent", "An urgent ambulance response.");
        choice(AmbulanceCategory.C4, "C4", "Category 4: less urgent", "A less urgent ambulance response.");

        shown(SampleReason.NOT_LOCATED, "Person not located");
        shown(SampleReason.OVERRIDE, "Recommendation overridden");
        shown(SampleReason.RANDOM, "Random sample");
        shown(DisputeResult.AGREED, "Agreed");
        shown(DisputeResult.ESCALATED, "Escalated to the next tier");
        shown(DisputeResult.UNRESOLVED, "Not resolved");
        shown(ReferralRole.LEAD, "Lead");
        shown(ReferralRole.SUPPORT, "Support");
        shown(ReferralResult.COMPLETED, "Completed");
        shown(ReferralResult.PASSED_BACK, "Passed back to police");
        shown(ReferralResult.POLICE_ATTEND, "Police sent");
        shown(ReferralResult.REROUTE, "Referred elsewhere");
        shown(ReferralResult.CLOSED, "Closed");
        shown(ReferralResult.NOT_LOCATED, "Person not located");
    }

    private LabelCatalogue() {
    }

    /** The words of a value, or null when it has none here. */
    public static Entry entry(Enum<?> value) {
        return value == null ? null : ENTRIES.get(value);
    }

    /** A value's label: its words, or its name in lower case when it has none ("POLICE_VEHICLE" → "Police vehicle"). */
    public static String label(Enum<?> value) {
        if (value == null) {
            return "";
        }
        Entry entry = ENTRIES.get(value);
        return entry != null ? entry.label() : sentence(value.name());
    }

    /**
     * The label of the value of one of the catalogue's enums with this name ("MENTAL_HEALTH" of Agency →
     * "Mental health crisis team"); the name in words when it is none of them; "" for null.
     */
    public static <E extends Enum<E>> String label(Class<E> type, String name) {
        if (name == null) {
            return "";
        }
        try {
            return label(Enum.valueOf(type, name));
        } catch (IllegalArgumentException notOne) {
            return sentence(name);
        }
    }

    /**
     * A sentence the system wrote with any code in it in words ("Referral to MENTAL_HEALTH" → "Referral to mental health
     * crisis team"), for what leaves the system as text (the notices); the pages use the web's Labels, which does more.
     */
    public static String inWords(String text) {
        if (text == null) {
            return "";
        }
        java.util.regex.Matcher codes = UNDERSCORED.matcher(text);
        StringBuilder result = new StringBuilder();
        while (codes.find()) {
            String code = codes.group();
            String words = ENTRIES.entrySet().stream().filter(entry -> entry.getKey().name().equals(code))
                    .map(entry -> entry.getValue().label()).findFirst().orElse(sentence(code));
            codes.appendReplacement(result, java.util.regex.Matcher.quoteReplacement(
                    words.length() > 1 && Character.isLowerCase(words.charAt(1)) ? words.toLowerCase(java.util.Locale.UK) : words));
        }
        codes.appendTail(result);
        return result.toString();
    }

    /** Every value with words, for the web's Labels. */
    public static Map<Enum<?>, Entry> entries() {
        return Map.copyOf(ENTRIES);
    }

    /**
     * A duration in words: "24 hours", "10 minutes", "1 hour 30 minutes", "2 days"; an ISO-8601 text ("PT24H")
     * the same way, and any other text as it is.
     */
    public static String duration(Object duration) {
        if (duration == null) {
            return "";
        }
        Duration value;
        if (duration instanceof Duration given) {
            value = given;
        } else {
            try {
                value = Duration.parse(String.valueOf(duration).strip());
            } catch (java.time.format.DateTimeParseException notIso) {
                return String.valueOf(duration);
            }
        }
        if (value.isNegative()) {
            return duration(value.negated());
        }
        long days = value.toDays();
        long hours = value.toHoursPart();
        long minutes = value.toMinutesPart();
        long seconds = value.toSecondsPart();
        List<String> parts = new ArrayList<>();
        if (value.equals(Duration.ofDays(1))) {
            return "24 hours"; // as the rules say it
        }
        if (days > 0) {
            parts.add(count(days, "day"));
        }
        if (hours > 0) {
            parts.add(count(hours, "hour"));
        }
        if (minutes > 0) {
            parts.add(count(minutes, "minute"));
        }
        if (seconds > 0 || parts.isEmpty()) {
            parts.add(count(seconds, "second"));
        }
        return String.join(" ", parts);
    }

    private static String count(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    private static void choice(Enum<?> value, String label, String hint, String consequence) {
        ENTRIES.put(value, new Entry(label, hint, consequence));
    }

    private static void shown(Enum<?> value, String label) {
        ENTRIES.put(value, new Entry(label, null, null));
    }

    private static String sentence(String code) {
        String words = code.replace('_', ' ').toLowerCase(java.util.Locale.UK);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
