package io.swiftresponse.intake.classifier;

import io.swiftresponse.intake.classifier.FeatureExtractor.SparseVector;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * An inverted index of training vectors for the nearest-neighbour vote ({@link NeighbourVote}): for every
 * indexed feature the training texts containing it with the feature's value. Immutable and thread-safe.
 *
 * <p>What makes it fast enough to run inside every prediction (docs/classifier.md, "Fifth pass"):
 * <ul>
 *   <li>only the word block (HanLP words and word bigrams) is indexed: the character 1–3-grams are three
 *       quarters of the postings and cost four times the search time (≈ 100 against ≈ 30 µs a text) for no
 *       measurable gain in cross-validation (0.9304 against 0.9299 on the same folds);</li>
 *   <li>features found in more than {@code maxDf} training texts have no postings: long lists, low idf;</li>
 *   <li>a bit set of the indexed features spares a look into {@code start[]} for every feature that has no
 *       postings, and {@code start[]} ends at the last indexed feature (the word block comes first in the
 *       vocabulary): both stay in the cache;</li>
 *   <li>similarities are summed without a branch per posting into a per-thread array, which is then scanned
 *       once (a few thousand floats, sequential) for the top k.</li>
 * </ul>
 */
final class NeighbourIndex {

    private final int classes;
    private final int maxDf;
    private final int features;
    /** Bit f set = feature f has postings (its document frequency is at most maxDf). */
    private final long[] indexed;
    private final short[] labels;
    /**
     * Postings of feature f: {@code docs[start[f] .. start[f+1])}, ascending, with {@code values}; only up to the
     * last feature with postings (the word block comes first in the vocabulary, so this array is a fraction of
     * the vocabulary's size and stays in the cache); {@code limit} = that last feature + 1.
     */
    private final int[] start;
    private final int limit;
    private final int[] docs;
    private final float[] values;
    private final ThreadLocal<Scratch> scratch;

    /** Per-thread similarity sums, one per indexed text, all zero between searches. */
    private record Scratch(float[] sums) {
    }

