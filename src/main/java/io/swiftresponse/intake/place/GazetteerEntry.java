package io.swiftresponse.intake.place;

import io.swiftresponse.directory.GeoPoint;
import java.util.List;

/** A named place of the demo city: a street/township, a community (社区) or a landmark, with its street and a point. */
public record GazetteerEntry(String name, Kind kind, String streetCode, List<String> aliases, GeoPoint point) {

    public enum Kind { STREET, COMMUNITY, LANDMARK, DISTRICT }
}
