package org.rcrp.handover.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Map;
import org.rcrp.handover.identity.SessionIdleLimit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The session timeout warning (static/assets/session.js): every signed-in page says how long its session has left and how
 * long before the end to warn ({@code rcrp.session.warn-before}); "Stay signed in" posts here, which is something the
 * person did, so the session starts its full time again (SessionIdleLimit).
 */
@Controller
class SessionWarning {

    private final SessionIdleLimit idle;
    private final Duration warnBefore;

    SessionWarning(SessionIdleLimit idle, @Value("${rcrp.session.warn-before:PT2M}") Duration warnBefore) {
        this.idle = idle;
        this.warnBefore = warnBefore;
    }

    /** What the page's meta tags carry: seconds left in the session and seconds before its end to warn. */
    record Times(long secondsLeft, long warnSeconds) {

        static Times of(SessionIdleLimit idle, Duration warnBefore, HttpServletRequest request) {
            long left = idle.left(request.getSession(false)).toSeconds();
            return new Times(left, Math.min(warnBefore.toSeconds(), Math.max(left - 1, 0)));
        }
    }

    @PostMapping("/session/keep-alive")
    @ResponseBody
    ResponseEntity<Map<String, Long>> keepAlive(HttpServletRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(Map.of("secondsLeft", Times.of(idle, warnBefore, request).secondsLeft()));
    }

    /** Every signed-in page's times (none where the idle limit is not there: controller slice tests). */
    @ControllerAdvice(annotations = Controller.class, basePackages = {"org.rcrp.handover.web", "org.rcrp.handover.errors"})
    static class OnEveryPage {

        private final ObjectProvider<SessionIdleLimit> idle;
        private final Duration warnBefore;

        OnEveryPage(ObjectProvider<SessionIdleLimit> idle, @Value("${rcrp.session.warn-before:PT2M}") Duration warnBefore) {
            this.idle = idle;
            this.warnBefore = warnBefore;
        }

        @ModelAttribute
        void session(Model model, Authentication authentication, HttpServletRequest request) {
            SessionIdleLimit limit = idle.getIfAvailable();
            if (limit != null && authentication != null && request.getSession(false) != null) {
                model.addAttribute("sessionTimes", Times.of(limit, warnBefore, request));
            }
        }
    }
}
