package io.swiftresponse.bench.orders;

/** The processes whose CPU is accounted: the server JVM and the PostgreSQL postmaster (with its backends). */
interface Watched {
    long pid();

    long postmasterPid();

    /** A running server named by --server-pid and --postmaster-pid. */
    record Attached(long pid, long postmasterPid) implements Watched {
    }
}
