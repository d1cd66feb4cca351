package io.swiftresponse.open311.web;

import java.util.List;
import java.util.Map;

/**
 * A response in both formats at once. XML: {@code <root><item>…</item>…</root>} for a list, {@code <root>…</root>}
 * for an object; JSON: an array of the items, or the object. Values are strings, numbers, booleans, {@code null}
 * (an empty element / JSON null), nested maps, or {@link Many}.
 */
record Doc(String root, String item, Object content) {

    static Doc list(String root, String item, List<? extends Map<String, ?>> items) {
        return new Doc(root, item, items);
    }

    static Doc object(String root, Map<String, ?> content) {
        return new Doc(root, null, content);
    }

    /** A nested list: {@code <name><item>v</item>…</name>} in XML, an array in JSON. */
    record Many(String item, List<?> values) {
    }
}
