package org.rcrp.handover.web.calls;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.rcrp.handover.intake.NewCall;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.AwolKind;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.LabelCatalogue;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.process.WalkoutSetting;
import org.springframework.util.MultiValueMap;

/**
 * The "log a call" form. Its inputs are named by the API's JSON paths ({@code subject.ageYears},
 * {@code awol.retakeExpiry}), so an error from the API's validation lands next to the input of the same
 * name. Everything typed is kept as typed: a wrong age or date is reported, never silently dropped.
 * AWOL details count only when the category is AWOL, a walk-out's only when it is WALKOUT (they are hidden otherwise). A
 * time of day is the force's ({@code rcrp.metrics.zone}), as the handler reads the clock on the wall.
 */
public final class CallForm {

    record Option(String value, String label, String hint) {
    }

    record Read(NewCall call, Map<String, String> errors) {
    }

    /** The choices of the form, in the catalogue's words (LabelCatalogue): label and hint. */
    static final List<Option> SOURCES = options(Source.values());

    static final List<Option> CATEGORIES = options(Category.values());

    static final List<Option> AWOL_KINDS = options(AwolKind.values());

    static final List<Option> WALKOUT_SETTINGS = options(WalkoutSetting.values());

    /** The services a person may be known to: the agencies this force refers to. */
    static List<Option> knownTo(List<Agency> referable) {
        return referable.stream().map(agency -> new Option(agency.name(), LabelCatalogue.label(agency), null)).toList();
    }

    private static List<Option> options(Enum<?>[] values) {
        return Arrays.stream(values).map(value -> new Option(value.name(), LabelCatalogue.label(value),
                LabelCatalogue.entry(value) == null ? null : LabelCatalogue.entry(value).hint())).toList();
    }

    private final MultiValueMap<String, String> answers;
    private final ZoneId zone;
    private final Map<String, String> errors = new LinkedHashMap<>();

    private CallForm(MultiValueMap<String, String> answers, ZoneId zone) {
        this.answers = answers;
        this.zone = zone;
    }

    /** The call the answers describe, or the errors that stop it (checked again by the API's validation). */
    static Read read(MultiValueMap<String, String> answers, ZoneId zone) {
        CallForm form = new CallForm(answers, zone);
        Category category = form.choice("category", Category.class);
        NewCall call = new NewCall(form.text("reference"), form.choice("source", Source.class), category,
                form.text("summary"),
                form.location(), form.subject(), form.caller(), category == Category.AWOL ? form.awol() : null,
                category == Category.WALKOUT ? form.walkout() : null);
        return new Read(call, form.errors);
    }

    private NewCall.Location location() {
        String description = text("location.description");
        Boolean urban = yesNo("location.urban");
        return description == null && urban == null ? null : new NewCall.Location(description, urban);
    }

    private NewCall.Subject subject() {
        String name = text("subject.name");
        Integer age = wholeNumber("subject.ageYears");
        List<Agency> knownTo = new ArrayList<>();
        for (String value : answers.getOrDefault("subject.knownTo", List.of())) {
            try {
                knownTo.add(Agency.valueOf(value));
            } catch (IllegalArgumentException unknown) {
                errors.putIfAbsent("subject.knownTo", "is not one of " + names(Agency.values()));
            }
        }
        return name == null && age == null && knownTo.isEmpty() ? null : new NewCall.Subject(name, age, knownTo);
    }

    private NewCall.Caller caller() {
        String name = text("caller.name");
        String phone = text("caller.phone");
        String relationship = text("caller.relationship");
        return name == null && phone == null && relationship == null ? null : new NewCall.Caller(name, phone, relationship);
    }

    private NewCall.Awol awol() {
        return new NewCall.Awol(text("awol.mhaSection"), date("awol.retakeExpiry"), yesNo("awol.partThree"),
                yesNo("awol.dangerous"), yesNo("awol.particularlyVulnerable"), yesNo("awol.hospitalSearched"),
                choice("awol.kind", AwolKind.class));
    }

    private NewCall.Walkout walkout() {
        NewCall.Walkout walkout = new NewCall.Walkout(choice("walkout.setting", WalkoutSetting.class), yesNo("walkout.detained"),
                yesNo("walkout.riskAssessmentGiven"), text("walkout.description"), dateTime("walkout.lastSeen"),
                yesNo("walkout.capacityConcern"));
        return walkout.equals(new NewCall.Walkout(null, null, null, null, null, null)) ? null : walkout;
    }

    /** A date and time as a datetime-local input sends it (2026-12-03T14:30), in the force's zone. */
    OffsetDateTime dateTime(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return localDateTime(value, zone);
        } catch (DateTimeParseException notDateTime) {
            errors.putIfAbsent(field, "must be a date and time");
            return null;
        }
    }

    private String text(String field) {
        String value = answers.getFirst(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Boolean yesNo(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                errors.putIfAbsent(field, "must be yes or no");
                yield null;
            }
        };
    }

    private Integer wholeNumber(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException notNumber) {
            errors.putIfAbsent(field, "must be a whole number");
            return null;
        }
    }

    private LocalDate date(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException notDate) {
            errors.putIfAbsent(field, "must be a date (YYYY-MM-DD)");
            return null;
        }
    }

    /** A datetime-local input's value (2026-12-03T14:30) on the force's clock; DateTimeParseException when it is none. */
    public static OffsetDateTime localDateTime(String value, ZoneId zone) {
        return LocalDateTime.parse(value).atZone(zone).toOffsetDateTime();
    }

    private <E extends Enum<E>> E choice(String field, Class<E> type) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            errors.putIfAbsent(field, "is not one of " + names(type.getEnumConstants()));
            return null;
        }
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }
}
