package org.rcrp.handover.support;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;

/**
 * A servlet filter's refusal, written before any controller is reached (a locked sign-in, a body too large, a NUL in
 * the address): in the form the path's client reads, which the errors package renders (problem+json, or a FHIR
 * OperationOutcome under {@code /fhir}). Declared here so that the filters do not depend on the package that renders
 * errors.
 */
public interface FilterRefusals {

    /** Writes the refusal of a request to {@code path} with its status and what happened, in words. */
    void refuse(String path, HttpServletResponse response, HttpStatus status, String detail) throws IOException;
}
