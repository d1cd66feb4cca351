package io.swiftresponse.bench.orders;

import tools.jackson.databind.json.JsonMapper;

/** The driver's one JSON mapper (thread-safe, shared). */
final class Json {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private Json() {
    }
}
