package io.swiftresponse.intake.classifier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ClassifierTrainerTests {

    private static TextClassifier model;

    @BeforeAll
    static void train() {
        model = new ClassifierTrainer().train(ClassifierFixtures.tinyDataset(), ClassifierFixtures.options());
    }

    @Test
    void learnsATinySeparableDataset() {
        assertThat(model.labels()).containsExactly("交通运输", "教育文体", "环境保护");
        for (LabelledText t : ClassifierFixtures.tinyDataset()) {
            assertThat(model.predict(t.text()).label()).as(t.text()).isEqualTo(t.label());
        }
        // unseen raw sentences
        assertThat(model.predict("地铁站门口每天早上堵车，公交车也进不来").label()).isEqualTo("交通运输");
        assertThat(model.predict("幼儿园老师要求家长交学费").label()).isEqualTo("教育文体");
        assertThat(model.predict("工厂排放废气，异味刺鼻，严重污染").label()).isEqualTo("环境保护");
    }

    @Test
    void segmentedAndRawInputGiveTheSamePrediction() {
        String raw = "工厂排放废气，异味刺鼻，严重污染";
        String segmented = "工厂 排放 废气 异味 刺鼻 严重 污染";
        assertThat(model.predict(segmented).label()).isEqualTo(model.predict(raw).label());
        assertThat(model.predict(segmented).confidence()).isCloseTo(model.predict(raw).confidence(), within(1e-9));
    }

    @Test
    void confidencesAreProbabilities() {
        String text = "学校老师布置作业太多";
        Prediction p = model.predict(text);
        assertThat(p.confidence()).isBetween(0.0, 1.0);
        List<Prediction> top = model.topK(text, 10);
        assertThat(top).hasSize(3);
        assertThat(top.get(0)).isEqualTo(p);
        assertThat(top.get(0).confidence()).isGreaterThanOrEqualTo(top.get(1).confidence());
        assertThat(top.get(1).confidence()).isGreaterThanOrEqualTo(top.get(2).confidence());
        assertThat(top.stream().mapToDouble(Prediction::confidence).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(model.topK(text, 1)).containsExactly(p);
        assertThatThrownBy(() -> model.topK(text, 0)).isInstanceOf(IllegalArgumentException.class);
        // empty or punctuation-only text still gets a valid prediction
        assertThat(model.predict("").confidence()).isBetween(0.0, 1.0);
        assertThat(model.predict("，。！？ ").confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void aTextWithoutKnownFeaturesGetsTheTrainingSharesNotAGuess() {
        Map<String, Integer> counts = model.info().labelCounts();
        double total = counts.values().stream().mapToInt(Integer::intValue).sum();
        for (String text : new String[] {"", "，。！？ ", "ЖЖЖ ЖЖЖ"}) {
            assertThat(model.recognises(text)).as(text).isFalse();
            double[] p = model.probabilities(text);
            for (int c = 0; c < p.length; c++) {
                assertThat(p[c]).as(text).isCloseTo(counts.get(model.labels().get(c)) / total, within(1e-12));
            }
        }
        assertThat(model.recognises("学校老师布置作业太多")).isTrue();
        assertThat(model.predict("学校老师布置作业太多").confidence()).isGreaterThan(model.predict("").confidence());
    }

    @Test
    void sameSeedGivesByteIdenticalModels() throws Exception {
        TextClassifier again = new ClassifierTrainer().train(ClassifierFixtures.tinyDataset(), ClassifierFixtures.options());
        assertThat(bytes(again)).isEqualTo(bytes(model));
        TextClassifier singleThread = new ClassifierTrainer().train(ClassifierFixtures.tinyDataset(),
                ClassifierFixtures.options().withThreads(1));
        assertThat(bytes(singleThread)).isEqualTo(bytes(model));
    }

    @Test
    void recordsTrainingSummary() {
        ModelInfo info = model.info();
        assertThat(info.trainingRows()).isEqualTo(24);
        assertThat(info.labelCounts()).containsEntry("交通运输", 8).containsEntry("教育文体", 8).containsEntry("环境保护", 8);
        assertThat(info.seed()).isEqualTo(42L);
        assertThat(info.trainedAt()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(info.hyperParameters()).containsEntry("algorithm", "NBSVM").containsKey("c");
        assertThat(info.evaluation()).containsKeys("macroF1", "accuracy", "temperature");
    }

    @Test
    void logisticRegressionAlsoLearnsTheTinyDataset() {
        TextClassifier lr = new ClassifierTrainer().train(ClassifierFixtures.tinyDataset(),
                ClassifierFixtures.options().withAlgorithm(TrainingOptions.Algorithm.LOGISTIC).withCalibrationFolds(0));
        int correct = 0;
        for (LabelledText t : ClassifierFixtures.tinyDataset()) {
            correct += lr.predict(t.text()).label().equals(t.label()) ? 1 : 0;
        }
        assertThat(correct).isEqualTo(24);
    }

    @Test
    void isThreadSafe() throws Exception {
        List<String> texts = ClassifierFixtures.tinyDataset().stream().map(LabelledText::text).toList();
        List<Prediction> expected = texts.stream().map(model::predict).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Prediction>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    List<Prediction> out = new ArrayList<>();
                    for (int r = 0; r < 20; r++) {
                        out.clear();
                        for (String s : texts) {
                            out.add(model.predict(s));
                        }
                    }
                    return out;
                }));
            }
            for (Future<List<Prediction>> f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsBadTrainingData() {
        ClassifierTrainer trainer = new ClassifierTrainer();
        TrainingOptions o = ClassifierFixtures.options();
        assertThatThrownBy(() -> trainer.train(List.of(), o)).hasMessageContaining("no training examples");
        assertThatThrownBy(() -> trainer.train(List.of(new LabelledText("a", "x"), new LabelledText("b", " ")), o))
                .hasMessageContaining("example 2 has an empty label");
        assertThatThrownBy(() -> trainer.train(List.of(new LabelledText("a", "x"), new LabelledText("b", "x")), o))
                .hasMessageContaining("at least 2 distinct labels");
    }

    @Test
    void crossValidationKeepsDuplicatesTogetherAndStratifies() {
        List<String> labels = List.of("a", "a", "a", "a", "b", "b", "b", "b", "a", "b");
        List<String> keys = List.of("1", "2", "3", "4", "5", "6", "7", "8", "1", "5");
        int[] fold = CrossValidation.stratifiedFolds(labels, keys, 2, 7);
        assertThat(fold[8]).isEqualTo(fold[0]);
        assertThat(fold[9]).isEqualTo(fold[4]);
        int[] perFoldA = new int[2];
        for (int i = 0; i < 4; i++) {
            perFoldA[fold[i]]++;
        }
        assertThat(perFoldA[0]).isEqualTo(2);
        assertThat(CrossValidation.groupKey(" 工厂 排放\t废气 ")).isEqualTo("工厂排放废气");

        CrossValidation.Result r = CrossValidation.run(ClassifierFixtures.tinyDataset(), ClassifierFixtures.options(), 3);
        assertThat(r.folds()).hasSize(3);
        assertThat(r.pooled().count()).isEqualTo(24);
        assertThat(r.meanMacroF1()).isGreaterThan(0.8);
    }

    private static byte[] bytes(TextClassifier m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelFile.write(m, out);
        return out.toByteArray();
    }
}
