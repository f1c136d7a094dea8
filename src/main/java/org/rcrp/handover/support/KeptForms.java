package org.rcrp.handover.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What a person typed into a form that could not be taken because they were signed out (the session expired, or the
 * page's CSRF token belonged to an older session): kept in this browser's HTTP session, never in an address, and given
 * back once to the page of the form when they are signed in again, for them to check and send. Only our own forms, sent
 * from our own pages ({@link #sameOrigin}), are kept: another site cannot fill in a form for the next person to sign in.
 * Each form carries who it was shown to ({@link #OWNER}); it goes back only to that person, so on a shared control-room
 * terminal the next person to sign in never sees what someone else typed: theirs is dropped.
 */
public final class KeptForms {

    /** The forms that are kept: where each is sent (POST) and the page it is on (GET). */
    private static final List<Form> FORMS = List.of(
            new Form(Pattern.compile("/calls"), "/calls/new"),
            new Form(Pattern.compile("/work/([A-Za-z0-9-]{1,64})"), "/work/%s"),
            new Form(Pattern.compile("/work/([A-Za-z0-9-]{1,64})/triage"), "/work/%s/triage"),
            new Form(Pattern.compile("/cases/([A-Za-z0-9-]{1,64})/updates"), "/cases/%s"));
    /** The hidden field every kept form carries: the user the page was shown to. */
    public static final String OWNER = "_keptFor";
    /** Fields that belong to the old page, not to the person. */
    private static final List<String> NOT_KEPT = List.of("_csrf", OWNER);
    private static final String ATTRIBUTE = KeptForms.class.getName();

    private record Form(Pattern sentTo, String page) {
    }

    /** One kept form: the page it goes back to, whose it is, its fields as sent, and when it was kept. */
    public record Kept(String page, String owner, LinkedMultiValueMap<String, String> fields, Instant keptAt) implements Serializable {
    }

    private KeptForms() {
    }

    /** The page of the form sent to this path (context-relative), if it is a form that is kept. */
    public static Optional<String> pageOf(String sentTo) {
        for (Form form : FORMS) {
            Matcher matcher = form.sentTo().matcher(sentTo == null ? "" : sentTo);
            if (matcher.matches()) {
                return Optional.of(matcher.groupCount() == 0 ? form.page() : form.page().formatted(matcher.group(1)));
            }
        }
        return Optional.empty();
    }

    /**
     * Keeps the fields of a form POSTed from one of our pages to one of the kept forms, in the request's session (made
     * now when it expired); the page to send the person back to, or empty when this form is not kept.
     */
    public static Optional<String> keep(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || !sameOrigin(request)) {
            return Optional.empty();
        }
        Optional<String> page = pageOf(request.getRequestURI().substring(request.getContextPath().length()));
        String owner = request.getParameter(OWNER);
        if (owner == null || owner.isBlank()) {
            return Optional.empty();
        }
        page.ifPresent(form -> {
            LinkedMultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
            request.getParameterMap().forEach((name, values) -> {
                if (!NOT_KEPT.contains(name)) {
                    fields.put(name, List.of(values));
                }
            });
            request.getSession(true).setAttribute(ATTRIBUTE, new Kept(form, owner, fields, Instant.now()));
        });
        return page;
    }

    /**
     * The fields kept for the form on this page (context-relative), once: taking them forgets them. Someone other than
     * the form's owner signed in here: the kept form is dropped unseen.
     */
    public static Optional<Kept> take(HttpServletRequest request, String page) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Kept kept)) {
            return Optional.empty();
        }
        java.security.Principal user = request.getUserPrincipal();
        if (user == null || !kept.owner().equals(user.getName())) {
            session.removeAttribute(ATTRIBUTE);
            return Optional.empty();
        }
        if (!kept.page().equals(page)) {
            return Optional.empty();
        }
        session.removeAttribute(ATTRIBUTE);
        return Optional.of(kept);
    }

    /** The fields kept for the page this request is for, once. */
    public static Optional<Kept> takeForThisPage(HttpServletRequest request) {
        return take(request, request.getRequestURI().substring(request.getContextPath().length()));
    }

    /** A kept form's fields, one value each (the first), as the task pages read them. */
    public static Map<String, String> firstValues(MultiValueMap<String, String> fields) {
        Map<String, String> first = new LinkedHashMap<>();
        fields.forEach((name, values) -> first.put(name, values.isEmpty() ? null : values.get(0)));
        return first;
    }

    /**
     * Whether the browser says the form was sent from one of our own pages: {@code Sec-Fetch-Site: same-origin}, or an
     * {@code Origin} that is this server's own. Without either, nothing is kept.
     */
    static boolean sameOrigin(HttpServletRequest request) {
        if ("same-origin".equals(request.getHeader("Sec-Fetch-Site"))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(request.getScheme()) && port == 80) || ("https".equals(request.getScheme()) && port == 443);
        String own = request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
        return origin.equalsIgnoreCase(own);
    }
}
