package io.swiftresponse.bench.orders;

import java.util.Arrays;

/** A growable array of longs (latencies in nanoseconds). */
final class LongList {
    private long[] a = new long[1024];
    private int n;

    void add(long v) {
        if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
        }
        a[n++] = v;
    }

    void addAll(LongList o) {
        for (int i = 0; i < o.n; i++) {
            add(o.a[i]);
        }
    }

    /** In milliseconds; nearest-rank. */
    double percentile(double p) {
        if (n == 0) {
            return Double.NaN;
        }
        long[] s = Arrays.copyOf(a, n);
        Arrays.sort(s);
        int rank = (int) Math.ceil(p / 100.0 * n);
        return s[Math.max(0, Math.min(n - 1, rank - 1))] / 1e6;
    }
}
