package io.swiftresponse.open311;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.Api;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An Open311 client for tests: GET with a query, POST form-urlencoded, keys issued through the admin API. */
final class Open311Client {

    static final String V2 = "/open311/v2/";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final Api api;

    Open311Client(int port) {
        this.port = port;
        this.api = new Api(port);
    }

    Api api() {
        return api;
    }

    Reply get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + V2 + pathAndQuery)).GET());
    }

    Reply post(String path, Map<String, ?> form) {
        return postRaw(path, form(form));
    }

    Reply postRaw(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + V2 + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** A form body; a list value repeats the field (attribute[CODE][]=a&attribute[CODE][]=b). */
    static String form(Map<String, ?> fields) {
        List<String> parts = new ArrayList<>();
        fields.forEach((k, v) -> {
            List<?> values = v instanceof List<?> l ? l : List.of(v);
            values.forEach(x -> parts.add(enc(k) + "=" + enc(String.valueOf(x))));
        });
        return String.join("&", parts);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    String issueKey(String label, String channel, String jurisdictionId, Integer ratePerMinute) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("label", label);
        body.put("channel", channel);
        if (jurisdictionId != null) body.put("jurisdictionId", jurisdictionId);
        if (ratePerMinute != null) body.put("ratePerMinute", ratePerMinute);
        Api.Response r = api.post("admin", "/api/v1/open311/keys", Api.json(body));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("apiKey").asString();
    }

    private Reply send(HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = HTTP.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8),
                    r.headers().firstValue("Content-Type").orElse(""), r.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, String body, String contentType, String retryAfter) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
        }
    }
}
