package io.swiftresponse.taxonomy;

/**
 * A subject category. Third-level categories carry the dispatch catalogue entry: the kind of unit
 * responsible ({@code STREET}, {@code DEPARTMENT}, {@code COMPANY}), the fixed unit for departments and
 * companies, and the time-limit tier.
 */
public record Category(String code, String name, int level, String parentCode, String unitType, String unitCode,
        String tierCode, String keywords) {

    public boolean dispatchable() {
        return level == 3;
    }
}
