package org.rcrp.handover.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.S136HandoverProcess;

/**
 * A sample shift for the zero-setup run, as plain data: each call as {@code POST /api/calls} takes it, who logged it and
 * when, and what the demo users then do on it — which task, who, when, and the body {@code POST /api/tasks/{id}/complete}
 * takes. The last six hours leave cases in every state (waiting for triage, police attending, referred, at the s136
 * handover, escalated, closed); the 29 days before hold closed cases, so that the figures have a month. Every call's
 * steps end before the next call starts: the engine's clock only moves forward while they are logged.
 */
final class DemoShift {

    /** A task completed: by whom, when, with what body (the API's JSON, as maps). */
    record Step(Instant at, String user, String taskKey, Map<String, Object> body) {
    }

    /** A call logged: when, by whom, the body, then its steps in order. */
    record Call(Instant at, String user, Map<String, Object> body, List<Step> steps) {

        Instant end() {
            return steps.isEmpty() ? at : steps.get(steps.size() - 1).at();
        }
    }

    static final int HISTORY_DAYS = 29;
    /** Today's shift: the calls of the last six hours. Earlier days' calls all end before it. */
    static final Duration SHIFT = Duration.ofHours(6);

    private static final String TRIAGE = RcrpCallProcess.Elements.USER_ASSESS_THRESHOLD;
    private static final String INFORM = RcrpCallProcess.Elements.USER_INFORM_CALLER;
    private static final String ATTEND = RcrpCallProcess.Elements.USER_ATTEND;
    private static final String REVIEW = RcrpCallProcess.Elements.USER_SUPERVISOR_REVIEW;
    private static final String ACCEPT = PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL;
    private static final String OUTCOME = PartnerReferralProcess.Elements.USER_RECORD_PARTNER_OUTCOME;
    private static final String ARRIVAL = S136HandoverProcess.Elements.USER_RECORD_ARRIVAL;
    private static final String HANDOVER = S136HandoverProcess.Elements.USER_ACCEPT_HANDOVER;
    private static final String ASSESSMENT = S136HandoverProcess.Elements.USER_COMPLETE_ASSESSMENT;

    private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");
    /** How many calls each day of the month has, by day; at these times of day (plus a few minutes). */
    private static final int[] PER_DAY = {2, 1, 2, 2, 1, 3, 1};
    private static final LocalTime[] SLOTS = {LocalTime.of(8, 5), LocalTime.of(12, 35), LocalTime.of(17, 10)};

    private static final String[] FIRST = {"Alan", "Beth", "Callum", "Dawn", "Emeka", "Fiona", "Gareth", "Hina", "Ivan",
            "Joy", "Kieran", "Lena", "Marcus", "Nadia", "Owen", "Priya", "Rhys", "Sana", "Tom", "Uma", "Victor", "Wendy"};
    private static final String[] LAST = {"Ashworth", "Bello", "Carver", "Doyle", "Evans", "Fraser", "Gill", "Hughes",
            "Iqbal", "Jones", "Kowalski", "Lennon", "Mensah", "Nolan", "Okafor", "Price", "Quinn", "Rahman", "Shaw"};
    private static final String[] STREETS = {"Mill Lane", "Station Road", "Church Street", "Victoria Park flats",
            "Brook Close", "High Street", "Canal Walk", "Hillside Avenue", "Market Square", "Orchard Way", "Quarry Road"};
    private static final String[] RELATIONSHIPS = {"neighbour", "daughter", "friend", "landlord", "son", "colleague",
            "partner", "GP receptionist"};

    private static final Person MARY = new Person("Mary O'Brien", 80, "Sinead O'Brien", "daughter", "4 Orchard Way");

    /** The force's time zone: the days and the references' dates are its. */
    private final ZoneId zone;

    private DemoShift(ZoneId zone) {
        this.zone = zone;
    }

    /** The shift that ends at {@code now}: a month of closed calls, then today's, in the order they are logged. */
    static List<Call> calls(Instant now, ZoneId zone) {
        return new DemoShift(zone).shiftTo(now.truncatedTo(ChronoUnit.MINUTES));
    }

    private List<Call> shiftTo(Instant end) {
        List<Call> calls = new ArrayList<>(month(end));
        calls.addAll(today(end));
        return calls;
    }

