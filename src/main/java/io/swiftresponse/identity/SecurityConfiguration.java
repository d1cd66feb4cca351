package io.swiftresponse.identity;

import io.swiftresponse.shared.web.ProblemTypes;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Browsers log in with a session and must send the CSRF token with every change; API clients send HTTP
 * Basic credentials with every request. No {@code WWW-Authenticate: Basic} challenge is ever sent, so a
 * browser never caches Basic credentials that a forged cross-site request could ride on, which is what
 * makes it safe to skip the CSRF check for requests that carry their own Basic credentials.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
    private static final RequestMatcher BASIC_CREDENTIALS = request -> {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    };

    /** Reachable without login; each checks its own credentials (Open311 API keys, signed links) or needs none. */
    private static final RequestMatcher PUBLIC_SURFACES = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/open311/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/portal/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/api/v1/public/**"));

    /**
     * Machine-to-machine public APIs carry no session cookie that a forged cross-site request could ride on, so
     * a CSRF token means nothing there; the portal's HTML forms keep theirs.
     */
    private static final RequestMatcher STATELESS_PUBLIC_API = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/open311/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/api/v1/public/**"));

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(UserAccounts users, PasswordEncoder encoder, Clock clock) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        return new ProviderManager(new CachingPasswordAuthenticationProvider(dao, users, clock));
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth
                        // the async dispatch that ends a live-update stream (SSE) belongs to a request that was
                        // authorised when the stream opened; after a logout in another tab its session is gone,
                        // and denying it only logged an AccessDenied stack trace on an already committed response
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/", "/login", "/error", "/favicon.ico", "/webjars/**", "/css/**", "/js/**", "/img/**",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health/**",
                                "/actuator/prometheus")
                        .permitAll()
                        // public surfaces: Open311 (its own API keys), the citizen portal and its JSON API
                        .requestMatchers(PUBLIC_SURFACES)
                        .permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::unauthorized))
                // the styled, bilingual login page of the web application (portal module)
                .formLogin(form -> form.loginPage("/login").permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers(BASIC_CREDENTIALS, STATELESS_PUBLIC_API))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(SecurityConfiguration::unauthorized, API)
                        .defaultAccessDeniedHandlerFor(API_ACCESS_DENIED, API)
                        // pages (the portal's forms too, for visitors who are not logged in): a 403 error page that says
                        // the form may have expired; with only the API mapping, Spring would use it for every path
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE));
        return http.build();
    }

    /**
     * A missing CSRF token is only a 403 for someone who is logged in; a request without any credentials is
     * told to authenticate (401), as it would be a moment later by the authorization check.
     */
    private static final AccessDeniedHandler API_ACCESS_DENIED = (request, response, e) -> {
        if (e instanceof CsrfException && !authenticated()) {
            unauthorized(request, response, null);
            return;
        }
        write(response, 403, "forbidden", "Not allowed",
                "Access denied. Browser sessions must send the CSRF token (header X-CSRF-TOKEN); API clients use HTTP Basic.");
    };

    private static boolean authenticated() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    private static final Set<String> FIREWALL_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /**
     * Requests the firewall refuses (an unknown HTTP method, encoded slashes or control characters in the URL)
     * get a problem document like every other error, not the container's error page.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> {
            if (!FIREWALL_METHODS.contains(request.getMethod())) {
                response.setHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
                write(response, 405, "method-not-allowed", "Method not allowed", "This HTTP method is not supported.");
            } else {
                write(response, 400, "request-rejected", "Request rejected",
                        "The URL contains characters or sequences that are not allowed (such as encoded slashes, control characters or '..').");
            }
        };
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
            org.springframework.security.core.AuthenticationException e) throws IOException {
        write(response, 401, "unauthenticated", "Authentication required",
                "Log in, or send HTTP Basic credentials (user name and password) with the request.");
    }

    private static void write(HttpServletResponse response, int status, String type, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"" + ProblemTypes.BASE + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
