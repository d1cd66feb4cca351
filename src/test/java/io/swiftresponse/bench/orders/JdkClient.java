package io.swiftresponse.bench.orders;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** java.net.http.HttpClient, HTTP/1.1, one client (and its connection pool) per worker. */
final class JdkClient implements HttpClientish {
    private final String base;
    private final HttpClient http;

    JdkClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public Resp post(String path, String auth, byte[] json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)));
    }

    @Override
    public Resp get(String path, String auth) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                .header("Accept", "application/json").GET());
    }

    private Resp send(HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Resp(r.statusCode(), r.body(), false);
        } catch (IOException e) {
            return new Resp(-1, String.valueOf(e).getBytes(StandardCharsets.UTF_8), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        // HttpClient.close() arrived in Java 21; the client's threads are daemons
    }
}