    /** The closed calls of the 29 days before today's shift, a few a day. */
    private List<Call> month(Instant end) {
        Instant shiftStart = end.minus(SHIFT);
        LocalDate today = end.atZone(zone).toLocalDate();
        List<Call> calls = new ArrayList<>();
        int number = 0;
        for (int daysAgo = HISTORY_DAYS; daysAgo >= 1; daysAgo--) {
            for (int slot = 0; slot < PER_DAY[daysAgo % PER_DAY.length]; slot++) {
                LocalTime time = SLOTS[slot].plusMinutes((daysAgo * 7L + slot * 11L) % 25);
                Instant at = today.minusDays(daysAgo).atTime(time).atZone(zone).toInstant();
                Call call = daysAgo == 12 && slot == 0 ? advice(at, MARY, "Daughter worried: her mum sounded confused on the"
                        + " phone. Now reached her: she is at home, had not eaten", 901).call()
                        : closed(number, at, person(number));
                if (call.end().isBefore(shiftStart)) {
                    calls.add(call);
                    number++;
                }
            }
        }
        return calls;
    }

    /** Ten kinds of closed call, in turn. */
    private Call closed(int number, Instant at, Person person) {
        return switch (number % 10) {
            case 0, 4 -> mentalHealthReferral(at, person, number).call();
            case 1 -> riskToLife(at, person, number).then(12, "officer1", ATTEND,
                    Map.of("outcome", "RESOLVED", "note", "Talked down and taken home to family; crisis line number given")).call();
            case 2 -> advice(at, person, WELFARE_ADVICE[number % WELFARE_ADVICE.length], number).call();
            case 3 -> socialCareReferral(at, person, number).then(135, "social1", OUTCOME,
                    Map.of("outcome", "CONTACT_MADE", "note", "Visited: care package restarted from tomorrow")).call();
            case 5 -> rejectedAndRerouted(at, person, number).call();
            case 6 -> s136(at, person, number)
                    .then(40, "hospital1", HANDOVER, Map.of("decision", "ACCEPT", "note", "Handed over to the suite nurse"))
                    .then(200, "hospital1", ASSESSMENT, Map.of("outcome", number % 20 == 6 ? "ADMITTED_INFORMALLY"
                            : "DISCHARGED_WITH_FOLLOW_UP", "note", "Mental Health Act assessment completed"))
                    .call();
            case 7 -> crime(at, person, number).then(38, "officer1", ATTEND,
                    Map.of("outcome", "RESOLVED", "note", "Words of advice given; no further offences disclosed")).call();
            case 8 -> notLocated(at, person, number).then(55, "supervisor1", REVIEW, Map.of("action", "CLOSE",
                    "whereabouts", "LOCATED_SAFE", "note", "Family rang: found safe at a friend's, who will stay with them tonight")).call();
            default -> mentalHealthReferral(at, person, number).call();
        };
    }

