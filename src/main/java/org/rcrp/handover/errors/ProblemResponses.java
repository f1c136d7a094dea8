package org.rcrp.handover.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.rcrp.handover.identity.IdentityProperties;
import org.rcrp.handover.identity.SecurityRefusals;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 from the security filters as application/problem+json, like every other error; under
 * {@code /fhir} as a FHIR OperationOutcome, which is what FHIR clients read.
 */
@Component
public class ProblemResponses implements SecurityRefusals {

    private final ObjectMapper objectMapper;
    private final String challenge;

    public ProblemResponses(ObjectMapper objectMapper, IdentityProperties identity) {
        this.objectMapper = objectMapper;
        this.challenge = identity.mode() == IdentityProperties.Mode.KEYCLOAK ? "Bearer realm=\"rcrp\"" : "Basic realm=\"rcrp\"";
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        response.setHeader("WWW-Authenticate", challenge);
        write(request, response, HttpStatus.UNAUTHORIZED, "Sign in to use this service");
    }

    /** A bearer token that could not be checked because Keycloak is unreachable is our outage (503), not the caller's fault. */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        if (exception instanceof AuthenticationServiceException) {
            response.setHeader("Retry-After", "5");
            write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Your sign-in cannot be checked just now; try again shortly");
        } else {
            commence(request, response, exception);
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "Your groups do not allow this");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ErrorBodies.write(objectMapper, request.getRequestURI().substring(request.getContextPath().length()), response, status, detail);
    }
}
