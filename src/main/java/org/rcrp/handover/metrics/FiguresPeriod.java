package org.rcrp.handover.metrics;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.InvalidInputException;

/**
 * The days a summary covers, both inclusive ({@code from=2026-11-01&to=2026-11-30} is November), as ISO
 * dates in the force's zone. Missing: the last 30 days up to today. Bad input names its field.
 */
public record FiguresPeriod(LocalDate from, LocalDate to) {

    public static final int DEFAULT_DAYS = 30;

    /** ISO dates, strictly: 2026-11-31 is no date (the default would quietly read 2026-11-30). */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT);

    public static FiguresPeriod parse(String from, String to, LocalDate today, int maxDays) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate end = date(to, "to", errors);
        LocalDate start = date(from, "from", errors);
        if (errors.isEmpty()) {
            end = end == null ? (start == null ? today : start.plusDays(DEFAULT_DAYS - 1)) : end;
            start = start == null ? end.minusDays(DEFAULT_DAYS - 1) : start;
            if (start.isAfter(end)) {
                errors.add(new FieldError("from", "must be on or before to (" + end + ")"));
            } else if (ChronoUnit.DAYS.between(start, end) + 1 > maxDays) {
                errors.add(new FieldError("to", "the period may cover at most " + maxDays + " days"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new FiguresPeriod(start, end);
    }

    private static LocalDate date(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip(), DATE);
        } catch (DateTimeParseException notADate) {
            errors.add(new FieldError(field, "must be a date like 2026-11-30"));
            return null;
        }
    }
}