    /** The last six hours: three calls closed, then the cases still open as the shift goes on. */
    private List<Call> today(Instant end) {
        List<Call> calls = new ArrayList<>();
        calls.add(advice(end.minus(Duration.ofMinutes(360)), new Person("Derek Fairbairn", 58, "Derek Fairbairn", "self",
                "27 Station Road"), "Caller asking how to get help with his low mood; no risk to himself or others", 502).call());
        calls.add(riskToLife(end.minus(Duration.ofMinutes(330)), new Person("Jordan Pike", 24, "Ali Stone", "friend",
                "Town bridge"), 501).then(11, "officer1", ATTEND,
                Map.of("outcome", "RESOLVED", "note", "Found on the bridge and talked down; taken home to his mother")).call());
        calls.add(mentalHealthReferral(end.minus(Duration.ofMinutes(300)), new Person("Grace Whitfield", 37, "Tom Whitfield",
                "husband", "9 Brook Close"), 504).call());

        // Escalated: a person not located, waiting for a supervisor's review
        calls.add(notLocated(end.minus(Duration.ofMinutes(70)), new Person("Liam Cartwright", 29, "Erin Cartwright", "sister",
                "Flat 3, 41 Canal Walk"), 505).call());
        // Referred: accepted by the crisis team, who are on their way
        calls.add(journey(end.minus(Duration.ofMinutes(55)), "handler2", call(end.minus(Duration.ofMinutes(55)), "PUBLIC_101",
                        "CONCERN_FOR_WELFARE", "Neighbour worried: she has been shouting at voices through the wall since the"
                                + " early hours; no threats to anyone", new Person("Hannah Lowe", 44, "Peter Grant", "neighbour",
                                "15 Hillside Avenue"), 506, "MENTAL_HEALTH"))
                .then(2, "handler2", TRIAGE, triage(false, false, true, "Known to the crisis team; no threat to anyone: the crisis"
                        + " team is the right care"))
                .then(6, "handler2", INFORM, Map.of("method", "PHONE", "note", "Told the neighbour the crisis team will visit"))
                .then(10, "mhcrisis1", ACCEPT, Map.of("decision", "ACCEPT", "note", "Her care coordinator and a nurse will visit"
                        + " within the hour"))
                .call());
        // Escalated: the crisis team cannot take it; a supervisor decides what happens now
        calls.add(journey(end.minus(Duration.ofMinutes(40)), "handler1", call(end.minus(Duration.ofMinutes(40)), "PUBLIC_101",
                        "CONCERN_FOR_WELFARE", "Mother worried about her son: not sleeping for days, talking about debts; says"
                                + " he is safe at home", new Person("Ben Harcourt", 31, "Julie Harcourt", "mother",
                                "7 Quarry Road"), 507, "MENTAL_HEALTH"))
                .then(2, "handler1", TRIAGE, triage(false, false, true, "Known to mental health services, at home, no immediate"
                        + " risk: refer to the crisis team"))
                .then(6, "handler1", INFORM, Map.of("method", "PHONE", "note", "Told his mother the crisis team will be in touch"))
                .then(12, "mhcrisis1", ACCEPT, Map.of("decision", "REJECT", "reasonCode", "NO_CAPACITY",
                        "note", "No crisis worker free before tomorrow morning; the home treatment team can phone him at 9"))
                .call());
        // At the s136 handover: officers have arrived at the suite, the hospital has not taken the person over yet
        calls.add(s136(end.minus(Duration.ofMinutes(26)), new Person("Kayleigh Moss", 22, null, null, "Multi-storey car park,"
                + " Market Square"), 508).call());
        // Police attending: a crime, graded priority
        calls.add(crime(end.minus(Duration.ofMinutes(10)), new Person("unknown male", 40, "Asha Begum", "shop manager",
                "Co-op, 2 High Street"), 513).call());
        // Waiting for triage: a routine 101 call (about someone with an earlier call this month), then a 999 risk to life
        Instant routine = end.minus(Duration.ofMinutes(4));
        calls.add(journey(routine, "handler2", call(routine, "PUBLIC_101", "CONCERN_FOR_WELFARE", "Daughter worried again: mum"
                + " confused on the phone this morning and not answering since", MARY, 510, "SOCIAL_CARE")).call());
        Instant urgent = end.minus(Duration.ofMinutes(1));
        calls.add(journey(urgent, "handler1", call(urgent, "PUBLIC_999", "CONCERN_FOR_WELFARE", "Screaming and sounds of"
                + " fighting from the flat upstairs; a woman shouting for help, then silence", new Person("unknown female", null,
                "Ravi Patel", "neighbour", "Flat 6, Victoria Park flats"), 511)).call());
        return calls;
    }

    // ---- journeys: a call and its steps, in minutes after it was logged ----

    private Journey mentalHealthReferral(Instant at, Person person, int number) {
        return journey(at, handler(number), call(at, number % 2 == 0 ? "PUBLIC_101" : "PUBLIC_999",
                "CONCERN_FOR_WELFARE", MENTAL_HEALTH[number % MENTAL_HEALTH.length], person, number, "MENTAL_HEALTH"))
                .then(3, handler(number), TRIAGE, triage(false, false, true, "Known to the crisis team, no immediate risk to"
                        + " life: the crisis team is the right care"))
                .then(7, handler(number), INFORM, Map.of("method", number % 3 == 0 ? "SMS" : "PHONE",
                        "note", "Told the caller the crisis team will be in touch"))
                .then(13, "mhcrisis1", ACCEPT, Map.of("decision", "ACCEPT", "note", "Crisis team will visit today"))
                .then(150, "mhcrisis1", OUTCOME, Map.of("outcome", number % 3 == 1 ? "CONTACT_MADE" : "ASSESSED",
                        "note", "Seen at home; safety plan agreed with the home treatment team"));
    }

