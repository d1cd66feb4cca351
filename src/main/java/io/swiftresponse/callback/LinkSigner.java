package io.swiftresponse.callback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks citizens' answer tokens: {@code orderId.round.expiry.nonce.signature}, the signature being
 * HMAC-SHA256 over the first four parts with the platform's secret. Changing any part (another order, a later
 * round, a later expiry) breaks the signature; the comparison is constant-time. Plain class: the key and the
 * clock are given, so tests can forge, tamper and expire tokens at will.
 */
final class LinkSigner {

    private static final Pattern TOKEN = Pattern.compile("(\\d{1,18})\\.(\\d{1,6})\\.(\\d{1,12})\\.([A-Za-z0-9_-]{22})\\.([A-Za-z0-9_-]{43})");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;
    private final Clock clock;

    LinkSigner(byte[] key, Clock clock) {
        if (key.length < 32) throw new IllegalArgumentException("the link key must have at least 32 bytes");
        this.key = key.clone();
        this.clock = clock;
    }

    String sign(long orderId, int round, Instant expiresAt, String nonce) {
        String payload = orderId + "." + round + "." + expiresAt.getEpochSecond() + "." + nonce;
        return payload + "." + B64.encodeToString(hmac(payload));
    }

    /** VALID with the token's facts, EXPIRED (signature fine, too late) or INVALID (malformed, forged, tampered). */
    Check check(String token) {
        Matcher m = token == null || token.length() > 120 ? null : TOKEN.matcher(token);
        if (m == null || !m.matches()) return Check.INVALID;
        String payload = token.substring(0, token.lastIndexOf('.'));
        // compare the text, not the decoded bytes: the last of 43 base64 characters carries 2 unused bits, so a
        // decoder accepts four spellings of one signature; only the one this signer writes is a valid link
        byte[] expected = B64.encodeToString(hmac(payload)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, m.group(5).getBytes(StandardCharsets.US_ASCII))) return Check.INVALID;
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(m.group(3)));
        Status status = clock.instant().isBefore(expiresAt) ? Status.VALID : Status.EXPIRED;
        return new Check(status, Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)), expiresAt, m.group(4));
    }

    private byte[] hmac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    enum Status { VALID, EXPIRED, INVALID }

    record Check(Status status, long orderId, int round, Instant expiresAt, String nonce) {
        static final Check INVALID = new Check(Status.INVALID, 0, 0, null, null);
    }
}
