package io.swiftresponse.intake.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TopCalibrationTests {

    @Test
    void binsMapSoftmaxToTheShareOfRightPredictions() {
        // 40 predictions, 2 bins: softmax 0.5 right 10 of 20 times, softmax 0.9 right 14 of 20 times
        double[] conf = new double[40];
        boolean[] right = new boolean[40];
        for (int i = 0; i < 40; i++) {
            conf[i] = i < 20 ? 0.5 : 0.9;
            right[i] = i < 20 ? i < 10 : i < 34;
        }
        TopCalibration c = TopCalibration.fit(conf, right, 20);
        assertThat(c.x()).containsExactly(0.5, 0.9);
        assertThat(c.y()).containsExactly(0.5, 0.7);
        assertThat(c.apply(0.5)).isEqualTo(0.5);
        assertThat(c.apply(0.7)).isCloseTo(0.6, within(1e-12));
        assertThat(c.apply(0.99)).isEqualTo(0.7);
        assertThat(c.apply(0.2)).isEqualTo(0.5);
    }

    @Test
    void aBinMoreAccurateThanTheNextIsPooledWithIt() {
        // softmax 0.4: 12 of 20 right, 0.6: 8 of 20, 0.9: 18 of 20 -> the first two pool to (0.5, 0.5)
        double[] conf = new double[60];
        boolean[] right = new boolean[60];
        for (int i = 0; i < 60; i++) {
            int bin = i / 20;
            conf[i] = bin == 0 ? 0.4 : bin == 1 ? 0.6 : 0.9;
            right[i] = i % 20 < (bin == 0 ? 12 : bin == 1 ? 8 : 18);
        }
        TopCalibration c = TopCalibration.fit(conf, right, 20);
        assertThat(c.x()).hasSize(2);
        assertThat(c.x()[0]).isCloseTo(0.5, within(1e-12));
        assertThat(c.y()[0]).isCloseTo(0.5, within(1e-12));
        assertThat(c.y()[1]).isCloseTo(0.9, within(1e-12));
        assertThat(TopCalibration.fit(new double[30], new boolean[30], 20)).isSameAs(TopCalibration.IDENTITY);
    }

    @Test
    void theOthersShareWhatTheTopLabelGivesUpAndNeverOvertakeIt() {
        TopCalibration c = new TopCalibration(new double[] {0.5, 0.9}, new double[] {0.3, 0.7});
        // top 0.98 -> 0.7; the 0.3 left is shared 3:1 like 0.015:0.005
        assertThat(c.recalibrate(new double[] {0.98, 0.015, 0.005}))
                .containsExactly(new double[] {0.7, 0.225, 0.075}, within(1e-12));
        // top 0.5 -> 0.3 would leave the runner-up (0.45 of the 0.5 left) ahead: the top keeps 0.45 / 0.95
        double[] p = c.recalibrate(new double[] {0.5, 0.45, 0.05});
        assertThat(p[0]).isCloseTo(0.45 / 0.95, within(1e-12)).isGreaterThanOrEqualTo(p[1]);
        assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, within(1e-12));
        assertThat(TopCalibration.IDENTITY.recalibrate(new double[] {0.98, 0.02})).containsExactly(0.98, 0.02);
    }

    @Test
    void anAmbiguousComplaintGetsTheConfidenceItsHeldOutAccuracyJustifies() {
        // 暖气不热 was filed as 不供暖 in about 70 % and as 温度不达标 in about 30 % of the history; 路灯不亮 and 油烟太大 are clear
        // the configuration of the served category model (CategoryModels): the plain SVM, no neighbour vote
        TextClassifier model = new ClassifierTrainer().train(history(400, 7), TrainingOptions.linearDefaults()
                .withTrainedAt(ClassifierFixtures.FIXED_TIME).withMinDf(2).withBalanced(false).withCalibrationFolds(4));
        List<Prediction> top = model.topK("家里暖气不热", 3);
        assertThat(top.get(0).label()).isEqualTo("不供暖");
        assertThat(top.get(0).confidence()).isBetween(0.4, 0.85);
        assertThat(top.get(1).label()).isEqualTo("温度不达标");
        assertThat(top.get(1).confidence()).isBetween(0.12, 0.5);
        assertThat(model.predict("晚上家里路灯不亮").confidence()).isGreaterThan(0.9);
        // on new messages of the same kind the mean confidence of the top label is close to how often it is right
        List<LabelledText> fresh = history(400, 99);
        double confidence = 0;
        int right = 0;
        for (LabelledText t : fresh) {
            Prediction p = model.predict(t.text());
            confidence += p.confidence();
            if (p.label().equals(t.label())) right++;
        }
        assertThat(confidence / fresh.size()).isCloseTo(right / (double) fresh.size(), within(0.08));
    }

    private static List<LabelledText> history(int n, long seed) {
        String[] filler = {"今天", "昨天", "晚上", "早上", "一直", "还是", "最近", "这几天"};
        SplittableRandom random = new SplittableRandom(seed);
        List<LabelledText> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String around = filler[random.nextInt(8)] + "家里" + "%s" + filler[random.nextInt(8)];
            if (i % 2 == 0) {
                rows.add(new LabelledText(around.formatted("暖气不热"), random.nextInt(10) < 7 ? "不供暖" : "温度不达标"));
            } else {
                rows.add(new LabelledText(around.formatted(i % 4 == 1 ? "路灯不亮" : "油烟太大"), i % 4 == 1 ? "路灯" : "油烟"));
            }
        }
        return rows;
    }
}
