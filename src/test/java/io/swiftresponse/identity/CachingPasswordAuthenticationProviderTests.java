package io.swiftresponse.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

class CachingPasswordAuthenticationProviderTests {

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);
    private final InMemoryUserDetailsManager accounts = new InMemoryUserDetailsManager(
            User.withUsername("agent1").password(encoder.encode("demo")).roles("AGENT").build());
    private final AtomicInteger loads = new AtomicInteger();
    private final UserDetailsService counting = name -> {
        loads.incrementAndGet();
        return accounts.loadUserByUsername(name);
    };
    private final MovableClock clock = new MovableClock();
    private final CachingPasswordAuthenticationProvider provider = provider();

    private CachingPasswordAuthenticationProvider provider() {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(counting);
        dao.setPasswordEncoder(encoder);
        return new CachingPasswordAuthenticationProvider(dao, counting, clock);
    }

    private static UsernamePasswordAuthenticationToken login(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("agent1", password);
    }

    @Test
    void aVerifiedPasswordIsAcceptedAgainWithoutReloadingTheAccountForAFewSeconds() {
        assertThat(provider.authenticate(login("demo")).isAuthenticated()).isTrue();
        int afterFirst = loads.get();
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMillis(400));
            assertThat(provider.authenticate(login("demo")).getName()).isEqualTo("agent1");
        }
        assertThat(loads.get()).isEqualTo(afterFirst);
        clock.advance(CachingPasswordAuthenticationProvider.ACCOUNT_TTL);
        provider.authenticate(login("demo"));
        assertThat(loads.get()).isEqualTo(afterFirst + 1);
    }

    @Test
    void aWrongPasswordIsRefusedEvenWhileTheRightOneIsCached() {
        provider.authenticate(login("demo"));
        assertThatThrownBy(() -> provider.authenticate(login("wrong"))).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aDisabledAccountStopsWorkingWithinTheAccountTtl() {
        provider.authenticate(login("demo"));
        UserDetails disabled = User.withUserDetails(accounts.loadUserByUsername("agent1")).disabled(true).build();
        accounts.updateUser(disabled);
        clock.advance(CachingPasswordAuthenticationProvider.ACCOUNT_TTL);
        assertThatThrownBy(() -> provider.authenticate(login("demo"))).isInstanceOf(DisabledException.class);
    }

    @Test
    void aChangedPasswordInvalidatesTheCachedOneWithinTheAccountTtl() {
        provider.authenticate(login("demo"));
        accounts.updateUser(User.withUserDetails(accounts.loadUserByUsername("agent1")).password(encoder.encode("new")).build());
        clock.advance(CachingPasswordAuthenticationProvider.ACCOUNT_TTL);
        assertThatThrownBy(() -> provider.authenticate(login("demo"))).isInstanceOf(BadCredentialsException.class);
        assertThat(provider.authenticate(login("new")).isAuthenticated()).isTrue();
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-29T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Shanghai");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
