package io.swiftresponse.intake.suggest;

import io.swiftresponse.intake.place.Place;
import io.swiftresponse.intake.repeat.RepeatCandidate;
import java.util.List;

/**
 * The answer to "what is this call about, who handles it, and was it reported already?".
 *
 * @param id           send it back with the agent's choice ({@code POST /api/v1/intake/feedback})
 * @param unsure       true when the top category's confidence is below the threshold or the text is not
 *                     usable Chinese; the categories are then only hints
 * @param unsureReason why, for the agent; null when sure
 * @param place        where the location lies; null when none was given
 * @param categories   at most 3, most likely first
 */
public record Suggestion(String id, boolean unsure, String unsureReason, ModelState model, Place place,
        List<CategorySuggestion> categories, RepeatList repeats) {

    /** {@code source} is {@code model} or {@code keywords} (the NO_MODEL fallback: confidences are not calibrated). */
    public record ModelState(String status, String version, String source) {
    }

    /**
     * @param words    the words of the text that raised this category's score most (occlusion), or the matched
     *                 catalogue keywords in the keyword fallback
     * @param keywords the catalogue keywords of this category found in the text
     */
    public record CategorySuggestion(String code, String name, String path, double confidence, List<String> words,
            List<String> keywords, UnitSuggestion unit) {
    }

    /**
     * The responsible unit: {@code code} null when it depends on a street that is not known yet.
     *
     * @param rule  the dispatch catalogue rule that decides the kind of unit
     * @param place how the place chose the street (street categories only)
     */
    public record UnitSuggestion(String code, String name, String type, String rule, String place) {
    }

    /** {@code complete} is false while the repeat index is still loading after a start. */
    public record RepeatList(boolean complete, List<RepeatCandidate> candidates) {
    }
}
