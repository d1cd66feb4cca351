package io.swiftresponse.identity;

import io.swiftresponse.directory.Directory;
import io.swiftresponse.directory.Unit;
import io.swiftresponse.directory.UnitType;
import io.swiftresponse.shared.DemoMode;
import io.swiftresponse.shared.DemoSeed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo users (agent1, dispatcher1, supervisor1, analyst1, admin and a handler per unit) and
 * prints their names and the password. All share one BCrypt hash: hashing ~400 passwords separately
 * would add half a minute to the first start for no security gain on a demo.
 */
@Component
class IdentityDemoSeeder implements DemoSeed {

    private static final Logger log = LoggerFactory.getLogger(IdentityDemoSeeder.class);

    private final DemoMode demo;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Directory directory;
    private final PasswordEncoder encoder;

    IdentityDemoSeeder(DemoMode demo, JdbcClient jdbc, TransactionTemplate tx, Directory directory, PasswordEncoder encoder) {
        this.demo = demo;
        this.jdbc = jdbc;
        this.tx = tx;
        this.directory = directory;
        this.encoder = encoder;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void seed() {
        if (!demo.enabled()) {
            return;
        }
        if (jdbc.sql("select count(*) from app_user").query(Long.class).single() == 0) {
            String hash = encoder.encode(demo.password());
            List<Object[]> users = new ArrayList<>();
            users.add(new Object[] {"agent1", "话务员一", "AGENT", null});
            users.add(new Object[] {"dispatcher1", "派单员一", "DISPATCHER", null});
            users.add(new Object[] {"supervisor1", "督办员一", "SUPERVISOR", null});
            users.add(new Object[] {"analyst1", "分析员一", "ANALYST", null});
            users.add(new Object[] {"admin", "系统管理员", "ADMIN", null});
            directory.all().stream()
                    .filter(u -> u.type() != UnitType.CITY)
                    .sorted(Comparator.comparing(Unit::code))
                    .forEach(u -> users.add(new Object[] {"handler-" + u.code(), u.name() + "承办人", "HANDLER", u.code()}));
            tx.executeWithoutResult(s -> users.forEach(u -> jdbc.sql(
                    "insert into app_user (username, display_name, password_hash, role, unit_code) values (?, ?, ?, ?, ?)")
                    .params(u[0], u[1], hash, u[2], u[3])
                    .update()));
        }
        printUsers();
    }

    private void printUsers() {
        List<String> examples = new ArrayList<>();
        for (UnitType type : List.of(UnitType.DISTRICT, UnitType.STREET, UnitType.DEPARTMENT, UnitType.COMPANY)) {
            directory.ofType(type).stream().min(Comparator.comparing(Unit::code))
                    .ifPresent(u -> examples.add("handler-" + u.code() + " (" + u.name() + ")"));
        }
        long handlers = jdbc.sql("select count(*) from app_user where role = 'HANDLER'").query(Long.class).single();
        log.info("""

                ==== Swift Response demo users (password: '{}') ====
                  agent1       话务员 agent: records and answers
                  dispatcher1  派单员 dispatcher: dispatches, decides returns, reviews replies
                  supervisor1  督办员 supervisor: sees everything, supervises
                  analyst1     分析员 analyst: reads without personal data
                  admin        系统管理员 administrator
                  {} handlers, one per unit, named handler-<unit code>, e.g.
                    {}
                  Unit codes: GET /api/v1/directory/units
                =====================================================""",
                demo.password(), handlers, String.join("\n    ", examples));
    }
}
