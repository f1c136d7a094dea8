package org.rcrp.handover.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's session without a browser: cookies kept, redirects followed by hand, so a test can sign in through
 * the demo sign-in page or through Keycloak's login page and then call the Camunda webapps' API as that person.
 */
final class WebSession {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern KEYCLOAK_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new LoopbackCookies();
    private final HttpClient http;

    private WebSession(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Anonymous: nobody has signed in. */
    static WebSession anonymous(String base) {
        return new WebSession(base);
    }

    /** Signed in through the demo sign-in page ({@code /login}). */
    static WebSession demoSignIn(String base, String user) {
        WebSession session = new WebSession(base);
        String page = session.get("/login").body();
        Matcher csrf = CSRF_INPUT.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the sign-in page");
        }
        HttpResponse<String> signedIn = session.postForm("/login", Map.of("username", user, "password", user, "_csrf", csrf.group(1)));
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException(user + " could not sign in: " + signedIn.statusCode() + " " + signedIn.headers().map());
        }
        return session;
    }

    /**
     * Also tries the Camunda webapps' own password sign-in with the demo password, as an attacker would try every
     * door; returns its status (closed: 401 or 403).
     */
    int tryWebappsPasswordSignIn(String user) {
        return postForm("/camunda/api/admin/auth/user/default/login/cockpit", Map.of("username", user, "password", user))
                .statusCode();
    }

    /** Signed in through Keycloak's own login page (authorization code + PKCE), as a browser would. */
    static WebSession keycloakSignIn(String base, String user) {
        WebSession session = new WebSession(base);
        HttpResponse<String> response = session.follow(session.request(URI.create(base + "/oauth2/authorization/keycloak")).GET().build());
        Matcher form = KEYCLOAK_FORM.matcher(response.body());
        if (!form.find()) {
            throw new IllegalStateException("No Keycloak login form at " + response.uri() + ": " + response.statusCode());
        }
        URI action = URI.create(form.group(1).replace("&amp;", "&"));
        HttpResponse<String> signedIn = session.follow(session.request(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(Map.of("username", user, "password", user)))).build());
        if (!signedIn.uri().toString().startsWith(base)) {
            throw new IllegalStateException(user + " could not sign in through Keycloak: ended at " + signedIn.uri() + " with "
                    + signedIn.statusCode() + ": " + signedIn.body().replaceAll("(?s)<head>.*</head>", "").replaceAll("<[^>]+>", " ")
                    .replaceAll("\\s+", " ").strip());
        }
        return session;
    }

    HttpResponse<String> get(String path) {
        return send(request(URI.create(base + path)).GET().build());
    }

    HttpResponse<String> postForm(String path, Map<String, String> form) {
        return send(withXsrf(request(URI.create(base + path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
    }

    HttpResponse<String> sendJson(String method, String path, String json) {
        return send(withXsrf(request(URI.create(base + path))).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A multipart form with one file part, as the deployment API takes models. */
    HttpResponse<String> postFile(String path, String fieldName, String fileName, String content) {
        String boundary = "rcrp-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nattack\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fieldName + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return send(withXsrf(request(URI.create(base + path))).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * The Camunda webapps' CSRF token: their API takes a change only with the {@code XSRF-TOKEN} cookie echoed in a
     * header, and hands the cookie out on a read of their API.
     */
    private HttpRequest.Builder withXsrf(HttpRequest.Builder builder) {
        if (xsrfToken() == null) {
            get("/camunda/api/engine/engine/");
        }
        String token = xsrfToken();
        return token == null ? builder : builder.header("X-XSRF-TOKEN", token);
    }

    private String xsrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> follow(HttpRequest first) {
        HttpResponse<String> response = send(first);
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = send(request(next).GET().build());
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new IllegalStateException(request.uri() + " failed", failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /**
     * Keeps {@code Secure} cookies on plain-HTTP loopback addresses as browsers do (they count as secure contexts):
     * Keycloak marks its login cookies {@code Secure; SameSite=None}, which Java's cookie manager would never send back.
     */
    private static final class LoopbackCookies extends CookieManager {

        LoopbackCookies() {
            super(null, CookiePolicy.ACCEPT_ALL);
        }

        @Override
        public void put(URI uri, Map<String, java.util.List<String>> responseHeaders) throws IOException {
            boolean loopback = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
            Map<String, java.util.List<String>> headers = new java.util.HashMap<>(responseHeaders);
            if (loopback) {
                headers.replaceAll((name, values) -> name != null && name.equalsIgnoreCase("Set-Cookie")
                        ? values.stream().map(value -> value.replaceAll("(?i);\\s*Secure(?=;|$)", "")).toList() : values);
            }
            super.put(uri, headers);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
