package org.rcrp.handover.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rcrp.handover.assurance.LinkedRecordType;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.CaseState;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.Grade;
import org.rcrp.handover.process.Groups;
import org.rcrp.handover.process.LabelCatalogue;
import org.rcrp.handover.process.Route;
import org.rcrp.handover.process.Source;

/**
 * The words the pages use for the codes the system keeps: enum values (from the catalogue, {@link LabelCatalogue}: label,
 * hint and what choosing a value does), the case journal's entry types and the names of groups. A value without words
 * is still never shown as a code: it reads as its name in lower case ("POLICE_VEHICLE" → "Police vehicle"). To give a
 * value of the shared vocabulary words, add it to the catalogue; anything else, a line at the end of the constructor.
 */
public final class Labels {

    /** Journal and engine entry types that only an auditor needs: who read the case, tasks created and claimed, bookkeeping. */
    private static final Set<String> AUDIT = Set.of("CASE_READ", "REFERRAL_READ", "TASK_CREATED", "TASK_CLAIMED",
            "TASK_UNCLAIMED", "SYSTEM");

    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\\b");
    private static final Pattern UNDERSCORED = Pattern.compile("[A-Z0-9]+(?:_[A-Z0-9]+)+");

    /** An instant as the system writes it into a sentence ("ETA 2026-12-07T03:10:00Z"). */
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?Z");

    /** The catalogue's enums, in the order their words fill sentences. */
    private static final java.util.List<Class<? extends Enum<?>>> CATALOGUED = java.util.stream.Stream.concat(
            java.util.stream.Stream.of(CaseState.class, Agency.class, Grade.class, Route.class, Source.class, Category.class),
            java.util.stream.Stream.concat(LabelCatalogue.CHOICES.stream(), LabelCatalogue.SHOWN.stream())).distinct().toList();

    /** An ISO-8601 duration as the system writes it into a sentence ("within PT24H"). */
    private static final Pattern DURATION = Pattern.compile("\\bP(?=\\d|T\\d)(?:\\d+D)?(?:T(?=\\d)(?:\\d+H)?(?:\\d+M)?(?:\\d+(?:\\.\\d+)?S)?)?\\b");

    private final DueClock clock = new DueClock();
    private final Map<Enum<?>, String> labels = new HashMap<>();
    /** What a code reads as inside a sentence the system wrote ("Caller informed by PHONE"). */
    private final Map<String, String> words = new HashMap<>();
    private final Map<String, String> events = new HashMap<>();
    private final Map<String, String> groups = new HashMap<>();

    public Labels() {
        // The shared vocabulary's words, in a fixed order (a code in two enums reads as the first one's label in a sentence).
        for (Class<? extends Enum<?>> codes : CATALOGUED) {
            for (Enum<?> constant : codes.getEnumConstants()) {
                LabelCatalogue.Entry entry = LabelCatalogue.entry(constant);
                if (entry != null) {
                    label(constant, entry.label());
                }
            }
        }
        word(Route.POLICE_ATTEND, "police attendance");
        word(Route.REFER, "referral");
        label(LinkedRecordType.CORONER_REPORT, "Coroner's report");

        event("CALL_LOGGED", "Call logged");
        event("UPDATE", "New information");
        event("TASK_COMPLETED", "Done");
        event("TASK_CREATED", "Task created");
        event("TASK_CLAIMED", "Task claimed");
        event("TASK_UNCLAIMED", "Task given back");
        event("CASE_READ", "Read by a partner");
        event("REFERRAL_READ", "Referral read");
        event("SYSTEM", "System step");
        event("STARTED", "Started");
        event("CLOCK_EXPIRED", "Clock ran out");
        event("RISK_RAISED", "Risk raised");
        event("CASE_CLOSED", "Case closed");
        event("TRIAGE_DECIDED", "Triage decided");
        event("TRIAGE_OVERRIDDEN", "Triage decided against the recommendation");
        event("POLICE_ADDED", "Police added");
        event("STOOD_DOWN", "Stood down");
        event("REPEAT_CONTACT", "Repeat contact");
        event("REPEAT_CONTACT_SEEN", "Repeat contact seen");
        event("RECORD_LINKED", "Record linked");
        event("S136_EXTENDED", "Detention extended");
        event("REVIEW_WITHDRAWN", "Review withdrawn");

        group(Groups.CALL_HANDLERS, "call handler");
        group(Groups.RESPONSE_OFFICERS, "response officer");
        group(Groups.POLICE_SUPERVISORS, "police supervisor");
        group(Groups.DUTY_INSPECTORS, "duty inspector");
        group(Groups.MENTAL_HEALTH, "mental health crisis team");
        group(Groups.AMBULANCE, "ambulance service");
        group(Groups.SOCIAL_CARE, "adult social care");
        group(Groups.CHILDRENS_SOCIAL_CARE, "children's social care");
        group(Groups.HOSPITAL_LIAISON, "hospital liaison");
        group(Groups.FIRE, "fire and rescue service");
        group("rcrp-handover", "automatic");

        // Every other value of these reads as its name in words inside the system's sentences ("Partner outcome ASSESSED").
        for (Class<? extends Enum<?>> codes : java.util.stream.Stream.concat(CATALOGUED.stream(), java.util.stream.Stream.of(
                LinkedRecordType.class, org.rcrp.handover.plan.ResponseState.class, org.rcrp.handover.plan.Role.class)).toList()) {
            for (Enum<?> constant : codes.getEnumConstants()) {
                words.putIfAbsent(constant.name(), inSentence(of(constant)));
            }
        }
    }

