package org.rcrp.handover.identity;

import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * How the security filters refuse a request (401, 403, a bearer token that cannot be checked): the security chains
 * use it, and the errors package writes it, as problem+json like every other error (an OperationOutcome under
 * {@code /fhir}). Declared here so that identity does not depend on the package that renders errors.
 */
public interface SecurityRefusals extends AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {
}