    private NeighbourIndex(int classes, int maxDf, short[] labels, int[] start, int[] docs, float[] values) {
        this.classes = classes;
        this.maxDf = maxDf;
        this.features = start.length - 1;
        int last = -1;
        for (int f = 0; f < features; f++) {
            if (start[f + 1] > start[f]) {
                last = f;
            }
        }
        this.limit = last + 1;
        this.indexed = new long[(limit + 63) >>> 6];
        for (int f = 0; f < limit; f++) {
            if (start[f + 1] > start[f]) {
                indexed[f >>> 6] |= 1L << f;
            }
        }
        this.labels = labels;
        this.start = Arrays.copyOf(start, limit + 1);
        this.docs = docs;
        this.values = values;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(new float[labels.length]));
    }

    /**
     * Indexes the training vectors (features {@code 0..features-1}, of which {@code 0..wordFeatures-1} are the
     * word block, see {@link Vocabulary#firstCharIndex()}) with their label indices.
     */
    static NeighbourIndex build(List<SparseVector> xs, int[] y, int classes, int features, int wordFeatures,
                                int maxDf) {
        if (classes > Short.MAX_VALUE) {
            throw new IllegalArgumentException("the neighbour vote supports at most " + Short.MAX_VALUE + " labels");
        }
        int[] df = new int[features];
        for (SparseVector x : xs) {
            for (int f : x.indices()) {
                df[f]++;
            }
        }
        boolean[] kept = new boolean[features]; // the word block's features found in at most maxDf texts
        int[] start = new int[features + 1];
        for (int f = 0; f < features; f++) {
            kept[f] = f < wordFeatures && df[f] <= maxDf;
            start[f + 1] = start[f] + (kept[f] ? df[f] : 0);
        }
        int[] docs = new int[start[features]];
        float[] values = new float[docs.length];
        int[] fill = Arrays.copyOf(start, features);
        short[] labels = new short[xs.size()];
        for (int d = 0; d < xs.size(); d++) {
            labels[d] = (short) y[d];
            SparseVector x = xs.get(d);
            for (int p = 0; p < x.size(); p++) {
                int f = x.indices()[p];
                if (kept[f]) {
                    docs[fill[f]] = d;
                    values[fill[f]++] = x.values()[p];
                }
            }
        }
        return new NeighbourIndex(classes, maxDf, labels, start, docs, values);
    }

    int size() {
        return labels.length;
    }

    int features() {
        return features;
    }

    int postings() {
        return docs.length;
    }

    int maxDf() {
        return maxDf;
    }

    /**
     * The (at most) k training texts with the largest similarity to {@code x} over the indexed features, most
     * similar first: their numbers go to {@code nearest}, similarities to {@code similarity}; returns how many.
     */
    int nearest(SparseVector x, int k, int[] nearest, float[] similarity) {
        Scratch s = scratch.get();
        float[] sums = s.sums();
        int[] idx = x.indices();
        float[] val = x.values();
        for (int p = 0; p < idx.length; p++) {
            int f = idx[p];
            if (f >= limit || (indexed[f >>> 6] & (1L << f)) == 0) {
                continue; // a bit set that stays in the cache saves a look into start[] for most features
            }
            float v = val[p];
            for (int q = start[f], end = start[f + 1]; q < end; q++) {
                sums[docs[q]] += v * values[q];
            }
        }
        // one pass over all sums (a few thousand floats, sequential) instead of a branch per posting
        int found = 0;
        float threshold = 0f;
        for (int d = 0; d < sums.length; d++) {
            float v = sums[d];
            if (v > threshold) {
                int pos = found < k ? found++ : k - 1;
                while (pos > 0 && similarity[pos - 1] < v) {
                    similarity[pos] = similarity[pos - 1];
                    nearest[pos] = nearest[pos - 1];
                    pos--;
                }
                similarity[pos] = v;
                nearest[pos] = d;
                if (found == k) {
                    threshold = similarity[k - 1];
                }
            }
        }
        Arrays.fill(sums, 0f);
        return found;
    }

    /**
     * The neighbour vote: each label's share of similarity^power over the k nearest training texts (sums to 1,
     * or all 0 when nothing is similar).
     */
    double[] vote(SparseVector x, int k, double power) {
        int[] nearest = new int[k];
        float[] similarity = new float[k];
        int found = nearest(x, k, nearest, similarity);
        return vote(nearest, similarity, found, power);
    }

    /** The vote of a neighbour list already found (the first {@code found} entries). */
    double[] vote(int[] nearest, float[] similarity, int found, double power) {
        double[] shares = new double[classes];
        double[] strength = new double[found];
        double total = 0;
        for (int r = 0; r < found; r++) {
            strength[r] = power == 1 ? similarity[r] : Math.pow(similarity[r], power);
            total += strength[r];
        }
        if (total <= 0) {
            return shares;
        }
        for (int r = 0; r < found; r++) {
            shares[labels[nearest[r]]] += strength[r] / total;
        }
        return shares;
    }

    // ------------------------------------------------------------------ model file (format 3)

    void write(DataOutputStream out, ByteBuffer buf) throws IOException {
        out.writeInt(maxDf);
        out.writeInt(labels.length);
        for (short l : labels) {
            out.writeShort(l);
        }
        out.writeInt(features);
        out.writeInt(docs.length);
        // per feature: posting count, then the document numbers as gaps (small numbers: the gzip compresses them)
        for (int f = 0; f < features; f++) {
            if (f >= limit) {
                ModelData.writeVarint(out, 0);
                continue;
            }
            ModelData.writeVarint(out, start[f + 1] - start[f]);
            int previous = -1;
            for (int q = start[f]; q < start[f + 1]; q++) {
                ModelData.writeVarint(out, docs[q] - previous);
                previous = docs[q];
            }
        }
        ModelData.writeFloats(out, values, buf);
    }

    static NeighbourIndex read(DataInputStream in, int classes, int features, byte[] chunk) throws IOException {
        int maxDf = in.readInt();
        int n = in.readInt();
        if (maxDf < 1 || n < 1 || n > 50_000_000) {
            throw new ModelFormatException("implausible neighbour index (" + n + " texts, max-df " + maxDf + ")");
        }
        short[] labels = new short[n];
        for (int d = 0; d < n; d++) {
            labels[d] = in.readShort();
            if (labels[d] < 0 || labels[d] >= classes) {
                throw new ModelFormatException("neighbour index label out of range");
            }
        }
        if (in.readInt() != features) {
            throw new ModelFormatException("neighbour index does not match the vocabulary");
        }
        int total = in.readInt();
        if (total < 0 || (long) total > (long) n * features) {
            throw new ModelFormatException("implausible neighbour posting count " + total);
        }
        int[] start = new int[features + 1];
        int[] docs = new int[total];
        int q = 0;
        for (int f = 0; f < features; f++) {
            int count = ModelData.readVarint(in);
            if (count < 0 || count > n || q + count > total) {
                throw new ModelFormatException("neighbour postings exceed their announced count");
            }
            int d = -1;
            for (int i = 0; i < count; i++) {
                d += ModelData.readVarint(in);
                if (d < 0 || d >= n) {
                    throw new ModelFormatException("neighbour posting out of range");
                }
                docs[q++] = d;
            }
            start[f + 1] = q;
        }
        if (q != total) {
            throw new ModelFormatException("neighbour postings fall short of their announced count");
        }
        float[] values = ModelData.readFloats(in, total, chunk);
        return new NeighbourIndex(classes, maxDf, labels, start, docs, values);
    }
}
