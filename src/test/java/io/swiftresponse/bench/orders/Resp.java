package io.swiftresponse.bench.orders;

import java.nio.charset.StandardCharsets;

/** An HTTP response: status (-1 for an I/O failure), body, and whether the connection is to be closed. */
record Resp(int status, byte[] body, boolean close) {
    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    Resp ok() {
        if (status != 200) {
            throw new IllegalStateException("HTTP " + status + ": " + text());
        }
        return this;
    }

    /** A top-level numeric field without parsing the whole body (the driver's CPU is the server's too). */
    long longField(String name) {
        byte[] key = ("\"" + name + "\":").getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + key.length < body.length; i++) {
            for (int k = 0; k < key.length; k++) {
                if (body[i + k] != key[k]) {
                    continue outer;
                }
            }
            long v = 0;
            for (int j = i + key.length; j < body.length && body[j] >= '0' && body[j] <= '9'; j++) {
                v = v * 10 + (body[j] - '0');
            }
            return v;
        }
        throw new IllegalStateException("no field " + name + " in " + text());
    }
}
