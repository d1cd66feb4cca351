package io.swiftresponse.intake.repeat;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The orders of one street or one grid cell as parallel primitive arrays (ids, shingles, total weight), so a
 * lookup scans a few thousand orders without boxing, hash lookups or per-order objects beyond the shingle
 * arrays. Readers share a read lock; adding and removing (a handful a second) take the write lock.
 */
final class PlaceBucket {

    /** Receives an order whose similarity reached the threshold. */
    interface Hits {
        void hit(long id, double similarity);
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private long[] ids = new long[4];
    private int[][] shingles = new int[4][];
    private float[] weights = new float[4];
    private int size;

    void add(long id, int[] s, double weight) {
        lock.writeLock().lock();
        try {
            if (size == ids.length) {
                int cap = size * 2;
                ids = Arrays.copyOf(ids, cap);
                shingles = Arrays.copyOf(shingles, cap);
                weights = Arrays.copyOf(weights, cap);
            }
            ids[size] = id;
            shingles[size] = s;
            weights[size] = (float) weight;
            size++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes the order (the last one takes its place); true when the bucket is then empty. */
    boolean remove(long id) {
        lock.writeLock().lock();
        try {
            for (int i = 0; i < size; i++) {
                if (ids[i] == id) {
                    size--;
                    ids[i] = ids[size];
                    shingles[i] = shingles[size];
                    weights[i] = weights[size];
                    shingles[size] = null;
                    break;
                }
            }
            return size == 0;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Recomputes each order's total weight with today's frequencies (they drift as orders come and go). */
    void reweigh(ShingleFrequencies frequencies) {
        lock.writeLock().lock();
        try {
            for (int i = 0; i < size; i++) weights[i] = (float) frequencies.total(shingles[i]);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Reports every order whose weighted overlap with the query, divided by the smaller of the two totals,
     * reaches {@code min}: the share of the shorter text's rare words the other one has too.
     */
    void scan(int[] query, double[] queryWeights, double queryTotal, double min, Hits hits) {
        lock.readLock().lock();
        try {
            for (int i = 0; i < size; i++) {
                double common = Shingles.overlap(query, queryWeights, shingles[i]);
                if (common <= 0) continue;
                double similarity = Math.min(1, common / Math.min(queryTotal, weights[i]));
                if (similarity >= min) hits.hit(ids[i], similarity);
            }
        } finally {
            lock.readLock().unlock();
        }
    }
}
