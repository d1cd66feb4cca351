package io.swiftresponse.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StreetLocatorTests {

    private final StreetLocator locator = StreetLocator.of(Map.of(
            "A", GeoJsonPolygons.rectangle(116.0, 39.0, 116.1, 39.1),
            "B", GeoJsonPolygons.rectangle(116.1, 39.0, 116.2, 39.1)));

    @Test
    void placesAPointInTheStreetThatContainsIt() {
        assertThat(locator.locate(new GeoPoint(39.05, 116.05))).contains("A");
        assertThat(locator.locate(new GeoPoint(39.05, 116.15))).contains("B");
    }

    @Test
    void aPointOutsideEveryStreetHasNoStreet() {
        assertThat(locator.locate(new GeoPoint(40.0, 116.05))).isEmpty();
    }

    @Test
    void aPointOnASharedEdgeGoesToOneStreetDeterministically() {
        assertThat(locator.locate(new GeoPoint(39.05, 116.1))).contains("A");
    }

    @Test
    void interiorPointLiesInsideItsStreet() {
        GeoPoint p = locator.interiorPoint("B").orElseThrow();
        assertThat(locator.locate(p)).contains("B");
    }

    @Test
    void invalidBoundaryIsReportedWithTheUnit() {
        assertThatThrownBy(() -> StreetLocator.of(Map.of("X", "{\"type\":\"Point\",\"coordinates\":[1,2]}")))
                .hasMessageContaining("unit X");
    }
}