    private Journey socialCareReferral(Instant at, Person person, int number) {
        return journey(at, handler(number), call(at, "PUBLIC_101", "CONCERN_FOR_WELFARE", "Carer did not arrive this morning;"
                        + " confused and has not eaten, a neighbour is there now", person, number, "SOCIAL_CARE"))
                .then(3, handler(number), TRIAGE, triage(false, false, true, "Known to adult social care; safe with a neighbour"))
                .then(8, handler(number), INFORM, Map.of("method", "PHONE", "note", "Told the neighbour social care will call"))
                .then(16, "social1", ACCEPT, Map.of("decision", "ACCEPT", "note", "Duty social worker will visit"));
    }

    private Journey rejectedAndRerouted(Instant at, Person person, int number) {
        return journey(at, handler(number), call(at, "PUBLIC_101", "CONCERN_FOR_WELFARE", "Landlord worried about a tenant who"
                        + " has stopped going out; flat in a poor state, no threats", person, number, "MENTAL_HEALTH"))
                .then(3, handler(number), TRIAGE, triage(false, false, true, "Known to mental health services some years ago;"
                        + " no immediate risk"))
                .then(7, handler(number), INFORM, Map.of("method", "PHONE", "note", "Told the landlord who will help"))
                .then(14, "mhcrisis1", ACCEPT, Map.of("decision", "REJECT", "reasonCode", "NOT_OUR_SERVICE",
                        "note", "Discharged from our service two years ago; self-neglect is for adult social care"))
                .then(24, "supervisor1", REVIEW, Map.of("action", "REROUTE", "agency", "SOCIAL_CARE",
                        "note", "Agreed with the crisis team: self-neglect, adult social care to assess"))
                .then(38, "social1", ACCEPT, Map.of("decision", "ACCEPT", "note", "Duty social worker will visit today"))
                .then(170, "social1", OUTCOME, Map.of("outcome", "ASSESSED", "note", "Assessed at home: support plan started"));
    }

    private Journey riskToLife(Instant at, Person person, int number) {
        return journey(at, handler(number), call(at, "PUBLIC_999", "CONCERN_FOR_WELFARE", RISK_TO_LIFE[number % RISK_TO_LIFE.length],
                        person, number))
                .then(2, handler(number), TRIAGE, triage(true, false, true, "Real and immediate risk to life: police attend"));
    }

    private Journey crime(Instant at, Person person, int number) {
        return journey(at, handler(number), call(at, number % 2 == 0 ? "PUBLIC_101" : "PUBLIC_999", "OTHER",
                        CRIME[number % CRIME.length], person, number))
                .then(2, handler(number), TRIAGE, triage(false, true, true, "Crime reported, no risk to life: police attend,"
                        + " priority"));
    }

    private Journey notLocated(Instant at, Person person, int number) {
        return journey(at, handler(number), call(at, "PUBLIC_999", "CONCERN_FOR_WELFARE", "Family say they texted goodbye an hour"
                        + " ago and are not answering; not at home", person, number))
                .then(2, handler(number), TRIAGE, triage(true, false, false, "Texted goodbye, whereabouts unknown: police"
                        + " attend at once"))
                .then(13, "officer1", ATTEND, Map.of("outcome", "NO_TRACE", "note", "Home, the park and the canal towpath"
                        + " searched; no trace"));
    }

    private Journey advice(Instant at, Person person, String summary, int number) {
        return journey(at, handler(number), call(at, "PUBLIC_101", "CONCERN_FOR_WELFARE", summary, person, number))
                .then(3, handler(number), TRIAGE, triage(false, false, true, "No risk, no crime, not known to any service:"
                        + " advice"))
                .then(6, handler(number), INFORM, Map.of("method", "PHONE", "note", "Advised NHS 111 option 2 and the GP"
                        + " tomorrow; to ring 999 if anything changes"));
    }

