package io.swiftresponse.intake.classifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The words that drove a prediction, by occlusion: each distinct word of the text is blanked out in turn and
 * the drop of the label's score is its weight. Model-agnostic and honest (it measures the model, not a
 * keyword list), at the cost of one prediction per word, so it is capped at {@link #MAX_WORDS} words.
 */
public final class Explanations {

    static final int MAX_WORDS = 30;
    private static final Tokenizer WORDS = new Tokenizer(true, false);

    private Explanations() {
    }

    /** Up to {@code max} words whose removal lowers the label's score most, strongest first. */
    public static List<String> drivingWords(TextClassifier model, String text, String label, int max) {
        return drivingWords(model, text, label, max, List.of());
    }

    /**
     * The same, also trying {@code phrases} (e.g. the catalogue keywords found in the text): the segmenter may
     * cut a keyword such as 井盖 into single characters, which are too many and too vague to try one by one.
     */
    public static List<String> drivingWords(TextClassifier model, String text, String label, int max, List<String> phrases) {
        int k = model.labels().indexOf(label);
        if (k < 0) return List.of();
        double base = model.scores(text)[k];
        List<Map.Entry<String, Double>> drops = new ArrayList<>();
        int n = 0;
        LinkedHashSet<String> candidates = new LinkedHashSet<>();
        phrases.forEach(p -> candidates.add(Tokenizer.normalise(p)));
        candidates.addAll(WORDS.tokens(text));
        for (String w : candidates) {
            if (w.length() < 2 || n++ >= MAX_WORDS) continue;
            String without = Tokenizer.normalise(text).replace(w, " ");
            double drop = base - model.scores(without)[k];
            if (drop > 1e-6) drops.add(Map.entry(w, drop));
        }
        drops.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
        return drops.stream().limit(max).map(Map.Entry::getKey).toList();
    }
}
