package org.rcrp.handover.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * An error written outside a controller (security, request limits, the error page), in the form its
 * caller reads: a FHIR OperationOutcome under {@code /fhir}, problem+json (RFC 9457) everywhere else.
 */
public final class ErrorBodies {

    private ErrorBodies() {
    }

    /**
     * Whether a path is a machine's (the API, FHIR, the engine's REST API and the webapps' copy of it, the API docs, the
     * actuator), which answers problem+json (or FHIR's OperationOutcome) whatever its client accepts; every other path is a
     * page, whose errors a person reads.
     */
    public static boolean isApi(String path) {
        if (path == null) {
            return false;
        }
        for (String prefix : API_PREFIXES) {
            if (path.equals(prefix) || path.startsWith(prefix + "/") || path.startsWith(prefix + "?")) {
                return true;
            }
        }
        return false;
    }

    private static final List<String> API_PREFIXES = List.of("/api", "/fhir", "/engine-rest", "/v3/api-docs", "/actuator",
            "/camunda/api");

    public static boolean isFhir(String path) {
        return path != null && (path.equals("/fhir") || path.startsWith("/fhir/") || path.startsWith("/fhir?"));
    }

    public static void write(ObjectMapper objectMapper, String path, HttpServletResponse response, HttpStatus status,
                             String detail) throws IOException {
        response.setStatus(status.value());
        if (isFhir(path)) {
            response.setContentType("application/fhir+json;charset=UTF-8");
            objectMapper.writeValue(response.getOutputStream(), Map.of("resourceType", "OperationOutcome",
                    "issue", List.of(Map.of("severity", "error", "code", issueCode(status), "diagnostics", detail))));
            return;
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
    }

    /** FHIR's issue-type codes (http://hl7.org/fhir/issue-type) for the statuses we answer. */
    private static String issueCode(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "login";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case PAYLOAD_TOO_LARGE -> "too-long";
            case METHOD_NOT_ALLOWED, UNSUPPORTED_MEDIA_TYPE, NOT_ACCEPTABLE -> "not-supported";
            case BAD_REQUEST -> "invalid";
            case CONFLICT -> "conflict";
            case TOO_MANY_REQUESTS -> "throttled";
            default -> status.is5xxServerError() ? "transient" : "processing";
        };
    }
}
