package io.swiftresponse.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like HTTP session for page tests: cookies, HTML Accept header, CSRF token taken from the last page. */
final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"|name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"|type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\"");

    final String base;
    private final HttpClient http;
    String csrf;

    WebSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    record Page(int status, String body, String location, String contentType, Map<String, String> headers) {
        Page(int status, String body, String location, String contentType) {
            this(status, body, location, contentType, Map.of());
        }

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), "");
        }
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Page post(String path, Map<String, String> form) {
        return send(formPost(path, form));
    }

    /** A form as htmx posts it: the HX-Request header, the CSRF token in the X-CSRF-TOKEN header. */
    Page htmxPost(String path, Map<String, String> form) {
        HttpRequest.Builder b = formPost(path, form).header("HX-Request", "true");
        if (csrf != null) b.header("X-CSRF-TOKEN", csrf);
        return send(b);
    }

    private HttpRequest.Builder formPost(String path, Map<String, String> form) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(enc(k) + "=" + enc(v)));
        if (csrf != null && !form.containsKey("_csrf")) body.add("_csrf=" + enc(csrf));
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    Page postMultipart(String path, Map<String, String> fields, String fileField, String fileName, byte[] content) {
        String boundary = "----swift" + System.nanoTime();
        var out = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        if (csrf != null) all.put("_csrf", csrf);
        try {
            for (var e : all.entrySet()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n" + e.getValue() + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    Page getJson(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), "application/json");
    }

    /** JSON as the page scripts send it: the session cookie and the CSRF token in the X-CSRF-TOKEN header. */
    Page postJson(String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrf != null) b.header("X-CSRF-TOKEN", csrf);
        return send(b, "application/json");
    }

    /** An open server-sent event stream: its lines arrive in {@code lines} as the server sends them. */
    record EventLines(java.util.concurrent.BlockingQueue<String> lines, java.util.concurrent.CompletableFuture<java.util.stream.Stream<String>> body)
            implements AutoCloseable {
        @Override
        public void close() {
            body.thenAccept(java.util.stream.Stream::close); // ends the request, so the server can shut down at once
        }
    }

    EventLines events(String path) {
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream").GET().build();
        var body = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenApply(r -> {
            Thread reader = new Thread(() -> {
                try {
                    r.body().forEach(lines::add);
                } catch (RuntimeException closed) {
                    // the test closed the stream
                }
            }, "sse-" + path);
            reader.setDaemon(true);
            reader.start();
            return r.body();
        });
        return new EventLines(lines, body);
    }

    WebSession login(String user) {
        get("/login");
        Page p = post("/login", Map.of("username", user, "password", "demo"));
        if (p.status() != 302 || p.location().contains("error")) throw new IllegalStateException("login failed: " + p);
        get("/");
        return this;
    }

    private Page send(HttpRequest.Builder b) {
        return send(b, "text/html,application/xhtml+xml");
    }

    private Page send(HttpRequest.Builder b, String accept) {
        b.header("Accept", accept).timeout(Duration.ofSeconds(30));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                csrf = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            }
            Map<String, String> headers = new java.util.HashMap<>();
            r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
            return new Page(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null),
                    r.headers().firstValue("Content-Type").orElse(""), headers);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
