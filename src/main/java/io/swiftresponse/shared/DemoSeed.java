package io.swiftresponse.shared;

/**
 * One module's part of the demo city. Parts run in {@link #order()} (units before categories before users),
 * after every bean exists and before the web server accepts requests, so nobody can call the API while the
 * demo city is half there.
 */
public interface DemoSeed {

    int order();

    /** Seeds when demo mode is on and the module's tables are empty; idempotent across restarts. */
    void seed() throws Exception;
}
