package io.swiftresponse.intake.classifier;

import io.swiftresponse.intake.classifier.FeatureExtractor.SparseVector;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The nearest-neighbour vote: its index against a brute-force search, its choice on the calibration folds, its file format. */
class NeighbourVoteTests {

    private static final List<LabelledText> DATA = ClassifierFixtures.tinyDataset();
    private static final FeatureExtractor EXTRACTOR = new FeatureExtractor(ClassifierFixtures.options().featureConfig());
    private static final Vocabulary VOCAB = ClassifierTrainer.buildVocabulary(
            DATA.stream().map(e -> EXTRACTOR.fingerprints(e.text())).toArray(long[][]::new), 1);
    private static final List<SparseVector> XS = DATA.stream().map(e -> EXTRACTOR.vectorise(e.text(), VOCAB)).toList();
    private static final List<String> LABELS = DATA.stream().map(LabelledText::label).distinct().sorted().toList();
    private static final int[] Y = DATA.stream().mapToInt(e -> LABELS.indexOf(e.label())).toArray();

    @Test
    void findsTheSameNeighboursAsABruteForceCosineSearch() {
        NeighbourIndex index = NeighbourIndex.build(XS, Y, LABELS.size(), VOCAB.size(), VOCAB.size(),
                Integer.MAX_VALUE);
        SparseVector query = EXTRACTOR.vectorise("地铁站附近晚高峰堵车，公交线路也不方便", VOCAB);
        int[] nearest = new int[5];
        float[] similarity = new float[5];
        int found = index.nearest(query, 5, nearest, similarity);

        double[] brute = XS.stream().mapToDouble(x -> dot(query, x)).toArray();
        int[] expected = IntStream.range(0, XS.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer d) -> -brute[d]).thenComparingInt(d -> d))
                .limit(5).mapToInt(Integer::intValue).toArray();
        assertThat(found).isEqualTo(5);
        assertThat(nearest).containsExactly(expected);
        for (int r = 0; r < 5; r++) {
            assertThat((double) similarity[r]).isCloseTo(brute[expected[r]], within(1e-5));
        }
        assertThat(Arrays.stream(nearest).map(d -> Y[d])).containsOnly(LABELS.indexOf("交通运输"));
    }

    @Test
    void voteSharesSumToOneAndFavourTheNeighboursLabel() {
        NeighbourIndex index = NeighbourIndex.build(XS, Y, LABELS.size(), VOCAB.size(), VOCAB.size(),
                Integer.MAX_VALUE);
        double[] shares = index.vote(EXTRACTOR.vectorise("工厂粉尘严重超标，异味刺鼻", VOCAB), 3, 2.0);
        assertThat(Arrays.stream(shares).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(shares[LABELS.indexOf("环境保护")]).isEqualTo(1.0);
        // two neighbours of different labels with similarities 0.6 and 0.2: shares 3:1 with power 1, 9:1 with power 2
        int[] nearest = {0, 8};
        float[] similarity = {0.6f, 0.2f};
        assertThat(index.vote(nearest, similarity, 2, 1.0)[Y[0]]).isCloseTo(0.75, within(1e-6));
        assertThat(index.vote(nearest, similarity, 2, 2.0)[Y[0]]).isCloseTo(0.9, within(1e-6));
        assertThat(index.vote(nearest, similarity, 2, 2.0)[Y[8]]).isCloseTo(0.1, within(1e-6));
        assertThat(index.vote(EXTRACTOR.vectorise("", VOCAB), 3, 1.0)).containsOnly(0.0); // no neighbour: no vote
    }

    @Test
    void leavesFrequentFeaturesOutOfTheSearch() {
        NeighbourIndex all = NeighbourIndex.build(XS, Y, LABELS.size(), VOCAB.size(), VOCAB.size(),
                Integer.MAX_VALUE);
        NeighbourIndex rare = NeighbourIndex.build(XS, Y, LABELS.size(), VOCAB.size(), VOCAB.size(), 2);
        assertThat(rare.postings()).isLessThan(all.postings()).isPositive();
        // a text made only of a feature found in every training text has no neighbour in the pruned index
        SparseVector common = EXTRACTOR.vectorise("问题", VOCAB);
        assertThat(common.size()).isPositive();
        assertThat(rare.nearest(common, 3, new int[3], new float[3])).isZero();
    }

    @Test
    void indexesOnlyTheWordBlockWhenToldWhereItEnds() {
        int words = VOCAB.firstCharIndex();
        assertThat(words).isPositive().isLessThan(VOCAB.size());
        NeighbourIndex index = NeighbourIndex.build(XS, Y, LABELS.size(), VOCAB.size(), words, Integer.MAX_VALUE);
        SparseVector query = EXTRACTOR.vectorise("学校老师布置的课外辅导太多", VOCAB);
        int[] nearest = new int[4];
        float[] similarity = new float[4];
        int found = index.nearest(query, 4, nearest, similarity);
        assertThat(found).isEqualTo(4);
        for (int r = 0; r < found; r++) { // the similarity over the word features only
            double wordsOnly = 0;
            SparseVector x = XS.get(nearest[r]);
            for (int i = 0; i < query.size(); i++) {
                for (int j = 0; j < x.size(); j++) {
                    if (query.indices()[i] == x.indices()[j] && query.indices()[i] < words) {
                        wordsOnly += query.values()[i] * x.values()[j];
                    }
                }
            }
            assertThat((double) similarity[r]).isCloseTo(wordsOnly, within(1e-5));
        }
    }

    @Test
    void trainerChoosesKAndWeightOnTheCalibrationFoldsAndRecordsTheGrid() {
        TrainingOptions o = ClassifierFixtures.options().withCalibrationFolds(3)
                .withNeighbours(new NeighbourVote(List.of(1, 3), List.of(1.0, 2.0), List.of(0.0, 0.5), 100));
        TextClassifier model = new ClassifierTrainer().train(DATA, o);
        String grid = model.info().evaluation().get("neighbourGrid");
        // weight 0 is one model whatever k and power: scored once, then every k × power with weight 0.5
        assertThat(grid.split(" ")).hasSize(5);
        assertThat(grid).startsWith("none=").contains("k1/p1.0/w0.5=").contains("k1/p2.0/w0.5=")
                .contains("k3/p1.0/w0.5=").contains("k3/p2.0/w0.5=");
        assertThat(model.info().evaluation()).containsKey("neighbourVote");
        assertThat(model.info().hyperParameters()).containsEntry("neighbourK", "1,3")
                .containsEntry("neighbourPowers", "1.0,2.0").containsEntry("neighbourWeights", "0.0,0.5");
        assertThat(model.predict("学校老师布置的课外辅导太多，学费还增加").label()).isEqualTo("教育文体");
    }

    @Test
    void withoutCalibrationFoldsThereIsNothingToChooseOnButOneFixedCombinationIsUsed() {
        NeighbourVote grid = new NeighbourVote(List.of(3), List.of(1.0), List.of(0.0, 0.5), 100);
        TextClassifier unchosen = new ClassifierTrainer().train(DATA,
                ClassifierFixtures.options().withCalibrationFolds(0).withNeighbours(grid));
        assertThat(unchosen.vote()).isNull();
        assertThat(unchosen.info().evaluation().get("neighbourVote")).contains("no calibration folds");
        TextClassifier fixed = new ClassifierTrainer().train(DATA, ClassifierFixtures.options().withCalibrationFolds(0)
                .withNeighbours(new NeighbourVote(List.of(3), List.of(1.0), List.of(2.0), 100)));
        TextClassifier linear = new ClassifierTrainer().train(DATA, ClassifierFixtures.options().withCalibrationFolds(0));
        String text = "公交车晚高峰堵车";
        double[] withVote = fixed.scores(text);
        double[] without = linear.scores(text);
        assertThat(withVote[LABELS.indexOf("交通运输")] - without[LABELS.indexOf("交通运输")]).isCloseTo(2.0, within(1e-6));
        assertThat(withVote[LABELS.indexOf("环境保护")]).isCloseTo(without[LABELS.indexOf("环境保护")], within(1e-9));
    }

    @Test
    void modelFileKeepsTheVote() throws Exception {
        TextClassifier model = new ClassifierTrainer().train(DATA, ClassifierFixtures.options().withCalibrationFolds(0)
                .withNeighbours(new NeighbourVote(List.of(3), List.of(1.0), List.of(0.7), 100)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelFile.write(model, out);
        TextClassifier back = ModelFile.read(new ByteArrayInputStream(out.toByteArray()), "m.bin");
        assertThat(back.vote()).isNotNull();
        assertThat(back.vote().k()).isEqualTo(3);
        assertThat(back.vote().weight()).isEqualTo(0.7);
        assertThat(back.vote().power()).isEqualTo(1.0);
        for (LabelledText t : DATA) {
            assertThat(back.scores(t.text())).containsExactly(model.scores(t.text()));
        }
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        ModelFile.write(back, again);
        assertThat(again.toByteArray()).isEqualTo(out.toByteArray());
    }

    @Test
    void badSettingsAreRejected() {
        assertThatThrownBy(() -> new NeighbourVote(List.of(0), List.of(1.0), List.of(0.3), 10)).hasMessageContaining("1..100");
        assertThatThrownBy(() -> new NeighbourVote(List.of(10), List.of(1.0), List.of(-1.0), 10)).hasMessageContaining("0..10");
        assertThatThrownBy(() -> new NeighbourVote(List.of(), List.of(1.0), List.of(0.3), 10)).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new NeighbourVote(List.of(10), List.of(1.0), List.of(0.3), 0)).hasMessageContaining("max-df");
        assertThatThrownBy(() -> new NeighbourVote(List.of(10), List.of(0.0), List.of(0.3), 10)).hasMessageContaining("0.5..8");
    }

    private static double dot(SparseVector a, SparseVector b) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                if (a.indices()[i] == b.indices()[j]) {
                    s += a.values()[i] * b.values()[j];
                }
            }
        }
        return s;
    }
}
