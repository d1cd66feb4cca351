package io.swiftresponse.intake.classifier;

import io.swiftresponse.intake.classifier.FeatureExtractor.SparseVector;

import java.util.ArrayList;
import java.util.List;

/**
 * NB-SVM feature scaling (Wang &amp; Manning 2012, "Baselines and bigrams"): for one class k versus the rest,
 * every feature is multiplied by its naive-Bayes log-count ratio
 * {@code r = ln((p / |p|₁) / (q / |q|₁))}, where {@code p} and {@code q} count the documents of class k and of
 * the other classes that contain the feature (add-one smoothed). Features typical of one side get larger
 * values, so the SVM needs less weight (less regularisation cost) to use them; this helps on short texts.
 * Because the scaling is per feature, it is folded into the learnt weights ({@code w'_f = r_f · w_f}) and
 * prediction is unchanged in cost and model format.
 */
final class NaiveBayesScaling {

    private NaiveBayesScaling() {
    }

    /** The log-count ratio of every feature for class {@code k} versus the rest. */
    static float[] ratios(List<SparseVector> xs, int[] ys, int k, int features) {
        double[] p = new double[features];
        double[] q = new double[features];
        double sumP = features;
        double sumQ = features;
        for (int i = 0; i < xs.size(); i++) {
            double[] side = ys[i] == k ? p : q;
            for (int f : xs.get(i).indices()) {
                side[f] += 1;
            }
            if (ys[i] == k) {
                sumP += xs.get(i).size();
            } else {
                sumQ += xs.get(i).size();
            }
        }
        float[] r = new float[features];
        for (int f = 0; f < features; f++) {
            r[f] = (float) Math.log(((p[f] + 1) / sumP) / ((q[f] + 1) / sumQ));
        }
        return r;
    }

    /** The vectors with every value multiplied by the ratio of its feature (indices shared, values copied). */
    static List<SparseVector> scale(List<SparseVector> xs, float[] r) {
        List<SparseVector> out = new ArrayList<>(xs.size());
        for (SparseVector x : xs) {
            int[] idx = x.indices();
            float[] v = x.values().clone();
            for (int p = 0; p < v.length; p++) {
                v[p] *= r[idx[p]];
            }
            out.add(new SparseVector(idx, v));
        }
        return out;
    }
}
