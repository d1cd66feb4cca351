package io.swiftresponse.bench.orders;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;

/**
 * A minimal blocking HTTP/1.1 client over one keep-alive socket: what a load generator needs and nothing
 * else (fixed headers, Content-Length or chunked responses, reconnect when the server closes).
 */
final class SocketClient implements HttpClientish {
    private final String host;
    private final int port;
    private final byte[] hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    SocketClient(String base) {
        URI u = URI.create(base);
        this.host = u.getHost();
        this.port = u.getPort() < 0 ? 80 : u.getPort();
        this.hostHeader = (host + ":" + port).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public Resp post(String path, String auth, byte[] json) {
        return exchange("POST", path, auth, json);
    }

    @Override
    public Resp get(String path, String auth) {
        return exchange("GET", path, auth, null);
    }

    private Resp exchange(String method, String path, String auth, byte[] body) {
        for (int attempt = 0; ; attempt++) {
            boolean reused = socket != null;
            try {
                if (socket == null) {
                    connect();
                }
                ByteArrayOutputStream head = new ByteArrayOutputStream(256 + (body == null ? 0 : body.length));
                head.writeBytes((method + " " + path + " HTTP/1.1\r\nHost: ").getBytes(StandardCharsets.US_ASCII));
                head.writeBytes(hostHeader);
                head.writeBytes(("\r\nAuthorization: " + auth + "\r\nAccept: application/json\r\n").getBytes(StandardCharsets.US_ASCII));
                if (body != null) {
                    head.writeBytes(("Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                }
                head.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
                if (body != null) {
                    head.writeBytes(body);
                }
                head.writeTo(out);
                out.flush();
                Resp r = read();
                if (r.close()) {
                    close();
                }
                return r;
            } catch (IOException e) {
                close();
                // a kept-alive connection the server closed meanwhile: retry once on a fresh one
                if (!reused || attempt > 0) {
                    return new Resp(-1, String.valueOf(e).getBytes(StandardCharsets.UTF_8), true);
                }
            }
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(60_000);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    }

    private Resp read() throws IOException {
        String status = line();
        if (status.isEmpty()) {
            throw new EOFException("connection closed");
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            String name = h.substring(0, colon).trim();
            String value = h.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                close = true;
            }
        }
        byte[] body;
        if (chunked) {
            ByteArrayOutputStream b = new ByteArrayOutputStream(2048);
            while (true) {
                String size = line();
                int semi = size.indexOf(';');
                int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                if (n == 0) {
                    while (!line().isEmpty()) {
                        // trailers
                    }
                    break;
                }
                b.writeBytes(in.readNBytes(n));
                line();
            }
            body = b.toByteArray();
        } else if (length >= 0) {
            body = in.readNBytes((int) length);
        } else {
            body = in.readAllBytes();
            close = true;
        }
        return new Resp(code, body, close);
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                s.append((char) c);
            }
        }
        return s.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
