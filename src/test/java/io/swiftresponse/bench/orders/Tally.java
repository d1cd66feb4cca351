package io.swiftresponse.bench.orders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one worker counted: successes, errors (the first few kept), latencies in nanoseconds. */
final class Tally {
    long ok;
    long errors;
    final LongList latency = new LongList();
    final Map<String, LongList> perStep = new LinkedHashMap<>();
    final List<String> firstErrors = new ArrayList<>();

    void error(String what, Resp r) {
        errors++;
        if (firstErrors.size() < 3) {
            String text = r.text();
            firstErrors.add(what + ": " + r.status() + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text));
        }
    }
}
