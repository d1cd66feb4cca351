package io.swiftresponse.intake.suggest;

import io.swiftresponse.directory.Directory;
import io.swiftresponse.directory.Unit;
import io.swiftresponse.intake.place.Place;
import io.swiftresponse.taxonomy.Category;

/** The responsible unit of a category at a place: the dispatch catalogue names the kind, the place the street. */
final class UnitRules {

    private final Directory directory;

    UnitRules(Directory directory) {
        this.directory = directory;
    }

    Suggestion.UnitSuggestion unitFor(Category c, Place place) {
        if ("STREET".equals(c.unitType())) {
            String rule = "Dispatch catalogue: " + c.name() + " (" + c.code() + ") is handled by the street/township of the place.";
            if (place != null && place.resolved()) {
                return new Suggestion.UnitSuggestion(place.streetCode(), place.streetName(), "STREET", rule, place.explanation());
            }
            String why = place == null ? "No location given: ask for the address." : place.explanation();
            return new Suggestion.UnitSuggestion(null, null, "STREET", rule, why);
        }
        Unit u = c.unitCode() == null ? null : directory.find(c.unitCode()).orElse(null);
        String rule = "Dispatch catalogue: " + c.name() + " (" + c.code() + ") goes to "
                + (u == null ? "the unit " + c.unitCode() : u.name()) + ".";
        return new Suggestion.UnitSuggestion(c.unitCode(), u == null ? null : u.name(), c.unitType(), rule, null);
    }
}
