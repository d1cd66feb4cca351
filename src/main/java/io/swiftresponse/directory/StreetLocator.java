package io.swiftresponse.directory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Point-in-polygon over the streets' GeoJSON boundaries with an STR-tree, so placing a point costs a few
 * envelope checks and one exact test instead of a scan of every polygon.
 */
final class StreetLocator {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final STRtree index;
    private final Map<String, Geometry> byCode;

    private StreetLocator(STRtree index, Map<String, Geometry> byCode) {
        this.index = index;
        this.byCode = byCode;
    }

    static StreetLocator of(Map<String, String> geoJsonByCode) {
        STRtree tree = new STRtree();
        Map<String, Geometry> byCode = new HashMap<>();
        geoJsonByCode.forEach((code, json) -> {
            Geometry g = GeoJsonPolygons.parse(json, GEOMETRY, code);
            g.setUserData(code);
            tree.insert(g.getEnvelopeInternal(), g);
            byCode.put(code, g);
        });
        tree.build();
        return new StreetLocator(tree, byCode);
    }

    Optional<String> locate(GeoPoint p) {
        // GeoJSON order is (longitude, latitude)
        Point point = GEOMETRY.createPoint(new Coordinate(p.lng(), p.lat()));
        @SuppressWarnings("unchecked")
        List<Geometry> candidates = index.query(point.getEnvelopeInternal());
        return candidates.stream()
                .filter(g -> g.covers(point))
                .map(g -> (String) g.getUserData())
                .sorted()
                .findFirst();
    }

    Optional<GeoPoint> interiorPoint(String code) {
        Geometry g = byCode.get(code);
        if (g == null) {
            return Optional.empty();
        }
        Point p = g.getInteriorPoint();
        return Optional.of(new GeoPoint(p.getY(), p.getX()));
    }
}
