package io.swiftresponse.open311;

/** A key just issued: the only time the secret is shown. */
public record IssuedKey(String apiKey, ApiKey key) {
}
