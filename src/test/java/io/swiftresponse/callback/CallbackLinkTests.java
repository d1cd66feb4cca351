package io.swiftresponse.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackLinkTests {

    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");
    static final Instant EXPIRES = NOW.plus(Duration.ofDays(7));
    static final String NONCE = "AAAAAAAAAAAAAAAAAAAAAA";

    private static LinkSigner at(Instant now) {
        return new LinkSigner(KEY, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aSignedTokenChecksOutWithItsFacts() {
        String token = at(NOW).sign(42, 1, EXPIRES, NONCE);
        assertThat(token).startsWith("42.1." + EXPIRES.getEpochSecond() + "." + NONCE + ".");
        LinkSigner.Check c = at(NOW).check(token);
        assertThat(c.status()).isEqualTo(LinkSigner.Status.VALID);
        assertThat(c.orderId()).isEqualTo(42);
        assertThat(c.round()).isEqualTo(1);
        assertThat(c.expiresAt()).isEqualTo(EXPIRES);
        assertThat(c.nonce()).isEqualTo(NONCE);
    }

    @Test
    void validUntilTheLastSecondThenExpired() {
        String token = at(NOW).sign(42, 0, EXPIRES, NONCE);
        assertThat(at(EXPIRES.minusSeconds(1)).check(token).status()).isEqualTo(LinkSigner.Status.VALID);
        assertThat(at(EXPIRES).check(token).status()).isEqualTo(LinkSigner.Status.EXPIRED);
        assertThat(at(EXPIRES.plus(Duration.ofDays(30))).check(token).status()).isEqualTo(LinkSigner.Status.EXPIRED);
    }

    @Test
    void anotherOrderAnotherRoundOrALaterExpiryBreakTheSignature() {
        String token = at(NOW).sign(42, 0, EXPIRES, NONCE);
        String[] p = token.split("\\.");
        String signature = p[4];
        assertThat(at(NOW).check("43.0." + p[2] + "." + NONCE + "." + signature)).isEqualTo(LinkSigner.Check.INVALID);
        assertThat(at(NOW).check("42.1." + p[2] + "." + NONCE + "." + signature)).isEqualTo(LinkSigner.Check.INVALID);
        long later = EXPIRES.getEpochSecond() + 86400 * 30;
        assertThat(at(NOW).check("42.0." + later + "." + NONCE + "." + signature)).isEqualTo(LinkSigner.Check.INVALID);
        assertThat(at(NOW).check("42.0." + p[2] + ".BAAAAAAAAAAAAAAAAAAAAA." + signature)).isEqualTo(LinkSigner.Check.INVALID);
        // leading zeros name the same order but are not what was signed
        assertThat(at(NOW).check("042.0." + p[2] + "." + NONCE + "." + signature)).isEqualTo(LinkSigner.Check.INVALID);
    }

    @Test
    void aTamperedSignatureOrAnotherKeyIsRefused() {
        String token = at(NOW).sign(42, 0, EXPIRES, NONCE);
        char last = token.charAt(token.length() - 2);
        String tampered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        assertThat(at(NOW).check(tampered)).isEqualTo(LinkSigner.Check.INVALID);
        // the last character holds 4 bits and 2 unused ones: its other spellings decode to the same bytes but are refused
        String body = token.substring(0, token.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (char c : alphabet.toCharArray()) {
            if (c != token.charAt(token.length() - 1)) {
                assertThat(at(NOW).check(body + c)).as("last character %s", c).isEqualTo(LinkSigner.Check.INVALID);
            }
        }
        LinkSigner forger = new LinkSigner("another key of at least 32 bytes!!".getBytes(StandardCharsets.US_ASCII),
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(at(NOW).check(forger.sign(42, 0, EXPIRES, NONCE))).isEqualTo(LinkSigner.Check.INVALID);
        // an expired token with a forged signature is not "expired": it says nothing about any order
        assertThat(at(EXPIRES.plusSeconds(1)).check(forger.sign(42, 0, EXPIRES, NONCE)).status())
                .isEqualTo(LinkSigner.Status.INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "42.0.1.2.3", "42.0.1795939200.AAAAAAAAAAAAAAAAAAAAAA", "-1.0.1.AAAAAAAAAAAAAAAAAAAAAA.x",
            "42.0.1795939200.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.extra",
            "99999999999999999999.0.1795939200.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "42.0.1795939200.AAAAAAAAAAAAAAAAAAAA==.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "<script>.0.1.2.3"})
    void malformedTokensAreInvalidNeverAnError(String token) {
        assertThat(at(NOW).check(token)).isEqualTo(LinkSigner.Check.INVALID);
    }

    @Test
    void nullAndOverlongTokensAreInvalid() {
        assertThat(at(NOW).check(null)).isEqualTo(LinkSigner.Check.INVALID);
        assertThat(at(NOW).check("1".repeat(10_000))).isEqualTo(LinkSigner.Check.INVALID);
    }

    @Test
    void noncesAreRandomAndUrlSafe() {
        String a = LinkStore.nonce();
        assertThat(a).matches("[A-Za-z0-9_-]{22}").isNotEqualTo(LinkStore.nonce());
    }
}
