package io.swiftresponse.identity;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The user behind the current request. */
@Component
public class CurrentUsers {

    public CurrentUser current() {
        return find().orElseThrow(() -> new IllegalStateException("no authenticated user"));
    }

    public Optional<CurrentUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SwiftUserDetails details) {
            return Optional.of(details.user());
        }
        return Optional.empty();
    }
}
