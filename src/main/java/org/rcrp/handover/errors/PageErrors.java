package org.rcrp.handover.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rcrp.handover.inbox.TaskProblem;
import org.rcrp.handover.intake.CaseNotFoundException;
import org.rcrp.handover.intake.CaseNotOpenException;
import org.rcrp.handover.intake.ReferenceInUseException;
import org.rcrp.handover.process.InvalidInputException;
import org.rcrp.handover.support.ConcurrentChange;
import org.rcrp.handover.support.KeptForms;
import org.rcrp.handover.web.PageModel;
import org.rcrp.handover.web.TaskGonePage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of our pages as pages: a person's browser gets an HTML page in the GOV.UK style that says what happened and
 * what to do next (404, 403, 409, 500 …), never problem+json. A task form sent when its task had gone (completed by
 * someone else, ended by its clock or a supervisor, or no longer held) gives the page of {@link TaskGonePage}, which
 * keeps what was typed. Anything else — the API, a client asking for JSON — is left to {@link ApiProblems}, as before.
 */
@Component
class PageErrors implements HandlerExceptionResolver, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(PageErrors.class);
    /** A task's form and its triage page: where a task can be found gone. */
    private static final Pattern TASK_FORM = Pattern.compile("/work/([A-Za-z0-9-]{1,64})(/triage)?");

    private final PageModel pageModel;
    private final TaskGonePage taskGone;

    PageErrors(PageModel pageModel, TaskGonePage taskGone) {
        this.pageModel = pageModel;
        this.taskGone = taskGone;
    }

    /** After Spring Boot's own (which only notes the exception), before the controller advice (ApiProblems). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception exception) {
        if (!(handler instanceof HandlerMethod method) || !isPageController(method.getBeanType()) || !isPage(request)) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher taskForm = TASK_FORM.matcher(path);
        if (exception instanceof TaskProblem problem && taskForm.matches()
                && (problem.kind() == TaskProblem.Kind.NOT_FOUND || problem.kind() == TaskProblem.Kind.CONFLICT)) {
            Map<String, String> typed = "POST".equals(request.getMethod())
                    ? TaskGonePage.typed(request.getParameterMap())
                    : KeptForms.take(request, path).map(kept -> KeptForms.firstValues(kept.fields())).orElse(Map.of());
            try {
                ModelAndView gone = taskGone.page(taskForm.group(1), typed, null, Map.of());
                if (gone != null) {
                    return withPageModel(gone);
                }
            } catch (RuntimeException failed) {
                LOG.error("Could not say what became of task {}", taskForm.group(1), failed);
            }
        }
        ModelAndView page = page(exception);
        if (page.getStatus() == HttpStatus.SERVICE_UNAVAILABLE) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
        }
        return withPageModel(page);
    }

    /** The error page of an exception a page controller let through, with the status the API would give it. */
    private static ModelAndView page(Exception exception) {
        if (exception instanceof TaskProblem problem) {
            return switch (problem.kind()) {
                case NOT_FOUND -> notFound("Task not found", "There is no open task at this address for your team.");
                case CONFLICT, STALE -> changed();
                case FORBIDDEN -> forbidden(problem.getMessage());
                case INVALID -> invalid();
            };
        }
        if (exception instanceof CaseNotFoundException) {
            return notFound("Case not found", "There is no case at this address that you can see. The address may be"
                    + " wrong, or the case is not shared with your team.");
        }
        if (exception instanceof CaseNotOpenException) {
            return error(HttpStatus.CONFLICT, "This case is closed", "Nothing was saved: a closed case takes no more"
                    + " information.", List.of("Log a new call: it is linked to this one as a repeat contact."));
        }
        if (exception instanceof ReferenceInUseException) {
            return error(HttpStatus.CONFLICT, "This reference is already in use", "Nothing was logged.",
                    List.of("Check the reference and log the call again."));
        }
        if (exception instanceof AccessDeniedException denied) {
            return forbidden(denied.getMessage());
        }
        if (exception instanceof InvalidInputException) {
            return invalid();
        }
        if (ApiProblems.isDatabaseOutage(exception)) {
            LOG.warn("Database unavailable: {}", exception.getMessage());
            return error(HttpStatus.SERVICE_UNAVAILABLE, "Sorry, the service is unavailable",
                    "The service cannot reach its database just now; nothing was changed.",
                    List.of("Go back and try again in a few seconds: what you typed is still on the page you came from."));
        }
        if (ConcurrentChange.is(exception)) {
            LOG.info("Refused a page request that met a concurrent change of the same case: {}", exception.getMessage());
            return changed();
        }
        if (exception instanceof ErrorResponse standard && standard.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(standard.getStatusCode().value());
            return status == HttpStatus.NOT_FOUND ? notFound("Page not found", "There is nothing at this address.")
                    : error(status, "There is a problem with this page", ErrorPages.detail(status) + ".",
                    List.of("Go back, reload the page and try again."));
        }
        LOG.error("Unexpected error on a page", exception);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "Sorry, there is a problem with the service",
                "Something went wrong on our side and it has been logged. What you sent may not have been saved.",
                List.of("Go back and check: what you typed is still on the page you came from.",
                        "If it happens again, tell your supervisor the time and what you were doing."));
    }

    static ModelAndView notFound(String title, String detail) {
        return error(HttpStatus.NOT_FOUND, title, detail, List.of("Check the address, or find the case or task from your work."));
    }

    private static ModelAndView forbidden(String why) {
        return error(HttpStatus.FORBIDDEN, "You cannot do this", why == null || why.isBlank() || why.equals("Access Denied")
                ? "Your team's role does not allow this." : why, List.of("Nothing was changed. Ask your supervisor if you think you should be able to."));
    }

    private static ModelAndView changed() {
        return error(HttpStatus.CONFLICT, "This has changed since you opened it", "Someone else, or one of the case's"
                + " clocks, changed it first; nothing of yours was saved.", List.of("Open it again to see it as it is now."));
    }

    private static ModelAndView invalid() {
        return error(HttpStatus.BAD_REQUEST, "There is a problem with what was sent", "Some of it could not be read;"
                + " nothing was saved.", List.of("Go back, check your answers and send them again."));
    }

    /** The error page: a title, what happened, and what to do next. */
    static ModelAndView error(HttpStatus status, String title, String detail, List<String> next) {
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("title", title);
        page.addObject("detail", detail);
        page.addObject("next", next);
        return page;
    }

    /** What every page shows (who is signed in, the header's links), as a controller's page gets it from PageModel. */
    private ModelAndView withPageModel(ModelAndView page) {
        ExtendedModelMap model = new ExtendedModelMap();
        pageModel.common(model, SecurityContextHolder.getContext().getAuthentication());
        model.forEach((name, value) -> {
            if (!page.getModel().containsKey(name)) {
                page.addObject(name, value);
            }
        });
        return page;
    }

    /** Our page controllers: the web package's and its features' (web.cases, web.figures …); the error page is not one. */
    private static boolean isPageController(Class<?> type) {
        String web = PageModel.class.getPackageName();
        return type.getPackageName().equals(web) || type.getPackageName().startsWith(web + ".");
    }

    /** A page's request from a browser: not an API path, and a client that takes HTML (or anything). */
    static boolean isPage(HttpServletRequest request) {
        if (ErrorBodies.isApi(request.getRequestURI().substring(request.getContextPath().length()))) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept == null || accept.isBlank() || accept.contains("text/html") || accept.contains("*/*");
    }
}
