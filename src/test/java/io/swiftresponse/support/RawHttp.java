package io.swiftresponse.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * HTTP without guard rails, for hostile-input tests: any method, any raw (already percent-encoded) path and
 * query, any headers, any bytes as body, with a declared length or chunked. Answers as {@link Api.Response}.
 */
public final class RawHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final int port;

    public RawHttp(int port) {
        this.base = "http://localhost:" + port;
        this.port = port;
    }

    /**
     * Over a plain socket, for what {@link java.net.URI} refuses to build: the request target is written byte for
     * byte (ISO-8859-1), so it may hold malformed percent-escapes or raw non-ASCII bytes.
     */
    public Api.Response sendRaw(String method, String target, String authorization) {
        String head = method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            byte[] all = socket.getInputStream().readAllBytes();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end < 0 ? text.length() : end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) headers.put(lines[i].substring(0, colon).strip().toLowerCase(), lines[i].substring(colon + 1).strip());
            }
            byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(all, end + 4, all.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) body = dechunk(body);
            return new Api.Response(status, new String(body, StandardCharsets.UTF_8), headers.getOrDefault("content-type", ""),
                    headers.get("location"));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + target + " failed: " + e, e);
        }
    }

    private static byte[] dechunk(byte[] body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int eol = at;
            while (eol + 1 < body.length && !(body[eol] == '\r' && body[eol + 1] == '\n')) eol++;
            int size = Integer.parseInt(new String(body, at, eol - at, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
            if (size == 0) break;
            out.write(body, eol + 2, size);
            at = eol + 2 + size + 2;
        }
        return out.toByteArray();
    }

    /** One request to send; {@code chunked} sends the body without a declared length. */
    public record Request(String label, String method, String pathAndQuery, Map<String, String> headers, byte[] body,
            boolean chunked) {

        public static Request of(String label, String method, String pathAndQuery) {
            return new Request(label, method, pathAndQuery, new LinkedHashMap<>(), null, false);
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request auth(String user, String password) {
            return header("Authorization", basic(user, password));
        }

        public Request body(byte[] bytes, String contentType) {
            Request r = new Request(label, method, pathAndQuery, headers, bytes, chunked);
            if (contentType != null) r.headers.put("Content-Type", contentType);
            return r;
        }

        public Request body(String text, String contentType) {
            return body(text.getBytes(StandardCharsets.UTF_8), contentType);
        }

        public Request asChunked() {
            return new Request(label, method, pathAndQuery, headers, body, true);
        }

        @Override
        public String toString() {
            return label + ": " + method + " " + (pathAndQuery.length() > 160 ? pathAndQuery.substring(0, 160) + "..." : pathAndQuery)
                    + (body == null ? "" : " [" + body.length + " bytes" + (chunked ? ", chunked" : "") + "] "
                    + preview(body)) + " " + headers.getOrDefault("Content-Type", "");
        }

        private static String preview(byte[] body) {
            String s = new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
            return s.replaceAll("\\p{Cntrl}", "?");
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends all, a few at a time, and answers in the order given (the server is concurrent, so the test may be). */
    public List<Api.Response> sendAll(List<Request> requests, int parallelism) {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (Request r : requests) futures.add(pool.submit(() -> send(r)));
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> f : futures) responses.add(f.get());
            return responses;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    public Api.Response send(Request request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + request.pathAndQuery())).timeout(Duration.ofSeconds(30));
        request.headers().forEach(b::header);
        HttpRequest.BodyPublisher publisher;
        if (request.body() == null) {
            publisher = HttpRequest.BodyPublishers.noBody();
        } else if (request.chunked()) {
            byte[] bytes = request.body();
            publisher = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
        } else {
            publisher = HttpRequest.BodyPublishers.ofByteArray(request.body());
        }
        b.method(request.method(), publisher);
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Api.Response(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8),
                    r.headers().firstValue("Content-Type").orElse(""), r.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(request + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
