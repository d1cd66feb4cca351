package io.swiftresponse.open311;

import java.util.List;

/** A jurisdiction served by this endpoint; {@code districtCodes} empty: it shows every order of the platform. */
public record Jurisdiction(String id, String name, List<String> districtCodes, boolean isDefault) {

    public boolean covers(String districtCode) {
        return districtCodes.isEmpty() || districtCodes.contains(districtCode);
    }

    /** For order selection: {@code null} means no condition on districts. */
    public List<String> districtFilter() {
        return districtCodes.isEmpty() ? null : districtCodes;
    }
}
