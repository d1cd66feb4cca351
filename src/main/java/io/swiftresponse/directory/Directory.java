package io.swiftresponse.directory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read access to the unit tree. Units are few (hundreds) and change rarely, so they are held in memory
 * and reloaded after a change; every lookup on the request path is a map access.
 */
@Service
public class Directory {

    private final JdbcClient jdbc;
    private volatile Map<String, Unit> units;
    private volatile StreetLocator locator;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Unit> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(units().get(code));
    }

    public Collection<Unit> all() {
        return units().values();
    }

    public List<Unit> ofType(UnitType type) {
        return units().values().stream().filter(u -> u.type() == type).toList();
    }

    /** The district a street belongs to; a district is its own district; other units have none. */
    public Optional<Unit> districtOf(String unitCode) {
        return find(unitCode).flatMap(u -> switch (u.type()) {
            case DISTRICT -> Optional.of(u);
            case STREET -> find(u.parentCode());
            default -> Optional.empty();
        });
    }

    /** The street/township whose boundary contains the point, if any. */
    public Optional<Unit> locate(GeoPoint point) {
        locator();
        return locator.locate(point).flatMap(this::find);
    }

    /** An interior point of a street's boundary, for demos and tests. */
    public Optional<GeoPoint> interiorPoint(String streetCode) {
        return locator().interiorPoint(streetCode);
    }

    public synchronized void reload() {
        Map<String, Unit> loaded = new LinkedHashMap<>();
        jdbc.sql("select code, name, type, parent_code from unit order by code")
                .query((rs, i) -> new Unit(rs.getString(1), rs.getString(2), UnitType.valueOf(rs.getString(3)), rs.getString(4)))
                .list()
                .forEach(u -> loaded.put(u.code(), u));
        Map<String, String> boundaries = new LinkedHashMap<>();
        jdbc.sql("select code, boundary from unit where type = 'STREET' and boundary is not null")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(e -> boundaries.put(e.getKey(), e.getValue()));
        this.locator = StreetLocator.of(boundaries);
        this.units = loaded;
    }

    private Map<String, Unit> units() {
        if (units == null) {
            reload();
        }
        return units;
    }

    private StreetLocator locator() {
        if (locator == null) {
            reload();
        }
        return locator;
    }
}
