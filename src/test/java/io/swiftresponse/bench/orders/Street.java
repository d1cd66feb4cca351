package io.swiftresponse.bench.orders;

/** A street (街道) of the directory, with an interior point when one was asked for. */
record Street(String code, String name, String parentCode, Double lat, Double lng) {
}
