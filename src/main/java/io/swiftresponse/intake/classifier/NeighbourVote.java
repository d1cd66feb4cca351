package io.swiftresponse.intake.classifier;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Settings of the nearest-neighbour vote that can be added to the linear scores: for a text, the {@code k}
 * training texts most similar to it (dot product of the word block of the tf-idf vectors) vote for their
 * labels; the votes (similarity raised to a power, then as shares summing to 1) are multiplied by a weight and
 * added to the linear scores. A power above 1 lets the nearest texts (near-duplicates) outvote the merely
 * similar ones.
 *
 * <p>Why: citizens post the same problem many times in near-identical words; a neighbour vote recognises such
 * a repeat of a training message even where a linear boundary (城乡建设 against 交通运输 or 商贸旅游) puts it on
 * the wrong side. Which k, power and weight help is an empirical question, so the trainer tries every
 * combination of {@code ks} × {@code powers} × {@code weights} on the out-of-fold predictions of its calibration
 * folds and keeps the one with the best macro-F1 (weight 0 = no vote). Nothing is chosen on the data a model is
 * evaluated on.
 *
 * @param ks      neighbour counts to try (1..100)
 * @param powers  powers of the similarity to try (0.5..8)
 * @param weights vote weights to try (0..10; 0 means "no vote")
 * @param maxDf   features found in more than this many training texts are left out of the neighbour search:
 *                they carry little similarity (low idf) and most of the search cost (long posting lists)
 */
public record NeighbourVote(List<Integer> ks, List<Double> powers, List<Double> weights, int maxDf) {

    /** No neighbour vote. */
    public static final NeighbourVote OFF = new NeighbourVote(List.of(10), List.of(1.0), List.of(0.0), 300);

    /** The grid tried by default (docs/classifier.md, "Fifth pass"). */
    public static final NeighbourVote DEFAULT = new NeighbourVote(List.of(10, 30), List.of(1.0, 2.0, 4.0),
            List.of(0.0, 0.15, 0.3, 0.45, 0.6, 0.9), 300);

    public NeighbourVote {
        ks = List.copyOf(ks);
        powers = List.copyOf(powers);
        weights = List.copyOf(weights);
        if (ks.isEmpty() || powers.isEmpty() || weights.isEmpty()) {
            throw new IllegalArgumentException("the neighbour vote needs at least one k, one power and one weight");
        }
        for (double p : powers) {
            if (!(p >= 0.5 && p <= 8)) {
                throw new IllegalArgumentException("neighbour similarity power must be 0.5..8, got " + p);
            }
        }
        for (int k : ks) {
            if (k < 1 || k > 100) {
                throw new IllegalArgumentException("neighbour count k must be 1..100, got " + k);
            }
        }
        for (double w : weights) {
            if (!(w >= 0 && w <= 10)) {
                throw new IllegalArgumentException("neighbour vote weight must be 0..10, got " + w);
            }
        }
        if (maxDf < 1) {
            throw new IllegalArgumentException("neighbour max-df must be >= 1");
        }
    }

    /** Whether any combination could add a vote. */
    public boolean enabled() {
        return weights.stream().anyMatch(w -> w > 0);
    }

    /** Whether there is something to choose (more than one combination). */
    boolean needsChoice() {
        return ks.size() * powers.size() * weights.size() > 1;
    }

    int maxK() {
        return ks.stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    /** How the option is written on the command line and recorded in the model, e.g. {@code 10,30}. */
    static String join(List<? extends Number> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
