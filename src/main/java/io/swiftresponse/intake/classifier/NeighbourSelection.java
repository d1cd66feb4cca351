package io.swiftresponse.intake.classifier;

import io.swiftresponse.intake.classifier.FeatureExtractor.SparseVector;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Chooses the neighbour vote's k, power and weight ({@link NeighbourVote}) on the trainer's calibration folds: for each
 * fold, the held-out texts' neighbours are searched in an index of the other folds only, so every candidate is
 * scored on out-of-fold predictions, never on a text that is its own neighbour. The combination with the best
 * macro-F1 wins; on a tie the one tried first (weight 0, no vote, is tried first: no vote unless it helps).
 */
final class NeighbourSelection {

    /** The chosen combination, its out-of-fold macro-F1 and the whole grid's scores (recorded in the model). */
    record Choice(int k, double power, double weight, double macroF1, String grid) {
        boolean votes() {
            return weight > 0;
        }
    }

    private final NeighbourVote settings;
    private final int classes;
    /** votes[kIndex][powerIndex][example]: out-of-fold label shares of the example's k nearest texts. */
    private final double[][][][] votes;

    NeighbourSelection(NeighbourVote settings, int examples, int classes) {
        this.settings = settings;
        this.classes = classes;
        this.votes = new double[settings.ks().size()][settings.powers().size()][examples][];
    }

    /** Searches the neighbours of the held-out rows {@code heldOut} in an index of the fold's training rows. */
    void addFold(List<SparseVector> trainX, int[] trainY, Vocabulary vocab, List<SparseVector> xs,
                 List<Integer> heldOut) {
        NeighbourIndex index = NeighbourIndex.build(trainX, trainY, classes, vocab.size(), vocab.firstCharIndex(),
                settings.maxDf());
        int maxK = settings.maxK();
        int[] nearest = new int[maxK];
        float[] similarity = new float[maxK];
        for (int i : heldOut) {
            int found = index.nearest(xs.get(i), maxK, nearest, similarity);
            for (int j = 0; j < settings.ks().size(); j++) {
                for (int p = 0; p < settings.powers().size(); p++) {
                    votes[j][p][i] = index.vote(nearest, similarity, Math.min(found, settings.ks().get(j)),
                            settings.powers().get(p));
                }
            }
        }
    }

    /** Scores every combination on the out-of-fold linear scores {@code oof} (gold labels {@code y}). */
    Choice choose(double[][] oof, int[] y, List<String> labels) {
        Choice best = null;
        StringJoiner grid = new StringJoiner(" ");
        for (int j = 0; j < settings.ks().size(); j++) {
            for (int p = 0; p < settings.powers().size(); p++) {
                for (double w : settings.weights()) {
                    if (w == 0 && (j > 0 || p > 0)) {
                        continue; // weight 0 is the same model for every k and power: scored once
                    }
                    double f1 = Evaluation.ofScores(labels, y, mix(oof, j, p, w)).macroF1();
                    int k = settings.ks().get(j);
                    double power = settings.powers().get(p);
                    grid.add(w == 0 ? String.format(Locale.ROOT, "none=%.4f", f1)
                            : String.format(Locale.ROOT, "k%d/p%s/w%s=%.4f", k, power, w, f1));
                    if (best == null || f1 > best.macroF1()) {
                        best = new Choice(k, power, w, f1, null);
                    }
                }
            }
        }
        return new Choice(best.k(), best.power(), best.weight(), best.macroF1(), grid.toString());
    }

    /** The out-of-fold scores with the chosen vote added (what the temperature and calibration are fitted on). */
    double[][] mixed(double[][] oof, Choice choice) {
        return mix(oof, settings.ks().indexOf(choice.k()), settings.powers().indexOf(choice.power()),
                choice.weight());
    }

    private double[][] mix(double[][] oof, int kIndex, int powerIndex, double weight) {
        double[][] out = new double[oof.length][];
        for (int i = 0; i < oof.length; i++) {
            out[i] = oof[i].clone();
            for (int c = 0; weight > 0 && c < classes; c++) {
                out[i][c] += weight * votes[kIndex][powerIndex][i][c];
            }
        }
        return out;
    }
}
