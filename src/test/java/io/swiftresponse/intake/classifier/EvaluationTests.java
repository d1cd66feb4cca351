package io.swiftresponse.intake.classifier;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EvaluationTests {

    @Test
    void computesAccuracyMacroF1PerClassAndConfusion() {
        List<String> gold = List.of("a", "a", "a", "b", "b", "c");
        List<String> pred = List.of("a", "a", "b", "b", "c", "c");
        Evaluation e = Evaluation.of(List.of("c", "b", "a"), gold, pred);
        assertThat(e.labels()).containsExactly("c", "b", "a");
        assertThat(e.count()).isEqualTo(6);
        assertThat(e.accuracy()).isCloseTo(4 / 6.0, within(1e-12));
        // a: P=1 R=2/3 F=0.8 ; b: P=1/2 R=1/2 F=1/2 ; c: P=1/2 R=1 F=2/3
        assertThat(e.perClass().get(2).f1()).isCloseTo(0.8, within(1e-12));
        assertThat(e.perClass().get(1).f1()).isCloseTo(0.5, within(1e-12));
        assertThat(e.perClass().get(0).f1()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(e.macroF1()).isCloseTo((0.8 + 0.5 + 2 / 3.0) / 3, within(1e-12));
        assertThat(e.confusionMatrix()).isEqualTo(new int[][] {{1, 0, 0}, {1, 1, 0}, {0, 1, 2}});
        String report = e.report();
        assertThat(report).contains("accuracy   0.6667").contains("macro-F1").contains("confusion matrix");
    }

    @Test
    void labelsNeverPredictedCountAsZeroAndExtraLabelsAreAppended() {
        Evaluation e = Evaluation.of(List.of("x"), List.of("x", "y"), List.of("x", "x"));
        assertThat(e.labels()).containsExactly("x", "y");
        assertThat(e.perClass().get(1).f1()).isZero();
        assertThat(e.perClass().get(1).support()).isEqualTo(1);
    }

    @Test
    void alignsChineseLabels() {
        assertThat(Evaluation.width("交通运输")).isEqualTo(8);
        assertThat(Evaluation.width("abc")).isEqualTo(3);
    }
}
