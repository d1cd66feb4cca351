package io.swiftresponse.intake.repeat;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * MinHash signatures over character bigrams of a text's letters and digits (punctuation and spaces dropped,
 * NFKC, lower case). The share of equal slots of two signatures estimates the Jaccard similarity of their
 * bigram sets, with a standard error of about 0.08 at 32 slots: good enough to rank a few thousand
 * same-place orders without keeping their texts.
 */
public final class MinHash {

    public static final int SLOTS = 32;
    private static final long[] A = new long[SLOTS];
    private static final long[] B = new long[SLOTS];
    private static final long PRIME = (1L << 61) - 1;

    static {
        java.util.SplittableRandom r = new java.util.SplittableRandom(12345);
        for (int i = 0; i < SLOTS; i++) {
            A[i] = 1 + r.nextLong(PRIME - 1);
            B[i] = r.nextLong(PRIME);
        }
    }

    private MinHash() {
    }

    /**
     * Formulae agents and callers use in every summary (市民来电反映…希望尽快处理): shared by unrelated orders, so
     * they are dropped before shingling, or every two orders of a street would look a third alike.
     */
    static final java.util.regex.Pattern BOILERPLATE = java.util.regex.Pattern.compile(
            "市民来电|来电人?(反映|称|表示|说)|诉求人(反映|称|表示|说)|再次反映|反映|希望(相关部门)?尽快(处理|解决)|请相关部门(处理|解决)"
                    + "|请派人来看看|请尽快处理|希望给个说法");

    public static int[] signature(String text) {
        String s = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = BOILERPLATE.matcher(s).replaceAll(" ");
        int[] cps = s.codePoints().filter(Character::isLetterOrDigit).toArray();
        int[] sig = new int[SLOTS];
        Arrays.fill(sig, Integer.MAX_VALUE);
        if (cps.length == 0) {
            return sig;
        }
        int grams = Math.max(1, cps.length - 1);
        for (int g = 0; g < grams; g++) {
            long x = cps.length == 1 ? cps[0] : ((long) cps[g] << 21) ^ cps[g + 1];
            for (int i = 0; i < SLOTS; i++) {
                int h = (int) (mix(x * A[i] + B[i]) >>> 33);
                if (h < sig[i]) sig[i] = h;
            }
        }
        return sig;
    }

    /** The murmur3 64-bit finaliser: spreads the slot's linear hash over all bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** Estimated Jaccard similarity in [0, 1]; two empty texts are not similar. */
    public static double similarity(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (a[i] == b[i] && a[i] != Integer.MAX_VALUE) same++;
        }
        return same / (double) SLOTS;
    }
}
