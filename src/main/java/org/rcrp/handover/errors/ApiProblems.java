package org.rcrp.handover.errors;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.rcrp.handover.inbox.TaskProblem;
import org.rcrp.handover.intake.CaseNotFoundException;
import org.rcrp.handover.intake.CaseNotOpenException;
import org.rcrp.handover.intake.ReferenceInUseException;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.InvalidInputException;
import org.rcrp.handover.support.JsonFieldErrors;
import org.rcrp.handover.web.RequestLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.rcrp.handover.support.ConcurrentChange;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as application/problem+json (RFC 9457) with {@code status}, {@code title},
 * {@code detail} and, for bad input, {@code errors: [{field, message}]} naming each field by its JSON
 * path. No stack trace, SQL or class name ever reaches a client.
 */
@RestControllerAdvice(basePackages = "org.rcrp.handover")
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalidInput(InvalidInputException exception) {
        return invalid("The request has invalid fields", exception.errors());
    }

    @ExceptionHandler(TaskProblem.class)
    ResponseEntity<Object> taskProblem(TaskProblem problem) {
        return switch (problem.kind()) {
            case NOT_FOUND -> problem(HttpStatus.NOT_FOUND, problem.getMessage());
            case CONFLICT, STALE -> problem(HttpStatus.CONFLICT, problem.getMessage());
            case INVALID -> invalid(problem.getMessage(), problem.errors());
            case FORBIDDEN -> problem(HttpStatus.FORBIDDEN, problem.getMessage());
        };
    }

    @ExceptionHandler(CaseNotFoundException.class)
    ResponseEntity<Object> caseNotFound(CaseNotFoundException exception) {
        return problem(HttpStatus.NOT_FOUND, exception.getMessage());
    }

    @ExceptionHandler(CaseNotOpenException.class)
    ResponseEntity<Object> caseNotOpen(CaseNotOpenException exception) {
        return problem(HttpStatus.CONFLICT, exception.getMessage() + ". Log a new call; repeat contact is linked.");
    }

    @ExceptionHandler(ReferenceInUseException.class)
    ResponseEntity<Object> referenceInUse(ReferenceInUseException exception) {
        return problem(HttpStatus.CONFLICT, exception.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException exception) {
        return problem(HttpStatus.FORBIDDEN, exception.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException exception) {
        return invalid("A parameter has an invalid value",
                List.of(new FieldError(exception.getName(), JsonFieldErrors.allowed(
                        // Optional<CaseState> names CaseState's values, not "must be an object".
                        exception.getParameter().nestedIfOptional().getNestedParameterType()))));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException exception) {
        return invalid("A parameter has an invalid value", exception.getConstraintViolations().stream()
                .map(violation -> new FieldError(lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
                .toList());
    }

    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessException.class})
    ResponseEntity<Object> unavailable(RuntimeException exception) {
        LOG.warn("Database unavailable: {}", exception.getMessage());
        ResponseEntity<Object> response = problem(HttpStatus.SERVICE_UNAVAILABLE,
                "The service cannot reach its database just now; nothing was changed. Try again shortly.");
        return ResponseEntity.status(response.getStatusCode()).header(HttpHeaders.RETRY_AFTER, "5").body(response.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception exception) {
        if (isDatabaseOutage(exception)) {
            // The engine wraps a lost connection in its own exceptions; it is still our outage, not a bug.
            return unavailable(new IllegalStateException(exception.getMessage()));
        }
        if (ConcurrentChange.is(exception)) {
            LOG.info("Refused a request that met a concurrent change of the same case: {}", exception.getMessage());
            return problem(HttpStatus.CONFLICT, "The case changed at the same moment; nothing was saved. Look at it again and retry.");
        }
        LOG.error("Unexpected error", exception);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; it has been logged.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid("The request has invalid fields", exception.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .sorted(java.util.Comparator.comparing(FieldError::field)).toList());
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid("A parameter has an invalid value", exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldError(
                        result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(exception);
        if (cause instanceof RequestLimits.BodyTooLargeException tooLarge) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
        }
        if (cause instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            return invalid("The request body is too deeply nested or has a value too long",
                    List.of(new FieldError("body", "is nested too deeply or has a value too long")));
        }
        if (exception.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return invalid("The request has invalid fields", List.of(JsonFieldErrors.of(mapping)));
        }
        return invalid("The request body is not valid JSON", List.of(new FieldError("body", "must be a JSON object")));
    }

    /** A connection refused, lost or being shut down (SQL state class 08, 57P01-57P03) anywhere in the causes. */
    static boolean isDatabaseOutage(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLTransientConnectionException || cause instanceof java.sql.SQLNonTransientConnectionException
                    || cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof java.net.SocketException || cause instanceof java.io.EOFException) {
                return true;
            }
            // A commit or rollback that failed: the connection went while the work was under way.
            if (cause instanceof org.springframework.transaction.TransactionSystemException system
                    && system.getApplicationException() != null && isDatabaseOutage(system.getApplicationException())) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    static ResponseEntity<Object> problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static ResponseEntity<Object> invalid(String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
