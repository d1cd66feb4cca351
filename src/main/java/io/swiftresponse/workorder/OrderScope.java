package io.swiftresponse.workorder;

import io.swiftresponse.identity.CurrentUser;

/**
 * Data scope: hotline roles see every order; a handler sees the orders its unit leads, co-handles, or
 * (for a district) receives a copy of because they were sent directly to one of its streets.
 */
final class OrderScope {

    private OrderScope() {
    }

    static boolean visible(OrderRow o, CurrentUser user) {
        if (!user.isHandler()) {
            return true;
        }
        String unit = user.unitCode();
        return unit.equals(o.leadUnitCode()) || o.coUnitCodes().contains(unit) || unit.equals(o.copyUnitCode());
    }

    /** The same rule as SQL for lists; {@code :scopeUnit} is bound only when the clause is used. */
    static String sqlClause(CurrentUser user) {
        return user.isHandler()
                ? "(lead_unit_code = :scopeUnit or :scopeUnit = any(co_unit_codes) or copy_unit_code = :scopeUnit)"
                : null;
    }
}
