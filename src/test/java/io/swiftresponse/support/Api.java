package io.swiftresponse.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real-HTTP client for tests: JSON in, status and JSON out, HTTP Basic as a given user. */
public final class Api {

    public static final String PASSWORD = "demo";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public Response get(String user, String path) {
        return send(user, "GET", path, null, "application/json");
    }

    public Response post(String user, String path, String json) {
        return send(user, "POST", path, json, "application/json");
    }

    public Response send(String user, String method, String path, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        if (contentType != null && body != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public record Response(int status, String body, String contentType, String location) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String text(String field) {
            return json().path(field).asString(null);
        }

        public long id() {
            return json().path("id").asLong();
        }

        /** An RFC 9457 problem of the given type (its last path segments) with a detail a person can act on. */
        public void assertProblem(String typeSuffix) {
            org.assertj.core.api.Assertions.assertThat(contentType()).as(toString()).startsWith("application/problem+json");
            org.assertj.core.api.Assertions.assertThat(text("type")).as(toString()).endsWith(typeSuffix);
            org.assertj.core.api.Assertions.assertThat(text("detail")).as(toString()).isNotBlank();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
