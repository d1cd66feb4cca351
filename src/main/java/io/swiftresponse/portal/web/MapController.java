package io.swiftresponse.portal.web;

import io.swiftresponse.directory.Directory;
import io.swiftresponse.directory.GeoPoint;
import io.swiftresponse.directory.StreetBoundaries;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The city's street boundaries as one GeoJSON feature collection, and "which street is this point in", for the
 * maps of the workbench, the dashboard and the citizen portal. Public (under /portal): boundaries and street
 * names are no one's personal data, and the portal's map needs them without a login.
 */
@RestController
@Validated
class MapController {

    private final StreetBoundaries boundaries;
    private final Directory directory;
    private final String tileUrl;
    private volatile String geoJson;

    MapController(StreetBoundaries boundaries, Directory directory, @Value("${swift.web.map-tile-url:}") String tileUrl) {
        this.boundaries = boundaries;
        this.directory = directory;
        this.tileUrl = tileUrl;
    }

    @GetMapping(value = "/portal/map/streets.geojson", produces = "application/geo+json")
    ResponseEntity<String> streets() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(10)))
                .contentType(MediaType.parseMediaType("application/geo+json")).body(geoJson());
    }

    /** The optional tile server of the city ({@code swift.web.map-tile-url}); empty: the maps draw boundaries only. */
    @GetMapping("/portal/map/settings")
    Map<String, String> settings() {
        return Map.of("tileUrl", tileUrl);
    }

    @GetMapping("/portal/map/locate")
    Map<String, String> locate(@RequestParam @DecimalMin("-90") @DecimalMax("90") double lat,
            @RequestParam @DecimalMin("-180") @DecimalMax("180") double lng) {
        return directory.locate(new GeoPoint(lat, lng))
                .map(u -> Map.of("code", u.code(), "name", u.name()))
                .orElse(Map.of());
    }

    private String geoJson() {
        String cached = geoJson;
        if (cached == null) {
            StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
            boundaries.all().forEach(b -> {
                if (sb.charAt(sb.length() - 1) != '[') sb.append(',');
                sb.append("{\"type\":\"Feature\",\"properties\":{\"code\":").append(json(b.code()))
                        .append(",\"name\":").append(json(b.name())).append(",\"district\":").append(json(b.parentCode()))
                        .append("},\"geometry\":").append(b.geometryJson()).append('}');
            });
            cached = sb.append("]}").toString();
            geoJson = cached;
        }
        return cached;
    }

    private static String json(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
