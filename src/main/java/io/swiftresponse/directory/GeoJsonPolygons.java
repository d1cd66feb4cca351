package io.swiftresponse.directory;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads GeoJSON Polygon and MultiPolygon geometries (all a boundary needs) into JTS geometries. */
final class GeoJsonPolygons {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GeoJsonPolygons() {
    }

    static Geometry parse(String json, GeometryFactory factory, String unitCode) {
        try {
            JsonNode node = JSON.readTree(json);
            String type = node.path("type").asString("");
            JsonNode coords = node.path("coordinates");
            return switch (type) {
                case "Polygon" -> polygon(coords, factory);
                case "MultiPolygon" -> {
                    List<Polygon> parts = new ArrayList<>();
                    coords.forEach(p -> parts.add(polygon(p, factory)));
                    yield factory.createMultiPolygon(parts.toArray(Polygon[]::new));
                }
                default -> throw new IllegalArgumentException("geometry type must be Polygon or MultiPolygon, not '" + type + "'");
            };
        } catch (RuntimeException e) {
            throw new IllegalStateException("Boundary of unit " + unitCode + " is not a valid GeoJSON polygon: " + e.getMessage(), e);
        }
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory factory) {
        LinearRing shell = ring(rings.get(0), factory);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), factory);
        }
        return factory.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode points, GeometryFactory factory) {
        Coordinate[] cs = new Coordinate[points.size()];
        for (int i = 0; i < points.size(); i++) {
            cs[i] = new Coordinate(points.get(i).get(0).asDouble(), points.get(i).get(1).asDouble());
        }
        return factory.createLinearRing(cs);
    }

    /** An axis-aligned rectangle as a GeoJSON Polygon, for the synthetic demo boundaries. */
    static String rectangle(double west, double south, double east, double north) {
        return String.format(java.util.Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f]]]}",
                west, south, east, south, east, north, west, north, west, south);
    }
}
