package io.swiftresponse.directory;

/** Kinds of handling unit; rankings and dispatch rules are per kind. */
public enum UnitType {
    CITY,
    DISTRICT,
    STREET,
    DEPARTMENT,
    COMPANY
}
