package io.swiftresponse.callback;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The links' key and their bookkeeping: every link issued, and every nonce used (at most once, by the primary key).
 * The key is {@code swift.callback.link-secret} when set; otherwise one generated on first use and kept in the
 * database, so that every instance and every restart checks links with the key that signed them.
 */
@Repository
class LinkStore {

    static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final TransactionTemplate own;
    private final String configured;
    private volatile byte[] key;

    LinkStore(JdbcClient jdbc, PlatformTransactionManager tx, @Value("${swift.callback.link-secret:}") String configured) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(tx);
        // its own transaction: a generated key must survive even if the request that needed it fails
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.configured = configured == null ? "" : configured.strip();
        if (!this.configured.isEmpty() && this.configured.length() < 32) {
            throw new IllegalArgumentException("swift.callback.link-secret must be at least 32 characters long");
        }
    }

    byte[] key() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) key = configured.isEmpty() ? storedKey() : configured.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                k = key;
            }
        }
        return k;
    }

    private byte[] storedKey() {
        return own.execute(s -> {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            // two instances starting together: the first insert wins and both read the same key back
            jdbc.sql("insert into callback_link_secret (id, secret, created_at) values (1, ?, now()) on conflict (id) do nothing")
                    .param(fresh).update();
            return jdbc.sql("select secret from callback_link_secret where id = 1").query(byte[].class).single();
        });
    }

    static String nonce() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    void issued(String nonce, long orderId, int round, Instant expiresAt, String by, Instant at) {
        jdbc.sql("insert into callback_link (nonce, order_id, round, expires_at, issued_by, issued_at) values (?, ?, ?, ?, ?, ?)")
                .params(nonce, orderId, round, Timestamp.from(expiresAt), by, Timestamp.from(at)).update();
    }

    /** The order and round the nonce was issued for, if it was issued here at all. */
    Optional<long[]> issuedFor(String nonce) {
        return jdbc.sql("select order_id, round from callback_link where nonce = ?").param(nonce)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getInt(2)}).optional();
    }

    boolean used(String nonce) {
        return jdbc.sql("select count(*) from callback_link_use where nonce = ?").param(nonce).query(Long.class).single() > 0;
    }

    /** Marks the nonce used; false when it already was (also when another request just used it). */
    boolean use(String nonce, Instant at) {
        return jdbc.sql("insert into callback_link_use (nonce, used_at) values (?, ?) on conflict (nonce) do nothing")
                .params(nonce, Timestamp.from(at)).update() == 1;
    }
}
