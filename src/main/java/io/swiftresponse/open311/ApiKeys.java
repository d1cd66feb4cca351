package io.swiftresponse.open311;

import io.swiftresponse.shared.web.Problem;
import io.swiftresponse.workorder.Channel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys of Open311 clients. A key is 32 random bytes (URL-safe Base64, 43 characters) shown once when issued;
 * only its SHA-256 is stored. A slow password hash (bcrypt, argon2) protects low-entropy secrets people choose;
 * a 256-bit random key cannot be guessed from its hash, and a fast hash lets every call be checked with one
 * indexed lookup.
 */
@Service
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PREFIX = 8;

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final RateLimiter limiter;
    private final Clock clock;

    ApiKeys(JdbcClient jdbc, Jurisdictions jurisdictions, RateLimiter limiter, Clock clock) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.limiter = limiter;
        this.clock = clock;
    }

    @Transactional
    public IssuedKey issue(String label, Channel channel, String jurisdictionId, int ratePerMinute, String issuedBy) {
        if (jurisdictions.all().stream().noneMatch(j -> j.id().equals(jurisdictionId))) {
            throw Problem.invalidField("jurisdictionId", "unknown jurisdiction; one of "
                    + jurisdictions.all().stream().map(Jurisdiction::id).toList());
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = jdbc.sql("""
                insert into open311_api_key (key_hash, key_prefix, label, channel, jurisdiction_id, rate_per_minute,
                    issued_by, issued_at) values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(hash(key), key.substring(0, PREFIX), label, channel.name(), jurisdictionId, ratePerMinute, issuedBy,
                        Timestamp.from(clock.instant()))
                .query(Long.class).single();
        return new IssuedKey(key, find(id).orElseThrow());
    }

    public List<ApiKey> list() {
        return jdbc.sql(SELECT + " order by id").query(ApiKeys::map).list();
    }

    public Optional<ApiKey> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(ApiKeys::map).optional();
    }

    @Transactional
    public ApiKey revoke(long id, String revokedBy) {
        ApiKey key = find(id).orElseThrow(() -> Problem.notFound("API key " + id));
        if (key.active()) {
            jdbc.sql("update open311_api_key set revoked_by = ?, revoked_at = ? where id = ?")
                    .params(revokedBy, Timestamp.from(clock.instant()), id).update();
            limiter.forget(id);
        }
        return find(id).orElseThrow();
    }

    /**
     * The active key behind {@code apiKey}, after taking one call from its rate limit: 403 when the key is absent,
     * unknown or revoked, 429 when it is used too often. Every attempt that presents a key is logged by the caller.
     */
    public ApiKey authenticate(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw Open311Exception.forbidden("An api_key is required.");
        }
        ApiKey key = apiKey.length() > 200 ? null
                : jdbc.sql(SELECT + " where key_hash = ?").param(hash(apiKey)).query(ApiKeys::map).optional().orElse(null);
        if (key == null || !key.active()) {
            throw Open311Exception.forbidden("Invalid api_key received -- can't proceed.");
        }
        long wait = limiter.acquire(key.id(), key.ratePerMinute());
        if (wait > 0) {
            throw Open311Exception.tooManyRequests(wait);
        }
        return key;
    }

    /** Records one call that presented a key (valid or not), in its own transaction so a failed call is logged too. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void logUse(String apiKey, Long keyId, String method, String path, int status) {
        String prefix = apiKey == null ? null : apiKey.substring(0, Math.min(PREFIX, apiKey.length()));
        jdbc.sql("insert into open311_key_use (key_id, key_prefix, at, method, path, status) values (?, ?, ?, ?, ?, ?)")
                .params(keyId, prefix, Timestamp.from(clock.instant()), method, path.length() > 200 ? path.substring(0, 200) : path,
                        status)
                .update();
    }

    public List<KeyUse> uses(long keyId, int limit) {
        return jdbc.sql("select at, method, path, status from open311_key_use where key_id = ? order by id desc limit ?")
                .params(keyId, limit)
                .query((rs, i) -> new KeyUse(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    public record KeyUse(Instant at, String method, String path, int status) {
    }

    private static final String SELECT = """
            select id, key_prefix, label, channel, jurisdiction_id, rate_per_minute, issued_by, issued_at, revoked_by, revoked_at
            from open311_api_key""";

    private static ApiKey map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Timestamp revoked = rs.getTimestamp(10);
        return new ApiKey(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9), revoked == null ? null : revoked.toInstant());
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
