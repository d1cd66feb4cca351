package io.swiftresponse.bench.orders;

import java.util.LinkedHashMap;
import java.util.Map;

/** The results of one repetition: per phase, per concurrency. */
final class Repetition {
    final Map<Integer, Result> create = new LinkedHashMap<>();
    final Map<Integer, Result> raw = new LinkedHashMap<>();
    final Map<Integer, Result> lifecycle = new LinkedHashMap<>();
    final Map<Integer, Result> ping = new LinkedHashMap<>();

    enum Kind { CREATE, RAW, LIFECYCLE, PING }

    Map<Integer, Result> of(Kind k) {
        return switch (k) {
            case PING -> ping;
            case CREATE -> create;
            case RAW -> raw;
            case LIFECYCLE -> lifecycle;
        };
    }
}
