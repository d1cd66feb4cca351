package io.swiftresponse.intake.repeat;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The character bigrams of a text's letters and digits (NFKC, lower case, punctuation and spaces dropped,
 * hotline formulae removed) as sorted distinct 32-bit hashes. A long text keeps its {@link #MAX} smallest
 * hashes: a bottom-k sample, the same for every text, so two long texts are compared on the same sample of
 * bigrams and the memory per order stays bounded (64 ints at most).
 */
public final class Shingles {

    public static final int MAX = 64;

    /**
     * Formulae agents and callers use in every summary (市民来电反映…希望尽快处理): shared by unrelated orders, so
     * they are dropped before shingling. Rarity weighting (ShingleFrequencies) discounts the rest of the
     * everyday phrasing.
     */
    static final Pattern BOILERPLATE = Pattern.compile(
            "市民来电|来电人?(反映|称|表示|说)|诉求人(反映|称|表示|说)|再次反映|反映|希望(相关部门)?尽快(处理|解决)|请相关部门(处理|解决)"
                    + "|请派人来看看|请尽快处理|希望给个说法");

    private static final int[] NONE = new int[0];

    private Shingles() {
    }

    public static int[] of(String text) {
        String s = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = BOILERPLATE.matcher(s).replaceAll(" ");
        int[] cps = s.codePoints().filter(Character::isLetterOrDigit).toArray();
        if (cps.length == 0) return NONE;
        int grams = Math.max(1, cps.length - 1);
        int[] h = new int[grams];
        for (int g = 0; g < grams; g++) {
            long x = cps.length == 1 ? cps[0] : ((long) cps[g] << 21) ^ cps[g + 1];
            h[g] = (int) (mix(x) >>> 32);
        }
        Arrays.sort(h);
        int n = 0;
        for (int i = 0; i < h.length && n < MAX; i++) {
            if (i == 0 || h[i] != h[i - 1]) h[n++] = h[i];
        }
        return n == h.length ? h : Arrays.copyOf(h, n);
    }

    /** The murmur3 64-bit finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** The summed weights (parallel to {@code query}) of the query's shingles that {@code other} has too; both sorted. */
    static double overlap(int[] query, double[] weights, int[] other) {
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < query.length && j < other.length) {
            int a = query[i];
            int b = other[j];
            if (a == b) {
                sum += weights[i++];
                j++;
            } else if (a < b) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }
}
