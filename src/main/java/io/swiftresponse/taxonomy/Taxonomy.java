package io.swiftresponse.taxonomy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read access to request types, categories and tiers, held in memory (hundreds of rows, read on every order). */
@Service
public class Taxonomy {

    private final JdbcClient jdbc;
    private volatile Snapshot snapshot;

    Taxonomy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Category> category(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(snapshot().categories.get(code));
    }

    public Collection<Category> categories() {
        return snapshot().categories.values();
    }

    public Optional<Tier> tier(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(snapshot().tiers.get(code));
    }

    public Collection<Tier> tiers() {
        return snapshot().tiers.values();
    }

    public Optional<RequestType> requestType(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(snapshot().requestTypes.get(code));
    }

    public Collection<RequestType> requestTypes() {
        return snapshot().requestTypes.values();
    }

    public synchronized void reload() {
        Map<String, Category> categories = new LinkedHashMap<>();
        jdbc.sql("select code, name, level, parent_code, unit_type, unit_code, tier_code, keywords from category order by code")
                .query((rs, i) -> new Category(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8)))
                .list()
                .forEach(c -> categories.put(c.code(), c));
        Map<String, Tier> tiers = new LinkedHashMap<>();
        jdbc.sql("select code, name_zh, dispatch_hours, reply_hours, reply_working_days from time_limit_tier order by dispatch_hours, code")
                .query((rs, i) -> new Tier(rs.getString(1), rs.getString(2), rs.getInt(3), (Integer) rs.getObject(4), (Integer) rs.getObject(5)))
                .list()
                .forEach(t -> tiers.put(t.code(), t));
        Map<String, RequestType> types = new LinkedHashMap<>();
        jdbc.sql("select code, name_zh, name_en from request_type order by code")
                .query((rs, i) -> new RequestType(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list()
                .forEach(t -> types.put(t.code(), t));
        snapshot = new Snapshot(categories, tiers, types);
    }

    private Snapshot snapshot() {
        if (snapshot == null) {
            reload();
        }
        return snapshot;
    }

    private record Snapshot(Map<String, Category> categories, Map<String, Tier> tiers, Map<String, RequestType> requestTypes) {
    }
}
