package io.swiftresponse.shared.web;

import java.net.URI;

/** Stable problem {@code type} URIs: clients may switch on them, so they never change meaning. */
public final class ProblemTypes {

    public static final String BASE = "https://swiftresponse.io/problems/";

    private ProblemTypes() {
    }

    public static URI of(String slug) {
        return URI.create(BASE + slug);
    }
}