    /** Officers have detained someone under s136 and are on the way to the suite; they record the arrival. */
    private Journey s136(Instant at, Person person, int number) {
        Map<String, Object> body = call(at, "PUBLIC_999", "S136_HANDOVER", "Officers detained someone under s136 on the car park"
                + " roof; calm now, ambulance conveying to the s136 suite", person, number);
        body.put("s136", Map.of("detainedAt", at.minus(Duration.ofMinutes(9)).toString(), "conveyance", "AMBULANCE"));
        return journey(at, handler(number), body).then(12, "officer1", ARRIVAL, Map.of(
                "arrivedAt", at.plus(Duration.ofMinutes(10)).toString(), "placeOfSafety", "HEALTH_BASED",
                "note", "At the s136 suite, St Mary's; two officers with her"));
    }

    // ---- bodies ----

    private Map<String, Object> call(Instant at, String source, String category, String summary, Person person,
                                            int number, String... knownTo) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", "CAD-" + REFERENCE.format(at.atZone(zone)));
        body.put("source", source);
        body.put("category", category);
        body.put("summary", summary);
        body.put("location", Map.of("description", person.place(), "urban", true));
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("name", person.name());
        subject.put("ageYears", person.age());
        subject.put("knownTo", List.of(knownTo));
        body.put("subject", subject);
        if (person.caller() != null) {
            body.put("caller", Map.of("name", person.caller(), "phone", "07700 900" + String.format("%03d", number % 1000),
                    "relationship", person.relationship()));
        }
        return body;
    }

    /** The six threshold questions: no serious harm, no child at risk, no medical emergency, no missing person. */
    private static Map<String, Object> triage(boolean riskToLife, boolean crime, boolean whereaboutsKnown, String rationale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("crime", crime);
        body.put("riskToLife", riskToLife);
        body.put("seriousHarm", false);
        body.put("childAtRisk", false);
        body.put("medicalEmergency", false);
        body.put("missingPerson", false);
        body.put("whereaboutsKnown", whereaboutsKnown);
        body.put("rationale", rationale);
        return body;
    }

    private static String handler(int number) {
        return number % 3 == 2 ? "handler2" : "handler1";
    }

    private record Person(String name, Integer age, String caller, String relationship, String place) {
    }

    /** The month's people: each a name of its own, so that no call repeats another about the same person. */
    private static Person person(int number) {
        String name = FIRST[number % FIRST.length] + " " + LAST[(number * 7) % LAST.length];
        String caller = FIRST[(number + 9) % FIRST.length] + " " + LAST[(number * 7) % LAST.length];
        return new Person(name, 19 + (number * 13) % 62, caller, RELATIONSHIPS[number % RELATIONSHIPS.length],
                (number % 40 + 1) + " " + STREETS[number % STREETS.length]);
    }

    private static Journey journey(Instant at, String user, Map<String, Object> body) {
        return new Journey(at, user, body);
    }

    /** One call and its steps, each some minutes after the call was logged. */
    private static final class Journey {

        private final Instant at;
        private final String user;
        private final Map<String, Object> body;
        private final List<Step> steps = new ArrayList<>();

        private Journey(Instant at, String user, Map<String, Object> body) {
            this.at = at;
            this.user = user;
            this.body = body;
        }

        Journey then(int minutes, String user, String taskKey, Map<String, Object> body) {
            steps.add(new Step(at.plus(Duration.ofMinutes(minutes)), user, taskKey, body));
            return this;
        }

        Call call() {
            return new Call(at, user, body, List.copyOf(steps));
        }
    }

    private static final String[] MENTAL_HEALTH = {
            "Neighbour worried: shouting at voices through the wall, known to the crisis team; no threats to anyone",
            "Friend worried: stopped taking medication and not sleeping; at home, no threats",
            "Family worried: low since a bereavement, says all is fine but not eating",
            "Partner worried: pacing and distressed, says people are following; at home together"};
    private static final String[] RISK_TO_LIFE = {
            "Person standing on the outside of the bridge parapet, not responding to passers-by",
            "Caller's housemate has taken an overdose and locked the bathroom door",
            "Person on the railway embankment by the level crossing, crying and shouting"};
    private static final String[] CRIME = {
            "Shop staff threatened with a bottle; the person is now outside the shop",
            "Neighbour dispute: threats to smash windows, caller's car damaged",
            "Threats to a neighbour over parking; caller frightened to go out"};
    private static final String[] WELFARE_ADVICE = {
            "Caller asking how to get help for her son's low mood; no risk to him or others",
            "Man asking for advice: his elderly neighbour seems lonely, no concerns for her safety",
            "Caller worried about a friend's drinking; friend is at home and safe"};
}
