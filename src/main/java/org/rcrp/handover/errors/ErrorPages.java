package org.rcrp.handover.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that never reach a controller (a refused address, a method the resource does not take, an
 * unknown path, a body the server would not read): problem+json like every other error, or a plain
 * page for a person's browser. Never the exception, its message or a stack trace.
 */
@Controller
class ErrorPages implements ErrorController {

    private final com.fasterxml.jackson.databind.ObjectMapper objectMapper;

    ErrorPages(com.fasterxml.jackson.databind.ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /**
     * A page's error for a browser, in the GOV.UK style: what happened and what to do next. The API's paths answer
     * problem+json whatever the client accepts.
     */
    @RequestMapping(path = "/error", produces = MediaType.TEXT_HTML_VALUE)
    Object page(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response, Model model)
            throws java.io.IOException {
        Object failedPath = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failedPath instanceof String uri ? uri.substring(Math.min(uri.length(), request.getContextPath().length())) : null;
        if (ErrorBodies.isApi(path)) {
            return problem(request, response);
        }
        HttpStatus status = status(request);
        ModelAndView page = switch (status) {
            case NOT_FOUND -> PageErrors.notFound("Page not found", "There is nothing at this address.");
            case FORBIDDEN -> request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException
                    ? PageErrors.error(status, "This page had expired", "It was sent from a page opened before you last"
                    + " signed in, so nothing was saved.", List.of("Go back, reload the page, and send it again."))
                    : PageErrors.error(status, "You cannot do this", "Your team's role does not allow this.",
                    List.of("Nothing was changed. Ask your supervisor if you think you should be able to."));
            case METHOD_NOT_ALLOWED, BAD_REQUEST, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, NOT_ACCEPTABLE -> PageErrors.error(
                    status, "There is a problem with what was sent", detail(status) + ".",
                    List.of("Go back, reload the page and try again."));
            case SERVICE_UNAVAILABLE -> PageErrors.error(status, "Sorry, the service is unavailable", detail(status),
                    List.of("Go back and try again in a few seconds."));
            default -> status.is5xxServerError()
                    ? PageErrors.error(status, "Sorry, there is a problem with the service", detail(status),
                    List.of("Go back and check what was saved; if it happens again, tell your supervisor the time."))
                    : PageErrors.error(status, "There is a problem", detail(status) + ".", List.of("Go back and try again."));
        };
        model.addAllAttributes(page.getModel());
        return page.getViewName();
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        HttpStatus status = status(request);
        Object failedPath = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (failedPath instanceof String path && ErrorBodies.isFhir(path)) {
            ErrorBodies.write(objectMapper, path, response, status, detail(status));
            return null;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status));
        problem.setInstance(instance(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    /** The address that failed (as it was sent, still encoded), not this error page's. */
    private static java.net.URI instance(Object requestUri) {
        try {
            return java.net.URI.create(requestUri instanceof String uri ? uri : "about:blank");
        } catch (IllegalArgumentException unparseable) {
            return java.net.URI.create("about:blank");
        }
    }

    static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request is not one this service can read: check the address and the body";
            case UNAUTHORIZED -> "Sign in to use this service";
            case FORBIDDEN -> "Your groups do not allow this";
            case NOT_FOUND -> "There is nothing at this address";
            case METHOD_NOT_ALLOWED -> "This address does not take that method";
            case NOT_ACCEPTABLE -> "This address cannot answer in the format asked for";
            case PAYLOAD_TOO_LARGE -> "The request is larger than this service accepts";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json";
            case SERVICE_UNAVAILABLE -> "The service is unavailable just now; nothing was changed. Try again shortly.";
            default -> status.is5xxServerError() ? "Something went wrong on our side; it has been logged."
                    : status.getReasonPhrase();
        };
    }
}
