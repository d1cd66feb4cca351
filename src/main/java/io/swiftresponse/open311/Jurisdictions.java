package io.swiftresponse.open311;

import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The jurisdictions this endpoint serves ({@code jurisdiction_id}); an absent one means the default. */
@Service
public class Jurisdictions {

    private final JdbcClient jdbc;

    Jurisdictions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Jurisdiction> all() {
        return jdbc.sql("select id, name, district_codes, is_default from open311_jurisdiction order by is_default desc, id")
                .query((rs, i) -> new Jurisdiction(rs.getString(1), rs.getString(2), strings(rs.getArray(3)), rs.getBoolean(4)))
                .list();
    }

    /** The named jurisdiction (404 when unknown), or the default one when {@code id} is absent or empty. */
    public Jurisdiction resolve(String id) {
        List<Jurisdiction> all = all();
        if (id == null || id.isBlank()) {
            return all.stream().filter(Jurisdiction::isDefault).findFirst()
                    .orElseThrow(() -> Open311Exception.badRequest("jurisdiction_id is required: this endpoint serves "
                            + all.stream().map(Jurisdiction::id).toList()));
        }
        return all.stream().filter(j -> j.id().equals(id)).findFirst()
                .orElseThrow(() -> Open311Exception.notFound("Unknown jurisdiction_id; this endpoint serves "
                        + all.stream().map(Jurisdiction::id).toList()));
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
