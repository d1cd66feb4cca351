package io.swiftresponse.intake.suggest;

/**
 * What the workbench sends while the agent types: the text so far, optionally where (a point, or an address,
 * or both: the point wins for the street) and the caller's phone (for repeats by the same caller).
 */
public record SuggestionRequest(String text, Location location, String phone) {

    public record Location(Double lat, Double lng, String address) {
    }
}
