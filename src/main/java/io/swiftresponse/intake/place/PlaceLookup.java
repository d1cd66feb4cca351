package io.swiftresponse.intake.place;

import io.swiftresponse.directory.GeoPoint;
import io.swiftresponse.directory.Unit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Address text → street by the gazetteer; lat/lng → street by point-in-polygon. An address is resolved only
 * when one street has more supporting names than any other (a district name supports its streets, a
 * community or landmark its street, a street name itself); a tie is AMBIGUOUS with the candidates.
 */
public final class PlaceLookup {

    private final Gazetteer gazetteer;
    private final Function<String, Optional<Unit>> units;
    private final Function<GeoPoint, Optional<Unit>> locator;

    public PlaceLookup(Gazetteer gazetteer, Function<String, Optional<Unit>> units, Function<GeoPoint, Optional<Unit>> locator) {
        this.gazetteer = gazetteer;
        this.units = units;
        this.locator = locator;
    }

    public Place byPoint(GeoPoint point) {
        Optional<Unit> street = locator.apply(point);
        String at = String.format(Locale.ROOT, "(%.6f, %.6f)", point.lat(), point.lng());
        if (street.isEmpty()) {
            return new Place(Place.Status.UNKNOWN, "polygon", null, null, null, null, List.of(), List.of(),
                    "The point " + at + " lies outside every street boundary of the city.");
        }
        Unit s = street.get();
        Unit district = units.apply(s.parentCode()).orElse(null);
        return new Place(Place.Status.RESOLVED, "polygon", s.code(), s.name(), s.parentCode(), district == null ? null : district.name(),
                List.of(), List.of(), "The point " + at + " lies inside the boundary polygon of " + s.name() + " (" + s.code() + ").");
    }

    public Place byAddress(String address) {
        List<Place.Match> matches = matches(Gazetteer.normalise(address));
        Map<String, List<String>> support = new LinkedHashMap<>();
        List<String> districts = new ArrayList<>();
        for (Place.Match m : matches) {
            if (m.kind() == GazetteerEntry.Kind.DISTRICT) {
                districts.add(m.streetCode());
            } else {
                support.computeIfAbsent(m.streetCode(), k -> new ArrayList<>()).add(m.name());
            }
        }
        if (support.isEmpty()) {
            return new Place(Place.Status.UNKNOWN, "gazetteer", null, null, districts.size() == 1 ? districts.get(0) : null,
                    districts.size() == 1 ? name(districts.get(0)) : null, matches, List.of(),
                    "No street, community or landmark of the city was found in the address.");
        }
        // a district named in the address supports its own streets
        Map<String, Integer> score = new LinkedHashMap<>();
        support.forEach((street, names) -> {
            String district = units.apply(street).map(Unit::parentCode).orElse(null);
            if (districts.contains(district)) {
                names.add(name(district));
            }
            score.put(street, names.size());
        });
        int best = score.values().stream().max(Integer::compare).orElse(0);
        List<String> top = score.entrySet().stream().filter(e -> e.getValue() == best).map(Map.Entry::getKey).toList();
        List<Place.Candidate> candidates = score.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Integer> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
                .map(e -> candidate(e.getKey(), support.get(e.getKey())))
                .toList();
        if (top.size() > 1) {
            return new Place(Place.Status.AMBIGUOUS, "gazetteer", null, null, null, null, matches, candidates,
                    "The address matches " + top.size() + " streets equally well; ask the caller which district or community.");
        }
        Place.Candidate c = candidate(top.get(0), support.get(top.get(0)));
        return new Place(Place.Status.RESOLVED, "gazetteer", c.streetCode(), c.streetName(), c.districtCode(), c.districtName(),
                matches, candidates, "The address names " + String.join(", ", c.evidence()) + " in " + c.streetName()
                        + " (" + c.districtName() + ").");
    }

    /** The gazetteer names in the address that no longer name found there contains (天坛街道 hides 天坛). */
    List<Place.Match> matches(String text) {
        List<int[]> spans = new ArrayList<>();
        List<Place.Match> out = new ArrayList<>();
        for (Gazetteer.Term t : gazetteer.terms()) {
            int from = 0;
            int at;
            while ((at = text.indexOf(t.text(), from)) >= 0) {
                int end = at + t.text().length();
                int start = at;
                // terms come longest first, so a span already taken that covers this one is more specific
                boolean covered = spans.stream().anyMatch(s -> s[0] <= start && end <= s[1] && !(s[0] == start && s[1] == end));
                boolean same = spans.stream().anyMatch(s -> s[0] == start && s[1] == end);
                if (!covered) {
                    if (!same) spans.add(new int[] {start, end});
                    Place.Match m = new Place.Match(t.text(), t.entry().name(), t.entry().kind(), t.entry().streetCode());
                    if (!out.contains(m)) out.add(m);
                }
                from = at + 1;
            }
        }
        return out;
    }

    private Place.Candidate candidate(String streetCode, List<String> evidence) {
        Unit s = units.apply(streetCode).orElse(null);
        String districtCode = s == null ? null : s.parentCode();
        return new Place.Candidate(streetCode, s == null ? streetCode : s.name(), districtCode, name(districtCode),
                evidence.stream().distinct().toList());
    }

    private String name(String code) {
        return code == null ? null : units.apply(code).map(Unit::name).orElse(code);
    }
}
