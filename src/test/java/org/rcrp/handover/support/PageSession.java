package org.rcrp.handover.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A demo user signed in to the web pages (the sign-in form, its CSRF token, the session cookie), for integration tests. */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;

    private PageSession(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs the user in through the sign-in page (password = user name, demo only). */
    public static PageSession signIn(int port, String user) {
        PageSession session = new PageSession(port);
        HttpResponse<String> signedIn = session.post("/login", session.csrfOf("/login"), Map.of("username", user, "password", user));
        assertThat(signedIn.statusCode()).as("sign-in of %s", user).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).as("sign-in of %s", user).doesNotContain("error");
        return session;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** Posts the form fields with the CSRF token of the page the form is on. */
    public HttpResponse<String> postForm(String pageWithTheForm, String action, Map<String, String> fields) {
        return post(action, csrfOf(pageWithTheForm), fields);
    }

    private String csrfOf(String page) {
        HttpResponse<String> response = get(page);
        Matcher token = CSRF.matcher(response.body());
        assertThat(token.find()).as("a CSRF token on %s (status %s)", page, response.statusCode()).isTrue();
        return token.group(1);
    }

    private HttpResponse<String> post(String path, String csrf, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf);
        String body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException failed) {
            throw new IllegalStateException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
