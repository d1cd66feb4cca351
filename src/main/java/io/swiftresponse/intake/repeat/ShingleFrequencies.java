package io.swiftresponse.intake.repeat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * In how many indexed orders each bigram occurs, so rare bigrams (a building number, a shop's name, the
 * problem's own words) weigh more than the phrasing every caller uses (已经好几天了, 小区, 单元). Counts live in a
 * fixed array of 2^21 counters addressed by the bigram hash (8 MB, lock-free; two bigrams sharing a counter
 * only make each look a little more common). Weight = ln((N + 1) / (df + 0.5)), N = orders indexed.
 */
final class ShingleFrequencies {

    private static final int BITS = 21;
    private final AtomicIntegerArray counts = new AtomicIntegerArray(1 << BITS);
    private final AtomicInteger documents = new AtomicInteger();

    void add(int[] shingles) {
        documents.incrementAndGet();
        for (int h : shingles) counts.incrementAndGet(slot(h));
    }

    void remove(int[] shingles) {
        documents.decrementAndGet();
        for (int h : shingles) counts.decrementAndGet(slot(h));
    }

    double[] weights(int[] shingles) {
        double n = Math.max(0, documents.get()) + 1.0;
        double[] w = new double[shingles.length];
        for (int i = 0; i < w.length; i++) w[i] = Math.log(n / (Math.max(0, counts.get(slot(shingles[i]))) + 0.5));
        return w;
    }

    double total(int[] shingles) {
        double sum = 0;
        for (double w : weights(shingles)) sum += w;
        return sum;
    }

    private static int slot(int h) {
        return (h * 0x9E3779B9) >>> (32 - BITS);
    }
}
