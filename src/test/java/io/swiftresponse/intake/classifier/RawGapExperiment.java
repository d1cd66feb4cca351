package io.swiftresponse.intake.classifier;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Experiment (issue 5, sixth pass; not a test, run by hand, see docs/classifier.md): how much does it cost that the
 * judged messages are raw while the training file is segmented with stop words removed? Every raw message of the
 * three raw files (the labelled sample, the votes and the replies files) whose segmented twins ({@link OverlapFinder})
 * all carry one label is a pair (segmented twin, raw message). In 5-fold CV with the product's default model, each
 * pair whose twins are all in the test fold is predicted twice, segmented and raw, by the same fold model; the table
 * compares the two (accuracy, macro-F1, the pairs where only one of them is right), as served and with four ways of
 * making raw text look more like the training text (tokens filtered at prediction time; punctuation removed); the
 * last line is the pooled CV macro-F1 of each way on all rows. Argument: data folder;
 * {@code -DfoldSeed=S} for other folds.
 */
public class RawGapExperiment {

    public static void main(String[] a) throws Exception {
        String d = a[0].endsWith("/") ? a[0] : a[0] + "/";
        List<LabelledText> train = EnsembleExperiment.read(d + "train_segmented.csv", "text", "label");
        List<String> raw = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String f : List.of("sample_raw_labeled.csv", "messages_with_votes.csv", "messages_with_replies.csv")) {
            for (LabelledText t : EnsembleExperiment.read(d + f, ExperimentData.RAW_TEXT, "留言编号")) {
                if (seen.add(CrossValidation.groupKey(t.text()))) {
                    raw.add(t.text());
                }
            }
        }
        Pairs pairs = Pairs.of(train, raw);
        List<String> pairRaw = pairs.raw().stream().map(raw::get).toList();
        List<List<Integer>> pairTwins = pairs.twins();
        int[] fold = CrossValidation.stratifiedFolds(train.stream().map(LabelledText::label).toList(),
                train.stream().map(e -> CrossValidation.groupKey(e.text())).toList(), 5, Long.getLong("foldSeed", 42));
        TrainingOptions o = TrainingOptions.defaults();
        List<String> gold = new ArrayList<>();
        List<String> segPred = new ArrayList<>();
        List<String> rawPred = new ArrayList<>();
        List<String> segKnown = new ArrayList<>();
        List<String> rawKnown = new ArrayList<>();
        List<String> cvGold = new ArrayList<>();
        List<String> cvPlain = new ArrayList<>();
        List<String> cvKnown = new ArrayList<>();
        List<String> segLex = new ArrayList<>();
        List<String> rawLex = new ArrayList<>();
        List<String> cvLex = new ArrayList<>();
        List<String> segFn = new ArrayList<>();
        List<String> rawFn = new ArrayList<>();
        List<String> cvFn = new ArrayList<>();
        List<String> segPunct = new ArrayList<>();
        List<String> rawPunct = new ArrayList<>();
        List<String> cvPunct = new ArrayList<>();
        List<String> labels = null;
        for (int f = 0; f < 5; f++) {
            List<LabelledText> tr = ExperimentKit.outsideFold(train, fold, f);
            TextClassifier model = new ClassifierTrainer().train(tr, o);
            labels = model.labels();
            Set<String> lexicon = new HashSet<>();
            tr.forEach(t -> lexicon.addAll(model.extractor().tokens(t.text())));
            for (int i = 0; i < train.size(); i++) {
                if (fold[i] == f) {
                    cvGold.add(train.get(i).label());
                    cvPlain.add(model.predict(train.get(i).text()).label());
                    cvKnown.add(knownOnly(model, train.get(i).text()));
                    cvLex.add(inLexicon(model, lexicon, train.get(i).text()));
                    cvFn.add(withoutUnseenFunctionWords(model, lexicon, train.get(i).text()));
                    cvPunct.add(model.predict(withoutPunctuation(train.get(i).text())).label());
                }
            }
            int used = 0;
            for (int p = 0; p < pairRaw.size(); p++) {
                final int ff = f;
                List<Integer> twins = pairTwins.get(p);
                if (!twins.stream().allMatch(i -> fold[i] == ff)) {
                    continue;
                }
                used++;
                gold.add(train.get(twins.get(0)).label());
                segPred.add(model.predict(train.get(twins.get(0)).text()).label());
                rawPred.add(model.predict(pairRaw.get(p)).label());
                segKnown.add(knownOnly(model, train.get(twins.get(0)).text()));
                rawKnown.add(knownOnly(model, pairRaw.get(p)));
                segLex.add(inLexicon(model, lexicon, train.get(twins.get(0)).text()));
                rawLex.add(inLexicon(model, lexicon, pairRaw.get(p)));
                segFn.add(withoutUnseenFunctionWords(model, lexicon, train.get(twins.get(0)).text()));
                rawFn.add(withoutUnseenFunctionWords(model, lexicon, pairRaw.get(p)));
                segPunct.add(model.predict(withoutPunctuation(train.get(twins.get(0)).text())).label());
                rawPunct.add(model.predict(withoutPunctuation(pairRaw.get(p))).label());
                if (Boolean.getBoolean("show") && !segPred.get(segPred.size() - 1).equals(rawPred.get(rawPred.size() - 1))) {
                    FeatureExtractor fx = new FeatureExtractor(o.featureConfig());
                    System.out.printf("gold %s seg %s raw %s%n  seg tokens %s%n  raw tokens %s%n", gold.get(gold.size() - 1),
                            segPred.get(segPred.size() - 1), rawPred.get(rawPred.size() - 1),
                            fx.tokens(train.get(twins.get(0)).text()), fx.tokens(pairRaw.get(p)));
                }
            }
            System.out.printf("fold %d: %d pairs%n", f + 1, used);
        }
        report(labels, gold, segPred, rawPred, "plain");
        report(labels, gold, segKnown, rawKnown, "known tokens only");
        report(labels, gold, segLex, rawLex, "tokens of the training texts only");
        report(labels, gold, segFn, rawFn, "unseen function words dropped");
        report(labels, gold, segPunct, rawPunct, "punctuation removed");
        System.out.printf(Locale.ROOT, "CV macro-F1 (pooled): plain %.4f, known tokens only %.4f, training tokens only %.4f,"
                + " unseen function words dropped %.4f, punctuation removed %.4f%n",
                Evaluation.of(labels, cvGold, cvPlain).macroF1(), Evaluation.of(labels, cvGold, cvKnown).macroF1(),
                Evaluation.of(labels, cvGold, cvLex).macroF1(), Evaluation.of(labels, cvGold, cvFn).macroF1(),
                Evaluation.of(labels, cvGold, cvPunct).macroF1());
    }

    /**
     * The raw messages (their indices in {@code raw}) whose segmented twins in the training rows ({@link OverlapFinder},
     * ≥ 90 % of a twin's tokens) all carry one label, each with its twins (training row numbers).
     */
    record Pairs(List<Integer> raw, List<List<Integer>> twins) {
        static Pairs of(List<LabelledText> train, List<String> raw) {
            OverlapFinder finder = new OverlapFinder(train.stream().map(LabelledText::text).toList());
            List<Integer> rows = new ArrayList<>();
            List<List<Integer>> twinsOf = new ArrayList<>();
            for (int r = 0; r < raw.size(); r++) {
                List<Integer> twins = finder.matches(raw.get(r), 0.9);
                if (!twins.isEmpty() && twins.stream().map(i -> train.get(i).label()).distinct().count() == 1) {
                    rows.add(r);
                    twinsOf.add(twins);
                }
            }
            System.out.printf("%d distinct raw messages, %d with segmented twins of one label%n", raw.size(), rows.size());
            return new Pairs(rows, twinsOf);
        }
    }

    /** The text without punctuation and symbols, as the training texts are (runs of Han characters join across them). */
    static String withoutPunctuation(String text) {
        return text.replaceAll("[^\\p{L}\\p{N}\\s]+", "");
    }

    private static final Set<String> FUNCTION = Set.of("d", "r", "c", "p", "u", "y", "e", "o");

    /**
     * The label when the tokens no training text contains and that HanLP's core dictionary knows as a function word
     * (adverb, pronoun, conjunction, preposition, particle …, by its first part of speech) or as a frequent word
     * (frequency >= 300) are left out: the words a stop-word list removed from the training texts.
     */
    static String withoutUnseenFunctionWords(TextClassifier model, Set<String> lexicon, String text) {
        FeatureExtractor fx = model.extractor();
        List<String> tokens = fx.tokens(text).stream().filter(t -> lexicon.contains(t) || !functionLike(t)).toList();
        double[] s = model.scores(fx.vectorise(fx.fingerprints(tokens), model.vocabulary()));
        return model.labels().get(ClassifierTrainer.argmax(s));
    }

    static boolean functionLike(String t) {
        com.hankcs.hanlp.dictionary.CoreDictionary.Attribute a = com.hankcs.hanlp.dictionary.CoreDictionary.get(t);
        return a != null && (FUNCTION.contains(a.nature[0].toString()) || a.totalFrequency >= 300);
    }

    /** The label when the text's tokens that no training text contains are left out. */
    static String inLexicon(TextClassifier model, Set<String> lexicon, String text) {
        FeatureExtractor fx = model.extractor();
        List<String> tokens = fx.tokens(text).stream().filter(lexicon::contains).toList();
        double[] s = model.scores(fx.vectorise(fx.fingerprints(tokens), model.vocabulary()));
        return model.labels().get(ClassifierTrainer.argmax(s));
    }

    /** The label when the text's tokens whose word is not in the model's vocabulary are left out. */
    static String knownOnly(TextClassifier model, String text) {
        FeatureExtractor fx = model.extractor();
        List<String> tokens = fx.tokens(text).stream()
                .filter(t -> model.vocabulary().entry(FeatureExtractor.wordHash(t) | Long.MIN_VALUE) != 0).toList();
        double[] s = model.scores(fx.vectorise(fx.fingerprints(tokens), model.vocabulary()));
        return model.labels().get(ClassifierTrainer.argmax(s));
    }

    static void report(List<String> labels, List<String> gold, List<String> segPred, List<String> rawPred, String name) {
        int onlySeg = 0;
        int onlyRaw = 0;
        for (int i = 0; i < gold.size(); i++) {
            boolean s = segPred.get(i).equals(gold.get(i));
            boolean r = rawPred.get(i).equals(gold.get(i));
            onlySeg += s && !r ? 1 : 0;
            onlyRaw += r && !s ? 1 : 0;
        }
        Evaluation seg = Evaluation.of(labels, gold, segPred);
        Evaluation rw = Evaluation.of(labels, gold, rawPred);
        System.out.printf(Locale.ROOT, "| pairs | segmented twin: accuracy / macro-F1 | raw message: accuracy / macro-F1 |"
                + " only the twin right | only the raw right |%n| %s %d | %.4f / %.4f | %.4f / %.4f | %d | %d |%n", name, gold.size(),
                seg.accuracy(), seg.macroF1(), rw.accuracy(), rw.macroF1(), onlySeg, onlyRaw);
    }
}
