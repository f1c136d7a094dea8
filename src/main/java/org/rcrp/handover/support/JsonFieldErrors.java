package org.rcrp.handover.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.rcrp.handover.process.FieldError;

/** Names the JSON field a request body failed to bind at ({@code subject.ageYears}, {@code knownTo[1]}). */
public final class JsonFieldErrors {

    private JsonFieldErrors() {
    }

    /** The field a JSON body failed to bind at, and what it should have been. */
    public static FieldError of(JsonProcessingException exception) {
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            if (mapping instanceof NoNulStrings.NulCharacterException) {
                return new FieldError(field, NoNulStrings.MESSAGE);
            }
            if (mapping instanceof InvalidFormatException format && format.getTargetType() != null) {
                return new FieldError(field, allowed(format.getTargetType()));
            }
            if (mapping instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
                return new FieldError(field, allowed(mismatched.getTargetType()));
            }
            return new FieldError(field, "has an invalid value");
        }
        return new FieldError("body", "must be a JSON object");
    }

    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    public static String allowed(Class<?> type) {
        if (type == null) {
            return "has an invalid value";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type == java.time.LocalDate.class) {
            return "must be a date (YYYY-MM-DD)";
        }
        if (type == java.time.OffsetDateTime.class) {
            return "must be a date and time with its offset (e.g. 2026-12-03T14:30:00Z)";
        }
        if (List.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        return "must be an object";
    }

}
