package io.swiftresponse.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a sweep costs the embedded PostgreSQL, next to the wall time (the cores may be shared with other work): CPU of
 * its processes, WAL written, HOT updates, and the server time per statement (pg_stat_statements, when the server was
 * started with it).
 */
final class SweepMeter {

    final JdbcTemplate jdbc;
    final Path pidFile;
    final boolean statementsOn;

    SweepMeter(JdbcTemplate jdbc, Path pidFile) {
        this.jdbc = jdbc;
        this.pidFile = pidFile;
        this.statementsOn = jdbc.queryForObject("show shared_preload_libraries", String.class).contains("pg_stat_statements");
        if (statementsOn) jdbc.execute("create extension if not exists pg_stat_statements");
    }

    void resetStatements() {
        if (statementsOn) jdbc.execute("select pg_stat_statements_reset()");
    }

    String walLsn() {
        return jdbc.queryForObject("select pg_current_wal_lsn()::text", String.class);
    }

    double walMbSince(String lsn) {
        return jdbc.queryForObject("select pg_wal_lsn_diff(pg_current_wal_lsn(), ?::pg_lsn)", Double.class, lsn) / 1e6;
    }

    /** CPU time of the embedded server (postmaster and its children: backends, WAL writer, checkpointer...), from /proc. */
    long pgCpuMs() throws java.io.IOException {
        String pm = Files.readAllLines(pidFile).get(0).trim();
        long ticks = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs.filter(p -> p.getFileName().toString().matches("\\d+"))::iterator) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (p.getFileName().toString().equals(pm) || f[1].equals(pm)) ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                } catch (java.io.IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        }
        return ticks * 10; // USER_HZ = 100
    }

    /** Server time of each statement of the sweeps, the empty sweeps and the notifier (pg_stat_statements over the timed runs). */
    void statements(int runs) {
        if (!statementsOn) return;
        System.out.printf("pg_stat_statements, %d runs (sweeps, baselines, notifier, empty sweeps): calls, total ms, mean ms, max ms, rows, blocks"
                + " hit / read / dirtied, WAL MB%n", runs);
        jdbc.query("""
                select calls, total_exec_time, mean_exec_time, max_exec_time, rows, shared_blks_hit, shared_blks_read,
                       shared_blks_dirtied, wal_bytes / 1e6, coalesce('claim where ' || substring(regexp_replace(query, '\\s+', ' ', 'g')
                           from 'where (d.met_at is null.*?) order by'), regexp_replace(query, '\\s+', ' ', 'g'))
                from pg_stat_statements where query !~* '^(vacuum|checkpoint|truncate|select (count|pg_|unnest|max))'
                    and query not like '%where supervised'
                order by total_exec_time desc limit 12""", rs -> {
            System.out.printf("  %6d %7.0f %7.2f %7.1f %6d %8d %7d %7d %5.0f  %.140s%n", rs.getLong(1), rs.getDouble(2), rs.getDouble(3),
                    rs.getDouble(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getDouble(9), rs.getString(10));
        });
    }

    /** Updates and HOT updates so far: work_order, then order_deadline (after 11 s: idle backends report every 10 s). */
    List<Long> hot() throws InterruptedException {
        Thread.sleep(11_000);
        return jdbc.queryForList("""
                select unnest(array[sum(n_tup_upd) filter (where relname = 'work_order'), sum(n_tup_hot_upd) filter (where relname = 'work_order'),
                    sum(n_tup_upd) filter (where relname = 'order_deadline'), sum(n_tup_hot_upd) filter (where relname = 'order_deadline')])
                from pg_stat_user_tables""", Long.class);
    }
}
