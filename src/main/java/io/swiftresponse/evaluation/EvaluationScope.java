package io.swiftresponse.evaluation;

import io.swiftresponse.directory.Directory;
import io.swiftresponse.identity.CurrentUser;

/**
 * Data scope for evaluation figures, the same rule as for orders: hotline roles, analysts and admins see every unit;
 * a handler sees its own unit, and a district handler also the streets of its district.
 */
final class EvaluationScope {

    private EvaluationScope() {
    }

    static boolean sees(CurrentUser user, String unitCode, Directory directory) {
        if (!user.isHandler()) return true;
        if (user.unitCode().equals(unitCode)) return true;
        return user.isDistrictHandler() && directory.find(unitCode).map(u -> user.unitCode().equals(u.parentCode())).orElse(false);
    }
}
