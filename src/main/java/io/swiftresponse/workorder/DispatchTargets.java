package io.swiftresponse.workorder;

import io.swiftresponse.directory.Directory;
import io.swiftresponse.directory.Unit;
import io.swiftresponse.directory.UnitType;
import io.swiftresponse.shared.web.Problem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Checks the units named in a dispatch and derives the district copy: an order sent directly to a street
 * (直派) is copied to its district, which supervises it.
 */
final class DispatchTargets {

    record Assignment(String lead, List<String> coUnits, String copy) {
    }

    private final Directory directory;

    DispatchTargets(Directory directory) {
        this.directory = directory;
    }

    Assignment resolve(String leadCode, List<String> coUnitCodes, String field) {
        if (leadCode == null || leadCode.isBlank()) {
            throw Problem.invalidField(field, "is required: the unit that leads the handling");
        }
        Unit lead = handlingUnit(leadCode, field);
        List<String> co = new ArrayList<>();
        if (coUnitCodes != null) {
            LinkedHashSet<String> distinct = new LinkedHashSet<>(coUnitCodes);
            if (distinct.size() != coUnitCodes.size()) throw Problem.invalidField("coUnitCodes", "lists a unit twice");
            int i = 0;
            for (String code : distinct) {
                if (code == null || code.equals(leadCode)) {
                    throw Problem.invalidField("coUnitCodes[" + i + "]", "must name a unit other than the lead unit");
                }
                co.add(handlingUnit(code, "coUnitCodes[" + i + "]").code());
                i++;
            }
        }
        String copy = lead.type() == UnitType.STREET ? lead.parentCode() : null;
        return new Assignment(lead.code(), List.copyOf(co), copy);
    }

    private Unit handlingUnit(String code, String field) {
        Unit u = directory.find(code).orElseThrow(() -> Problem.invalidField(field, "unknown unit '" + code + "'"));
        if (u.type() == UnitType.CITY) {
            throw Problem.invalidField(field, "'" + code + "' is the hotline itself, not a handling unit");
        }
        return u;
    }
}
