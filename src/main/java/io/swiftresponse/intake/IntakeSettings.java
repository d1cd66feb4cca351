package io.swiftresponse.intake;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The intake settings ({@code swift.intake.*}); see the README's configuration table.
 *
 * @param maxTextChars     longer texts are refused with a 400 (a call summary is a few hundred characters)
 * @param minConfidence    below this top-1 confidence a suggestion says it is unsure
 * @param repeatWindow     closed/finished orders recorded within this window still count as repeats
 * @param repeatRadiusMeters orders within this distance count as "same place"
 * @param minSimilarity    text similarity (rarity-weighted share of the shorter text's bigrams, see RepeatIndex) that makes a same-place order a repeat
 * @param modelFile        where the category model is stored
 */
@Component
public record IntakeSettings(int maxTextChars, double minConfidence, Duration repeatWindow, double repeatRadiusMeters,
        double minSimilarity, Path modelFile) {

    @org.springframework.beans.factory.annotation.Autowired
    public IntakeSettings(@Value("${swift.intake.max-text-chars:2000}") int maxTextChars,
            @Value("${swift.intake.min-confidence:0.35}") double minConfidence,
            @Value("${swift.intake.repeats.window:P30D}") Duration repeatWindow,
            @Value("${swift.intake.repeats.radius-meters:300}") double repeatRadiusMeters,
            @Value("${swift.intake.repeats.min-similarity:0.65}") double minSimilarity,
            @Value("${swift.intake.model-file:${swift.data-dir:./data}/intake/category-model.bin}") Path modelFile) {
        this.maxTextChars = maxTextChars;
        this.minConfidence = minConfidence;
        this.repeatWindow = repeatWindow;
        this.repeatRadiusMeters = repeatRadiusMeters;
        this.minSimilarity = minSimilarity;
        this.modelFile = modelFile;
    }
}
