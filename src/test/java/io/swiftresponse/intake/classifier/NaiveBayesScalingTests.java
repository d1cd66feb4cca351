package io.swiftresponse.intake.classifier;

import io.swiftresponse.intake.classifier.FeatureExtractor.SparseVector;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NaiveBayesScalingTests {

    // doc 0 (class 0) has feature 0; doc 1 (class 1) features 0 and 1; doc 2 (class 1) feature 1
    private static final List<SparseVector> XS = List.of(
            new SparseVector(new int[] {0}, new float[] {1f}),
            new SparseVector(new int[] {0, 1}, new float[] {0.5f, 2f}),
            new SparseVector(new int[] {1}, new float[] {1f}));
    private static final int[] YS = {0, 1, 1};

    @Test
    void logCountRatiosByHand() {
        // class 0: p + 1 = [2, 1], |p + 1| = 3; rest: q + 1 = [2, 3], |q + 1| = 5
        float[] r = NaiveBayesScaling.ratios(XS, YS, 0, 2);
        assertThat((double) r[0]).isCloseTo(Math.log((2.0 / 3) / (2.0 / 5)), within(1e-6)); // ln 5/3 = 0.511
        assertThat((double) r[1]).isCloseTo(Math.log((1.0 / 3) / (3.0 / 5)), within(1e-6)); // ln 5/9 = -0.588
        SparseVector scaled = NaiveBayesScaling.scale(XS, r).get(1);
        assertThat(scaled.indices()).containsExactly(0, 1);
        assertThat((double) scaled.values()[0]).isCloseTo(0.5 * Math.log(5.0 / 3), within(1e-6));
        assertThat((double) scaled.values()[1]).isCloseTo(2 * Math.log(5.0 / 9), within(1e-6));
        assertThat(XS.get(1).values()).containsExactly(0.5f, 2f); // the input is not changed
    }

    @Test
    void theScalingIsFoldedIntoTheWeights() {
        TrainingOptions nb = ClassifierFixtures.options().withAlgorithm(TrainingOptions.Algorithm.NBSVM).withThreads(1);
        LinearSolver.Weights folded = LinearSolver.train(XS, YS, 2, 2, nb);
        for (int k = 0; k < 2; k++) {
            // the plain SVM on the features scaled for class k, its weights multiplied back by the ratios
            float[] r = NaiveBayesScaling.ratios(XS, YS, k, 2);
            LinearSolver.Weights plain = LinearSolver.train(NaiveBayesScaling.scale(XS, r), YS, 2, 2,
                    nb.withAlgorithm(TrainingOptions.Algorithm.SVM));
            assertThat(folded.bias()[k]).isEqualTo(plain.bias()[k]);
            for (int f = 0; f < 2; f++) {
                assertThat((double) folded.w()[f * 2 + k]).isCloseTo(plain.w()[f * 2 + k] * r[f], within(1e-6));
            }
            assertThat(r[0]).isNotCloseTo(1f, within(0.05f)); // so that a missing fold would be seen
        }
    }

    @Test
    void nbSvmLearnsTheFixture() {
        TextClassifier m = new ClassifierTrainer().train(ClassifierFixtures.tinyDataset(),
                ClassifierFixtures.options().withAlgorithm(TrainingOptions.Algorithm.NBSVM));
        for (LabelledText t : ClassifierFixtures.tinyDataset()) {
            assertThat(m.predict(t.text()).label()).as(t.text()).isEqualTo(t.label());
        }
        assertThat(m.predict("工厂排放废气，异味刺鼻，严重污染").label()).isEqualTo("环境保护");
        assertThat(m.info().hyperParameters()).containsEntry("algorithm", "NBSVM");
    }
}
