package org.rcrp.handover.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.0 over a plain socket bound to a chosen loopback address (127.0.0.2 is loopback too on Linux), so a
 * test can be a client that is not the trusted proxy, and send any header it likes (X-Forwarded-For, Host).
 */
public final class RawHttp {

    public record Response(int status, Map<String, List<String>> headers, String body) {

        public List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        public String first(String name) {
            List<String> values = all(name);
            return values.isEmpty() ? null : values.get(0);
        }

        /** The session cookie this answer sets, as the Set-Cookie header has it (name=value and its attributes). */
        public String sessionCookie() {
            return all("Set-Cookie").stream().filter(cookie -> cookie.startsWith("JSESSIONID=")).findFirst()
                    .orElseThrow(() -> new AssertionError("no session cookie in " + headers));
        }

        /** The CSRF token of the page's forms, form-encoded, ready for {@code &_csrf=}. */
        public String csrf() {
            java.util.regex.Matcher token = CSRF.matcher(body);
            if (!token.find()) {
                throw new AssertionError("no CSRF token on the page");
            }
            return java.net.URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        }
    }

    private static final java.util.regex.Pattern CSRF = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String from;
    private final int port;

    public RawHttp(String from, int port) {
        this.from = from;
        this.port = port;
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Response send(String method, String path, Map<String, String> headers, String body) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.0\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream());
        }
    }

    private static Response parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        return new Response(status, headers, end < 0 ? "" : text.substring(end + 4));
    }
}
