package org.rcrp.handover.web;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import org.springframework.test.web.servlet.ResultMatcher;

/** Matchers for the problem+json bodies of the API. */
public final class ProblemMatchers {

    private ProblemMatchers() {
    }

    /** The problem names exactly one field, with this message (a String or a Hamcrest matcher). */
    public static ResultMatcher[] onlyError(String field, Object message) {
        return new ResultMatcher[] {
                jsonPath("$.errors", hasSize(1)),
                jsonPath("$.errors[0].field").value(field),
                message instanceof org.hamcrest.Matcher<?> matcher
                        ? jsonPath("$.errors[0].message", matcher)
                        : jsonPath("$.errors[0].message").value(message)};
    }
}
