package io.swiftresponse.shared;

/**
 * Whether the demo city, demo users and demo orders are seeded. On by default with the embedded
 * database, off with an external one unless {@code swift.demo.enabled=true}.
 */
public record DemoMode(boolean enabled, String password) {
}
