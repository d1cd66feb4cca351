package io.swiftresponse.shared.db;

/** Whether the platform runs on its own embedded PostgreSQL or on a configured external server. */
public enum DatabaseMode {
    EMBEDDED,
    EXTERNAL
}
