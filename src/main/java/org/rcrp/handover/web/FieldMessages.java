package org.rcrp.handover.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Error messages for the pages in the GOV.UK style: what to do, in words ("Select yes if there is a real and immediate
 * risk to someone's life", "Enter the caller's phone number in a format like 07700 900123"), never a field's name or a
 * validator's fragment ("riskToLife is required", "must not be null"). The API's problem+json keeps its own wording
 * and names the field; the pages turn those fragments into sentences here, so a field the API checks gets its words
 * on the page by naming it once below (or, for a task's form, in {@link TaskForms}).
 */
public final class FieldMessages {

    /**
     * A field in words: its name in a sentence ("the caller's phone number"), what to do when it is missing, and
     * (optional) what to do when it is not in the right form.
     */
    public record Words(String name, String missing, String invalid) {

        public Words(String name, String missing) {
            this(name, missing, null);
        }
    }

    private static final Pattern SIZE = Pattern.compile("size must be between (\\d+) and (\\d+)");
    private static final Pattern AT_MOST = Pattern.compile("must be at most (\\d+) characters");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b[a-z]+(?:[A-Z][a-z]*)+\\b|\\b[a-z]+\\.[a-z]+[A-Za-z]*\\b");

    public static final Map<String, Words> CALL = Map.ofEntries(
            Map.entry("reference", new Words("the reference", "Enter the command-and-control reference")),
            Map.entry("source", new Words("where the call came from", "Select where the call came from")),
            Map.entry("category", new Words("what the call is about", "Select what the call is about")),
            Map.entry("summary", new Words("what has happened", "Enter what has happened, in the caller's words")),
            Map.entry("location.description", new Words("the location", "Enter the location")),
            Map.entry("location.urban", new Words("whether it is in a town or city", "Select yes if it is in a town or city")),
            Map.entry("subject.name", new Words("the person's name", "Enter the person's name")),
            Map.entry("subject.ageYears", new Words("the person's age", "Enter the person's age in years",
                    "Enter the person's age as a whole number of years, from 0 to 130")),
            Map.entry("subject.knownTo", new Words("the services the person is known to", "Select the services the person is known to")),
            Map.entry("caller.name", new Words("the caller's name", "Enter the caller's name")),
            Map.entry("caller.phone", new Words("the caller's phone number", "Enter the caller's phone number",
                    "Enter the caller's phone number using digits, spaces and + ( ) - only, like 07700 900123")),
            Map.entry("caller.relationship", new Words("the caller's relationship to the person", "Enter the caller's relationship to the person")),
            Map.entry("awol", new Words("the AWOL details", "Enter the AWOL details")),
            Map.entry("awol.mhaSection", new Words("the Mental Health Act section", "Enter the Mental Health Act section")),
            Map.entry("awol.retakeExpiry", new Words("the date the power to retake expires", "Enter the date the power to retake the patient expires")),
            Map.entry("awol.partThree", new Words("Part III", "Select yes if the patient is detained under Part III")),
            Map.entry("awol.dangerous", new Words("whether the patient is dangerous", "Select yes if the patient is considered dangerous")),
            Map.entry("awol.particularlyVulnerable", new Words("whether the patient is particularly vulnerable",
                    "Select yes if the patient is particularly vulnerable")),
            Map.entry("awol.hospitalSearched", new Words("whether the hospital was searched",
                    "Select yes if the hospital and its grounds have been searched")),
            Map.entry("awol.kind", new Words("how the patient came to be absent", "Select how the patient came to be absent")),
            Map.entry("walkout.setting", new Words("the setting", "Select which kind of setting the person left")),
            Map.entry("walkout.detained", new Words("whether the person is detained", "Select yes if the person is detained under the Mental Health Act")),
            Map.entry("walkout.riskAssessmentGiven", new Words("the setting's risk assessment", "Select yes if the setting has given its risk assessment")),
            Map.entry("walkout.description", new Words("the description", "Enter a description of the person")),
            Map.entry("walkout.lastSeen", new Words("when the person was last seen", "Enter when the person was last seen")),
            Map.entry("walkout.capacityConcern", new Words("the person's capacity", "Select yes if the setting doubts the person's capacity to decide to leave")));

    static final Map<String, Words> TRIAGE = Map.ofEntries(
            Map.entry("riskToLife", new Words("the risk to life", "Select yes if there is a real and immediate risk to someone's life")),
            Map.entry("seriousHarm", new Words("the risk of serious harm", "Select yes if someone is at real and immediate risk of serious harm")),
            Map.entry("childAtRisk", new Words("the risk to a child", "Select yes if a child is at immediate risk")),
            Map.entry("crime", new Words("the crime", "Select yes if a crime has occurred or is occurring")),
            Map.entry("missingPerson", new Words("the missing person", "Select yes if this is a missing person")),
            Map.entry("medicalEmergency", new Words("the medical emergency", "Select yes if there is a medical emergency")),
            Map.entry("rationale", new Words("your rationale", "Enter your rationale: what you know and why you decided")),
            Map.entry("overrideRoute", new Words("the route", "Select the route you choose instead of the recommendation")),
            Map.entry("overrideAgency", new Words("the agency", "Select the agency to refer to")),
            Map.entry("overrideReason", new Words("the reason for the override", "Enter the reason for the override")),
            Map.entry("overrideAddAgencies", new Words("the other agencies", "Select the other agencies")),
            Map.entry("whereaboutsKnown", new Words("whether you know where the person is", "Select yes if you know where the person is now")),
            Map.entry("entryNeeded", new Words("the power of entry", "Select yes if a power of entry is needed to reach the person")),
            Map.entry("lastSeen", new Words("when the person was last seen", "Enter when the person was last seen")),
            Map.entry("callerActions", new Words("what the caller did", "Enter what the caller has done")),
            Map.entry("thriveThreat", new Words("the THRIVE threat", "Enter the threat")),
            Map.entry("thriveHarm", new Words("the THRIVE harm", "Enter the harm")),
            Map.entry("thriveRisk", new Words("the THRIVE risk", "Enter the risk")),
            Map.entry("thriveInvestigation", new Words("the THRIVE investigation", "Enter the investigation")),
            Map.entry("thriveVulnerability", new Words("the THRIVE vulnerability", "Enter the vulnerability")),
            Map.entry("thriveEngagement", new Words("the THRIVE engagement", "Enter the engagement")),
            Map.entry("seenUpdates", new Words("the new information shown", "Reload the page and try again")));

    /** The other pages' fields: new information on the case page, contacts, the disputes' review, a kept note. */
    static final Map<String, Words> OTHER = Map.ofEntries(
            Map.entry("note", new Words("the note", "Enter the note")),
            Map.entry("whose", new Words("whose details", "Select whose details your agency needs")),
            Map.entry("purpose", new Words("what your agency needs them for", "Enter what your agency needs the details for")),
            Map.entry("decision", new Words("the decision", "Select grant or refuse")),
            Map.entry("lawfulBasis", new Words("the lawful basis", "Enter the lawful basis for sharing")),
            Map.entry("sharingAgreement", new Words("the information-sharing agreement", "Enter the information-sharing agreement")),
            Map.entry("learningNote", new Words("the learning note", "Enter the learning note")),
            Map.entry("kept-note", new Words("what will be added to the case", "Enter what will be added to the case")),
            Map.entry("from", new Words("the start of the period", "Enter the start of the period")),
            Map.entry("to", new Words("the end of the period", "Enter the end of the period")));

    /** Every page's fields, for errors no controller put into words (PageErrorWords). */
    static final Map<String, Words> ALL;

    static {
        Map<String, Words> all = new LinkedHashMap<>(OTHER);
        all.putAll(TRIAGE);
        all.putAll(CALL);
        ALL = Map.copyOf(all);
    }

    private FieldMessages() {
    }

    /** Every error of a page as a sentence, in the same order, keyed by the same fields. */
    public static Map<String, String> sentences(Map<String, String> errors, Map<String, Words> fields, Labels labels) {
        Map<String, String> sentences = new LinkedHashMap<>();
        errors.forEach((field, message) -> sentences.put(field, sentence(field, message, fields, labels)));
        return sentences;
    }

    /** One error as a sentence: the field's own words when it is missing, otherwise the message said of the field. */
    static String sentence(String field, String message, Map<String, Words> fields, Labels labels) {
        Words words = fields.get(field);
        String name = words != null ? words.name() : "the " + inWords(field);
        if (message == null || message.isBlank() || missing(message)
                || words != null && (message.startsWith("is not one of") || message.equals("must be yes or no"))) {
            return words != null ? words.missing() : capitalised(name) + " is needed";
        }
        if (Character.isUpperCase(message.charAt(0)) && !message.matches("[A-Z_0-9]+\\b.*")) {
            return capitalised(labels.text(message)); // a sentence already
        }
        Matcher size = SIZE.matcher(message);
        if (size.matches()) {
            return capitalised(name) + " must be " + size.group(2) + " characters or fewer";
        }
        Matcher atMost = AT_MOST.matcher(message);
        if (atMost.matches()) {
            return capitalised(name) + " must be " + atMost.group(1) + " characters or fewer";
        }
        if (words != null && words.invalid() != null) {
            return words.invalid();
        }
        String said = message.startsWith("must ") || message.startsWith("is ") || message.startsWith("may ")
                || message.startsWith("has ") || message.startsWith("only ") || message.startsWith("each ")
                ? name + " " + message : message;
        return capitalised(labels.text(namesInWords(said, fields)));
    }

    /** "must not be before detainedAt" → "must not be before when the person was detained". */
    private static String namesInWords(String message, Map<String, Words> fields) {
        Matcher identifiers = IDENTIFIER.matcher(message);
        StringBuilder result = new StringBuilder();
        while (identifiers.find()) {
            Words words = fields.get(identifiers.group());
            identifiers.appendReplacement(result, Matcher.quoteReplacement(words != null ? words.name() : identifiers.group()));
        }
        identifiers.appendTail(result);
        return result.toString();
    }

    /** A field's name as words: "overrideReason" → "override reason", "kept-note" → "kept note". */
    private static String inWords(String field) {
        return field.replaceAll("([a-z])([A-Z])", "$1 $2").replaceAll("[-_.]", " ").toLowerCase(Locale.UK);
    }

    private static boolean missing(String message) {
        String lower = message.toLowerCase(Locale.UK);
        return lower.startsWith("is required") || lower.equals("must not be null") || lower.equals("must not be blank")
                || lower.equals("must not be empty");
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
