package io.swiftresponse.intake.classifier;

import java.util.Arrays;
import java.util.List;

/**
 * Text → 64-bit feature fingerprints → sparse TF-IDF vector.
 *
 * <p>Two blocks of features are produced from the token stream of {@link Tokenizer}:
 * <ul>
 *   <li>character n-grams ({@code charMin..charMax}) over the concatenation of the kept tokens, i.e. the
 *       text with spaces, punctuation and stop words removed; these do not depend on where a segmenter
 *       put word boundaries, which makes the model robust to jieba-segmented training text versus raw
 *       text at prediction time;</li>
 *   <li>word n-grams ({@code 1..wordMax}) over the HanLP tokens.</li>
 * </ul>
 * Each feature is identified by a 64-bit fingerprint (top bit 0: character block, 1: word block); the
 * model keeps a dictionary of the fingerprints seen in at least {@code minDf} training documents, so
 * features never seen in training are simply ignored (no hashing collisions with unseen n-grams).
 *
 * <p>Weighting: {@code (1 + ln tf) · idf}, each block L2-normalised and scaled so that the word block
 * carries {@code wordWeight} of the squared norm.
 */
final class FeatureExtractor {

    /** Feature parameters; stored in the model file. */
    record Config(int charMin, int charMax, int wordMax, boolean removeStopWords, boolean keepNumbers,
                  float wordWeight) {
        Config {
            if (charMin < 1 || charMax < charMin || charMax > 8) {
                throw new IllegalArgumentException("character n-gram range must satisfy 1 <= min <= max <= 8");
            }
            if (wordMax < 0 || wordMax > 3) {
                throw new IllegalArgumentException("word n-gram order must be 0..3");
            }
            if (!(wordWeight >= 0f && wordWeight <= 1f)) {
                throw new IllegalArgumentException("word block weight must be in [0,1]");
            }
        }
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final Config config;
    private final Tokenizer tokenizer;

    FeatureExtractor(Config config) {
        this.config = config;
        this.tokenizer = new Tokenizer(config.removeStopWords(), config.keepNumbers());
    }

    Config config() {
        return config;
    }

    List<String> tokens(String text) {
        return tokenizer.tokens(text);
    }

    static long fmix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** All feature fingerprints of a text, with repetitions (term frequency = multiplicity). */
    long[] fingerprints(String text) {
        return fingerprints(tokenizer.tokens(text));
    }

    /** The word block's hash of one token (its unigram feature is this with the top bit set). */
    static long wordHash(String token) {
        long h = FNV_OFFSET ^ 0x5741524443484152L;
        for (int j = 0; j < token.length(); j++) {
            h = (h ^ token.charAt(j)) * FNV_PRIME;
        }
        return fmix(h);
    }

    /** All feature fingerprints of a token stream from {@link #tokens}, with repetitions. */
    long[] fingerprints(List<String> tokens) {
        int chars = 0;
        for (String t : tokens) {
            chars += t.length();
        }
        char[] s = new char[chars];
        int p = 0;
        for (String t : tokens) {
            t.getChars(0, t.length(), s, p);
            p += t.length();
        }
        int nChar = 0;
        for (int n = config.charMin(); n <= config.charMax(); n++) {
            nChar += Math.max(0, chars - n + 1);
        }
        int nWord = config.wordMax() == 0 ? 0 : tokens.size() * config.wordMax();
        long[] out = new long[nChar + nWord];
        int k = 0;
        for (int n = config.charMin(); n <= config.charMax(); n++) {
            long seed = FNV_OFFSET ^ (n * 0x9E3779B97F4A7C15L);
            for (int i = 0; i + n <= chars; i++) {
                long h = seed;
                for (int j = i; j < i + n; j++) {
                    h = (h ^ s[j]) * FNV_PRIME;
                }
                out[k++] = fmix(h) & Long.MAX_VALUE;
            }
        }
        if (config.wordMax() > 0) {
            long[] uni = new long[tokens.size()];
            for (int i = 0; i < uni.length; i++) {
                uni[i] = wordHash(tokens.get(i));
                out[k++] = uni[i] | Long.MIN_VALUE;
            }
            for (int n = 2; n <= config.wordMax(); n++) {
                for (int i = 0; i + n <= uni.length; i++) {
                    long h = n * 0x632BE59BD9B4E019L;
                    for (int j = i; j < i + n; j++) {
                        h = fmix(h ^ uni[j]) * 31 + 17;
                    }
                    out[k++] = fmix(h) | Long.MIN_VALUE;
                }
            }
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    /**
     * The sparse vector of a text under a vocabulary: distinct indices, values weighted and normalised.
     * Features outside the vocabulary are ignored.
     */
    SparseVector vectorise(String text, Vocabulary vocab) {
        return vectorise(fingerprints(text), vocab);
    }

    private static final float[] LOG_TF = new float[64];

    static {
        for (int c = 1; c < LOG_TF.length; c++) {
            LOG_TF[c] = (float) (1.0 + Math.log(c));
        }
    }

    SparseVector vectorise(long[] fps, Vocabulary vocab) {
        // 1. count repeats in a small local hash table (stays in L1 cache)
        int cap = Integer.highestOneBit(Math.max(8, fps.length) * 2 - 1) << 1;
        int mask = cap - 1;
        long[] keys = new long[cap];
        int[] counts = new int[cap];
        int[] order = new int[fps.length];
        int unique = 0;
        for (long fp : fps) {
            int slot = (int) (fp ^ (fp >>> 32)) & mask;
            while (counts[slot] != 0 && keys[slot] != fp) {
                slot = (slot + 1) & mask;
            }
            if (counts[slot] == 0) {
                keys[slot] = fp;
                order[unique++] = slot;
            }
            counts[slot]++;
        }
        // 2. look each distinct feature up once in the vocabulary: index and idf in one access
        int[] idx = new int[unique];
        float[] val = new float[unique];
        boolean[] word = new boolean[unique];
        int m = 0;
        double wordSq = 0;
        double charSq = 0;
        for (int j = 0; j < unique; j++) {
            int slot = order[j];
            long e = vocab.entry(keys[slot]);
            if (e == 0) {
                continue;
            }
            int tf = counts[slot];
            float v = (tf < LOG_TF.length ? LOG_TF[tf] : (float) (1.0 + Math.log(tf)))
                    * Float.intBitsToFloat((int) (e >>> 32));
            idx[m] = (int) (e - 1);
            val[m] = v;
            word[m] = keys[slot] < 0;
            if (word[m]) {
                wordSq += (double) v * v;
            } else {
                charSq += (double) v * v;
            }
            m++;
        }
        // 3. block normalisation
        double ww = config.wordWeight();
        double wordScale;
        double charScale;
        if (wordSq == 0 || charSq == 0) {
            double total = wordSq + charSq;
            wordScale = charScale = total == 0 ? 0 : 1 / Math.sqrt(total);
        } else {
            wordScale = Math.sqrt(ww / wordSq);
            charScale = Math.sqrt((1 - ww) / charSq);
        }
        for (int i = 0; i < m; i++) {
            val[i] = (float) (val[i] * (word[i] ? wordScale : charScale));
        }
        return new SparseVector(m == unique ? idx : Arrays.copyOf(idx, m), m == unique ? val : Arrays.copyOf(val, m));
    }

    /** A sparse vector: distinct feature indices (in first-occurrence order) with their values. */
    record SparseVector(int[] indices, float[] values) {
        int size() {
            return indices.length;
        }

        double dot(float[] dense) {
            double s = 0;
            for (int i = 0; i < indices.length; i++) {
                s += values[i] * dense[indices[i]];
            }
            return s;
        }

        double squaredNorm() {
            double s = 0;
            for (float v : values) {
                s += (double) v * v;
            }
            return s;
        }
    }
}
