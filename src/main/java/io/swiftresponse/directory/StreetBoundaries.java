package io.swiftresponse.directory;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The city's own street/township boundary polygons (GeoJSON geometry text), for maps drawn without a tile server. */
@Service
public class StreetBoundaries {

    private final JdbcClient jdbc;

    StreetBoundaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Boundary(String code, String name, String parentCode, String geometryJson) {
    }

    public List<Boundary> all() {
        return jdbc.sql("select code, name, parent_code, boundary from unit where type = 'STREET' and boundary is not null order by code")
                .query((rs, i) -> new Boundary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }
}
