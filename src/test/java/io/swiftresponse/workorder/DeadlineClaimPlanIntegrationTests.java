package io.swiftresponse.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The watch's overdue claim probes the marks by index even while deadline_mark is tiny, as in a new installation (the
 * test database): planned with sequential scans allowed, the probe is a sequential scan per candidate, cheap for a
 * handful of marks and quadratic for a large first pass (5-100 s seen in the sweep benchmark).
 */
@IntegrationTest
class DeadlineClaimPlanIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void theClaimNeverScansTheMarksSequentially() {
        String plan = tx.execute(s -> {
            s.setRollbackOnly();
            jdbc.execute("analyze deadline_mark");
            jdbc.queryForList(OrderDeadlines.BATCH_SETTINGS);
            Timestamp now = Timestamp.from(Instant.now());
            List<String> lines = jdbc.queryForList("explain " + OrderDeadlines.claimSql("OVERDUE", "due_at", ""), String.class,
                    now, 1, 0, 2000, now, "deadline-overdue", now, "the %s deadline %s passed");
            return String.join("\n", lines);
        });
        assertThat(plan).contains("deadline_mark").doesNotContain("Seq Scan on deadline_mark").doesNotContain("Seq Scan on work_order")
                .doesNotContain("Seq Scan on order_deadline");
    }
}
