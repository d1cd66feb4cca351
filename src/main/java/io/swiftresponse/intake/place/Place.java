package io.swiftresponse.intake.place;

import java.util.List;

/**
 * Where an address or a point lies. {@code status} RESOLVED names one street; AMBIGUOUS lists the
 * {@code candidates} and names none; UNKNOWN names none. Never a silent guess.
 *
 * @param method      {@code polygon} (point in a street boundary) or {@code gazetteer} (names in the address)
 * @param matched     the gazetteer names found in the address, most specific first
 * @param explanation one sentence for the agent, in English; the screen translates the status
 */
public record Place(Status status, String method, String streetCode, String streetName, String districtCode,
        String districtName, List<Match> matched, List<Candidate> candidates, String explanation) {

    public enum Status { RESOLVED, AMBIGUOUS, UNKNOWN }

    /** A gazetteer name found in the address. */
    public record Match(String text, String name, GazetteerEntry.Kind kind, String streetCode) {
    }

    /** A street the address may mean, with the names that point to it. */
    public record Candidate(String streetCode, String streetName, String districtCode, String districtName, List<String> evidence) {
    }

    public boolean resolved() {
        return status == Status.RESOLVED;
    }
}
