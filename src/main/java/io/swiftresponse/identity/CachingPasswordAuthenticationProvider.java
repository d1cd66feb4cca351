package io.swiftresponse.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * API clients send HTTP Basic credentials on every request and BCrypt costs ~50–100 ms of CPU by design,
 * which would cap the API at a few dozen requests per second per core. After one successful BCrypt check
 * this remembers a salted SHA-256 of the password for a short time and accepts the same password again
 * without BCrypt. The account itself (enabled, roles, unit, password hash) is reloaded when the entry is more
 * than {@link #ACCOUNT_TTL} old: a disabled account or a changed role takes effect within that time, and
 * a client in steady use costs one user query per few seconds instead of one per request.
 */
class CachingPasswordAuthenticationProvider implements AuthenticationProvider {

    private static final Duration TTL = Duration.ofMinutes(5);
    static final Duration ACCOUNT_TTL = Duration.ofSeconds(5);

    private final DaoAuthenticationProvider delegate;
    private final UserDetailsService users;
    private final Clock clock;
    private final byte[] salt = new byte[16];
    private final ConcurrentHashMap<String, Entry> verified = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    CachingPasswordAuthenticationProvider(DaoAuthenticationProvider delegate, UserDetailsService users, Clock clock) {
        this.delegate = delegate;
        this.users = users;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (credentials instanceof String password) {
            byte[] digest = digest(username, password);
            Authentication cached = fromCache(username, digest);
            if (cached != null) {
                return cached;
            }
            // single flight per user: when an entry expires under load, one request pays for BCrypt and the
            // others wait for it instead of all hashing at once
            synchronized (locks.computeIfAbsent(username, k -> new Object())) {
                cached = fromCache(username, digest);
                if (cached != null) {
                    return cached;
                }
                Authentication result = delegate.authenticate(authentication);
                if (result != null && result.getPrincipal() instanceof UserDetails user) {
                    Instant now = clock.instant();
                    verified.put(username, new Entry(digest, user.getPassword(), now.plus(TTL), user, now.plus(ACCOUNT_TTL)));
                }
                return result;
            }
        }
        return delegate.authenticate(authentication);
    }

    private Authentication fromCache(String username, byte[] digest) {
        Entry entry = verified.get(username);
        if (entry == null || !entry.expires.isAfter(clock.instant()) || !MessageDigest.isEqual(entry.digest, digest)) {
            return null;
        }
        Instant now = clock.instant();
        UserDetails user = entry.user;
        Instant reloadAt = entry.reloadAt;
        if (!now.isBefore(reloadAt)) {
            user = users.loadUserByUsername(username);
            reloadAt = now.plus(ACCOUNT_TTL);
            if (!user.isEnabled() || !user.getPassword().equals(entry.passwordHash)) {
                verified.remove(username);
                return null;
            }
        }
        // sliding expiry: a client in steady use never falls back to BCrypt
        verified.put(username, new Entry(entry.digest, entry.passwordHash, now.plus(TTL), user, reloadAt));
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private byte[] digest(String username, String password) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt);
            md.update(username.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(password.getBytes(StandardCharsets.UTF_8));
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code user} is the account as loaded at {@code reloadAt - ACCOUNT_TTL}. */
    private record Entry(byte[] digest, String passwordHash, Instant expires, UserDetails user, Instant reloadAt) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && Arrays.equals(digest, e.digest) && passwordHash.equals(e.passwordHash);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(digest);
        }
    }
}