    /** The words for an enum value or a code; "—" for none. */
    public String of(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Enum<?> constant) {
            String label = labels.get(constant);
            return label != null ? label : sentence(constant.name());
        }
        String text = String.valueOf(value);
        return UNDERSCORED.matcher(text).matches() || CODE.matcher(text).matches() && words.containsKey(text)
                ? capitalised(words.getOrDefault(text, sentence(text))) : text;
    }

    /**
     * A decision's rationale in words: the system's, and after an override's closing "): " the handler's reason as they
     * wrote it (CaseQueries joins the two).
     */
    public String rationale(String rationale) {
        if (rationale == null) {
            return "—";
        }
        int reason = rationale.startsWith("Override of the recommendation (") ? rationale.indexOf("): ") : -1;
        return reason < 0 ? text(rationale) : text(rationale.substring(0, reason + 1)) + rationale.substring(reason + 1);
    }

    /** Several values in words, joined: "Mental health crisis team, Adult social care". */
    public String list(java.util.Collection<?> values) {
        return values == null ? "" : String.join(", ", values.stream().map(this::of).toList());
    }

    /** A choice on a page: the value the form sends, its label, and the hint shown under it (may be null). */
    public record Option(String value, String label, String hint) {
    }

    /** What a value means, from the catalogue ("A real and immediate risk …"); null when it has no hint. */
    public String hint(Object value) {
        LabelCatalogue.Entry entry = value instanceof Enum<?> constant ? LabelCatalogue.entry(constant) : null;
        return entry == null ? null : entry.hint();
    }

    /** What choosing a value does, from the catalogue ("Officers get a task to attend now …"); null when nobody chooses it. */
    public String consequence(Object value) {
        LabelCatalogue.Entry entry = value instanceof Enum<?> constant ? LabelCatalogue.entry(constant) : null;
        return entry == null ? null : entry.consequence();
    }

    /** A choice's hint and consequence as the line under it: "Give a reason below. Police stay responsible …". */
    public String explanation(Object value) {
        String hint = hint(value);
        String consequence = consequence(value);
        if (hint == null) {
            return consequence;
        }
        return consequence == null ? hint : hint + (hint.endsWith(".") ? " " : ". ") + consequence;
    }

    /** The values as a page's choices: each with its label, and what it means and does under it. */
    public java.util.List<Option> options(java.util.Collection<? extends Enum<?>> values) {
        return values.stream().map(value -> new Option(value.name(), of(value), explanation(value))).toList();
    }

    /** A duration in words: "PT24H" or 24 hours → "24 hours" (LabelCatalogue.duration). */
    public String duration(Object duration) {
        return LabelCatalogue.duration(duration);
    }

    /** What a journal or engine entry type says ("TASK_CLAIMED" → "Task claimed"). */
    public String event(String type) {
        return type == null ? "" : events.getOrDefault(type, sentence(type));
    }

    /** Whether entries of this type are routine audit detail, hidden from the chronology until asked for. */
    public boolean audit(String type) {
        return AUDIT.contains(type);
    }

    /** Several groups' names in words, joined: "call handler, police supervisor". */
    public String groups(java.util.Collection<String> groups) {
        return groups == null ? "" : String.join(", ", groups.stream().map(this::group).toList());
    }

    /** A group's name in words ("call-handlers" → "call handler"). */
    public String group(String group) {
        return group == null ? "" : groups.getOrDefault(group, group.replace('-', ' '));
    }

    /**
     * A sentence the system wrote, with the codes in it in words: "Caller informed by PHONE" → "Caller informed by phone".
     * Only what the system wrote: a person's words are never changed (see {@link Chronology}).
     */
    public String text(String systemText) {
        if (systemText == null) {
            return "";
        }
        Matcher codes = CODE.matcher(systemText);
        StringBuilder result = new StringBuilder();
        while (codes.find()) {
            String code = codes.group();
            String replacement = words.containsKey(code) ? words.get(code)
                    : code.indexOf('_') > 0 ? sentence(code).toLowerCase(Locale.UK) : code;
            codes.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        codes.appendTail(result);
        Matcher instants = INSTANT.matcher(result);
        StringBuilder dated = new StringBuilder();
        while (instants.find()) {
            String instant = instants.group();
            try {
                instant = clock.dateTime(java.time.Instant.parse(instant));
            } catch (java.time.format.DateTimeParseException notAnInstant) {
                // left as written
            }
            instants.appendReplacement(dated, Matcher.quoteReplacement(instant));
        }
        instants.appendTail(dated);
        return DURATION.matcher(dated).replaceAll(duration -> Matcher.quoteReplacement(LabelCatalogue.duration(duration.group())));
    }

    /** What a value reads as inside the system's sentences, where its label would not fit ("REFER to X" → "referral to X"). */
    private void word(Enum<?> constant, String word) {
        words.put(constant.name(), word);
    }

    private void label(Enum<?> constant, String label) {
        labels.put(constant, label);
        words.putIfAbsent(constant.name(), inSentence(label));
    }

    private void event(String type, String words) {
        events.put(type, words);
    }

    private void group(String group, String words) {
        groups.put(group, words);
    }

    /** "POLICE_VEHICLE" → "Police vehicle". */
    private static String sentence(String code) {
        String words = code.replace('_', ' ').toLowerCase(Locale.UK);
        return words.isEmpty() ? words : capitalised(words);
    }

    private static String capitalised(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A label inside a sentence: "Mental health crisis team" → "mental health crisis team", but "NHS 111" stays. */
    private static String inSentence(String label) {
        return label.length() > 1 && Character.isLowerCase(label.charAt(1))
                ? Character.toLowerCase(label.charAt(0)) + label.substring(1) : label;
    }
}
