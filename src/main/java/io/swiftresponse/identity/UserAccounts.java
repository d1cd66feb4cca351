package io.swiftresponse.identity;

import io.swiftresponse.directory.Directory;
import io.swiftresponse.directory.Unit;
import io.swiftresponse.directory.UnitType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads users from the database for login. */
@Service
class UserAccounts implements UserDetailsService {

    private final JdbcClient jdbc;
    private final Directory directory;

    UserAccounts(JdbcClient jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("select username, display_name, password_hash, role, unit_code, enabled from app_user where username = ?")
                .param(username)
                .query((rs, i) -> {
                    String unitCode = rs.getString(5);
                    UnitType unitType = directory.find(unitCode).map(Unit::type).orElse(null);
                    CurrentUser user = new CurrentUser(rs.getString(1), Role.valueOf(rs.getString(4)), unitCode, unitType);
                    return (UserDetails) new SwiftUserDetails(user, rs.getString(2), rs.getString(3), rs.getBoolean(6));
                })
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
