package io.swiftresponse.evaluation;

import io.swiftresponse.directory.UnitType;
import io.swiftresponse.shared.web.Problem;
import java.util.Arrays;

/** The ranking classes: districts (区), streets/townships (街乡镇), municipal departments, public-service companies. */
public enum UnitClass {
    DISTRICT(UnitType.DISTRICT), STREET(UnitType.STREET), DEPARTMENT(UnitType.DEPARTMENT), COMPANY(UnitType.COMPANY);

    final UnitType type;

    UnitClass(UnitType type) {
        this.type = type;
    }

    public static UnitClass parse(String text) {
        if (text == null) throw Problem.invalidField("class", "is required: one of " + Arrays.toString(values()));
        return Arrays.stream(values()).filter(c -> c.name().equals(text)).findFirst()
                .orElseThrow(() -> Problem.invalidField("class", "must be one of " + Arrays.toString(values())));
    }

    public static UnitClass of(UnitType type) {
        return Arrays.stream(values()).filter(c -> c.type == type).findFirst().orElse(null);
    }
}
