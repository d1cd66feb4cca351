package io.swiftresponse.bench.orders;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A demo user and its HTTP Basic header (every demo user's password is "demo"). */
record Login(String name, String auth) {
    private static final String PASSWORD = "demo";

    static Login of(String name) {
        return new Login(name, "Basic " + Base64.getEncoder().encodeToString((name + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8)));
    }
}
