package io.swiftresponse.workorder;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Numbers people can read over the phone: the city's date and a daily sequence, e.g. 2026112900042.
 * Each day has its own PostgreSQL sequence: unlike a counter row, a sequence never holds a lock until
 * commit, so concurrent recordings do not queue behind each other. A rolled-back recording leaves a gap,
 * which is harmless.
 */
@Component
class OrderNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate separate;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    OrderNumbers(JdbcClient jdbc, Clock clock, PlatformTransactionManager tm) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.separate = new TransactionTemplate(tm);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Today's number prefix and the name of its sequence, created on the day's first use. */
    Day today() {
        String day = LocalDate.now(clock).format(DAY);
        String sequence = "order_number_" + day;
        if (!known.contains(day)) {
            // created outside the caller's transaction so that a failed recording never undoes it; the advisory
            // lock serialises concurrent first recordings of a day, which would otherwise race in the catalogue
            // ("create sequence if not exists" is not safe against a concurrent create)
            separate.executeWithoutResult(s -> {
                jdbc.sql("select pg_advisory_xact_lock(20261129)").query(Object.class).single();
                jdbc.sql("create sequence if not exists " + sequence).update();
            });
            known.add(day);
        }
        return new Day(day, sequence);
    }

    /** A day's number prefix (yyyyMMdd) and its sequence; the number itself is drawn by the insert. */
    record Day(String prefix, String sequence) {
    }
}
