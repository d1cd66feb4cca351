package io.swiftresponse.identity;

import io.swiftresponse.directory.UnitType;

/** Who is acting: the data scope and permissions of every request derive from this. */
public record CurrentUser(String username, Role role, String unitCode, UnitType unitType) {

    public boolean is(Role r) {
        return role == r;
    }

    public boolean isHandler() {
        return role == Role.HANDLER;
    }

    /** A district handler also sees (and supervises) the orders sent directly to its streets. */
    public boolean isDistrictHandler() {
        return role == Role.HANDLER && unitType == UnitType.DISTRICT;
    }
}
