package io.swiftresponse.bench.orders;

import java.util.List;

/** A level-3 category as the taxonomy API lists it. */
record Category(String code, String name, String unitType, String unitCode, String tierCode, List<String> keywords) {
}
