package org.rcrp.handover.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The last word on a page's errors: whatever a controller put into its {@code errors}, each message reaches the page as
 * a sentence in words ({@link FieldMessages}) — a validator's fragment ("is required", "must not be null") or a code
 * never does. A message that is a sentence already passes unchanged; the task pages put theirs into words with their
 * own form's field words first.
 */
@Configuration
class PageErrorWords implements HandlerInterceptor, WebMvcConfigurer {

    private static final Labels WORDS = new Labels();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page != null && page.getModel().get("errors") instanceof Map<?, ?> errors && !errors.isEmpty()) {
            Map<String, String> messages = new java.util.LinkedHashMap<>();
            errors.forEach((field, message) -> messages.put(String.valueOf(field), message == null ? null : String.valueOf(message)));
            page.addObject("errors", FieldMessages.sentences(messages, FieldMessages.ALL, WORDS));
        }
    }
}
