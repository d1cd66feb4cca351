package io.swiftresponse.open311;

import java.util.List;

/**
 * A question asked for a category: one attribute of the Open311 service definition. Datatypes: string, number,
 * datetime, text, singlevaluelist, multivaluelist; {@code values} only for the lists.
 */
public record Question(String code, boolean variable, String datatype, boolean required, String datatypeDescription,
        int order, String description, List<Value> values) {

    public record Value(String key, String name) {
    }

    public boolean isList() {
        return datatype.endsWith("valuelist");
    }
}
