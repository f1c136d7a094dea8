package org.rcrp.handover.identity;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.rcrp.handover.support.KeptForms;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A form of our pages refused for its CSRF token is almost always a form sent after its session expired (or after the
 * person signed in again in another tab): what they typed is kept ({@link KeptForms}) and they are sent back to the
 * form, by way of signing in when they must, to check it and send it. Anything else refused is a 403 page.
 */
final class KeepFormsOnExpiry implements AccessDeniedHandler {

    private final AccessDeniedHandler refuse = new AccessDeniedHandlerImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (denied instanceof CsrfException) {
            Optional<String> page = KeptForms.keep(request);
            if (page.isPresent()) {
                response.sendRedirect(request.getContextPath() + page.get());
                return;
            }
        }
        refuse.handle(request, response, denied);
    }
}
