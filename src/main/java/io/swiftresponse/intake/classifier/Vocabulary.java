package io.swiftresponse.intake.classifier;

/**
 * The features a model knows: sorted 64-bit fingerprints with their inverse document frequencies.
 * Word-block fingerprints (top bit set, hence negative) sort before character-block ones.
 * Immutable and thread-safe once built.
 */
final class Vocabulary {

    private final long[] fingerprints;
    private final float[] idf;
    /** Open addressing, two longs per slot: fingerprint, then (idf bits << 32 | index + 1); 0 = empty. */
    private final long[] table;
    private final int mask;
    private final int firstCharIndex;

    Vocabulary(long[] sortedFingerprints, float[] idf) {
        if (sortedFingerprints.length != idf.length) {
            throw new IllegalArgumentException("fingerprint and idf arrays differ in length");
        }
        this.fingerprints = sortedFingerprints;
        this.idf = idf;
        int cap = Integer.highestOneBit(Math.max(4, sortedFingerprints.length) * 2 - 1) << 1;
        this.table = new long[cap * 2];
        this.mask = cap - 1;
        int firstChar = sortedFingerprints.length;
        for (int i = 0; i < sortedFingerprints.length; i++) {
            if (i > 0 && sortedFingerprints[i] <= sortedFingerprints[i - 1]) {
                throw new IllegalArgumentException("fingerprints are not strictly ascending at " + i);
            }
            if (sortedFingerprints[i] >= 0 && firstChar == sortedFingerprints.length) {
                firstChar = i;
            }
            int slot = slot(sortedFingerprints[i], mask);
            while (table[2 * slot + 1] != 0) {
                slot = (slot + 1) & mask;
            }
            table[2 * slot] = sortedFingerprints[i];
            table[2 * slot + 1] = ((long) Float.floatToRawIntBits(idf[i]) << 32) | (i + 1L);
        }
        this.firstCharIndex = firstChar;
    }

    int size() {
        return fingerprints.length;
    }

    private static int slot(long key, int mask) {
        return (int) (key ^ (key >>> 29) ^ (key >>> 47)) & mask;
    }

    int indexOf(long fingerprint) {
        long e = entry(fingerprint);
        return e == 0 ? -1 : (int) e - 1;
    }

    /**
     * The packed entry of a fingerprint: {@code (idf bits << 32) | (index + 1)}, or 0 if unknown. One
     * memory access gives both the index and the idf, which keeps prediction fast.
     */
    long entry(long fingerprint) {
        int s = slot(fingerprint, mask);
        while (true) {
            long v = table[2 * s + 1];
            if (v == 0) {
                return 0;
            }
            if (table[2 * s] == fingerprint) {
                return v;
            }
            s = (s + 1) & mask;
        }
    }

    float idf(int i) {
        return idf[i];
    }

    /** Indices below this are word features, the rest character features. */
    int firstCharIndex() {
        return firstCharIndex;
    }

    long fingerprint(int i) {
        return fingerprints[i];
    }

    long[] fingerprints() {
        return fingerprints.clone();
    }

    float[] idfs() {
        return idf.clone();
    }
}
