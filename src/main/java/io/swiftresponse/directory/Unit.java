package io.swiftresponse.directory;

/** A handling unit (承办单位). {@code parentCode} is the district for a street, the city otherwise. */
public record Unit(String code, String name, UnitType type, String parentCode) {
}
