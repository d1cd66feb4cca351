package io.swiftresponse.intake.classifier;

import java.util.Arrays;

/** Open-addressing hash map from long keys to non-negative int values (no boxing). Not thread-safe while written. */
final class LongIntMap {

    private long[] keys;
    private int[] vals; // -1 = empty slot
    private int size;
    private int mask;

    LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        keys = new long[cap];
        vals = new int[cap];
        Arrays.fill(vals, -1);
        mask = cap - 1;
    }

    private static int slot(long key, int mask) {
        return (int) (key ^ (key >>> 29) ^ (key >>> 47)) & mask;
    }

    int size() {
        return size;
    }

    /** The value for a key, or -1. */
    int get(long key) {
        int i = slot(key, mask);
        while (true) {
            int v = vals[i];
            if (v < 0) {
                return -1;
            }
            if (keys[i] == key) {
                return v;
            }
            i = (i + 1) & mask;
        }
    }

    void put(long key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value");
        }
        int i = slot(key, mask);
        while (vals[i] >= 0) {
            if (keys[i] == key) {
                vals[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        vals[i] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    /** Adds {@code delta} to the value of a key (absent = 0). */
    void add(long key, int delta) {
        int i = slot(key, mask);
        while (vals[i] >= 0) {
            if (keys[i] == key) {
                vals[i] += delta;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        vals[i] = delta;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    /** Calls the consumer for every entry (in slot order). */
    void forEach(LongIntConsumer consumer) {
        for (int i = 0; i < keys.length; i++) {
            if (vals[i] >= 0) {
                consumer.accept(keys[i], vals[i]);
            }
        }
    }

    interface LongIntConsumer {
        void accept(long key, int value);
    }

    private void grow() {
        long[] ok = keys;
        int[] ov = vals;
        keys = new long[ok.length * 2];
        vals = new int[ok.length * 2];
        Arrays.fill(vals, -1);
        mask = keys.length - 1;
        for (int j = 0; j < ok.length; j++) {
            if (ov[j] >= 0) {
                int i = slot(ok[j], mask);
                while (vals[i] >= 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = ok[j];
                vals[i] = ov[j];
            }
        }
    }
}
