package io.swiftresponse.bench;

import io.swiftresponse.calendar.CalendarDay;
import io.swiftresponse.calendar.CalendarYear;
import io.swiftresponse.calendar.DayKind;
import io.swiftresponse.calendar.WorkingCalendar;
import io.swiftresponse.sla.TimeLimitPolicy;
import io.swiftresponse.workorder.DeadlineClock;
import io.swiftresponse.workorder.DeadlinePolicy;
import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What {@link DeadlineComputationBenchmark} computes on: the official 2025 and 2026 calendars, the code under test built
 * without Spring (the bit-set {@link WorkingCalendar} and {@code SlaPolicies} with fifteen policies) and seeded random
 * inputs, the same in every forked JVM.
 */
class DeadlineComputationFixture {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int SAMPLES = 1 << 16;
    static final int MASK = SAMPLES - 1;

    /** The 2025 and 2026 calendars as V5__calendar.sql seeds them: first, last, H(oliday)/W(orkday), name. */
    static final String[][] OFFICIAL = {
            {"2025-01-01", "2025-01-01", "H", "元旦"}, {"2025-01-26", "2025-01-26", "W", "春节"},
            {"2025-01-28", "2025-02-04", "H", "春节"}, {"2025-02-08", "2025-02-08", "W", "春节"},
            {"2025-04-04", "2025-04-06", "H", "清明节"}, {"2025-04-27", "2025-04-27", "W", "劳动节"},
            {"2025-05-01", "2025-05-05", "H", "劳动节"}, {"2025-05-31", "2025-06-02", "H", "端午节"},
            {"2025-09-28", "2025-09-28", "W", "国庆节、中秋节"}, {"2025-10-01", "2025-10-08", "H", "国庆节、中秋节"},
            {"2025-10-11", "2025-10-11", "W", "国庆节、中秋节"}, {"2026-01-01", "2026-01-03", "H", "元旦"},
            {"2026-01-04", "2026-01-04", "W", "元旦"}, {"2026-02-14", "2026-02-14", "W", "春节"},
            {"2026-02-15", "2026-02-23", "H", "春节"}, {"2026-02-28", "2026-02-28", "W", "春节"},
            {"2026-04-04", "2026-04-06", "H", "清明节"}, {"2026-05-01", "2026-05-05", "H", "劳动节"},
            {"2026-05-09", "2026-05-09", "W", "劳动节"}, {"2026-06-19", "2026-06-21", "H", "端午节"},
            {"2026-09-20", "2026-09-20", "W", "国庆节"}, {"2026-09-25", "2026-09-27", "H", "中秋节"},
            {"2026-10-01", "2026-10-07", "H", "国庆节"}, {"2026-10-10", "2026-10-10", "W", "国庆节"}};

    // random inputs, the same in every fork (seeded): starts over 2025-2026 in Beijing time, n in 1..15
    final Instant[] starts = new Instant[SAMPLES];
    final int[] days = new int[SAMPLES];
    final WorkingCalendar calendar;
    final DeadlinePolicy policies;
    final Map<Long, TimeLimitPolicy> byId = new HashMap<>();
    final DeadlinePrototypes.Naive naive = new DeadlinePrototypes.Naive();

    DeadlineComputationFixture() throws Exception {
        Random random = new Random(42);
        long from = LocalDate.of(2025, 1, 1).atStartOfDay(ZONE).toEpochSecond();
        long to = LocalDate.of(2027, 1, 1).atStartOfDay(ZONE).toEpochSecond();
        for (int i = 0; i < SAMPLES; i++) {
            starts[i] = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)));
            days[i] = 1 + random.nextInt(15);
        }
        Map<Integer, List<CalendarDay>> listed = new HashMap<>();
        for (String[] r : OFFICIAL) {
            for (LocalDate d = LocalDate.parse(r[0]); !d.isAfter(LocalDate.parse(r[1])); d = d.plusDays(1)) {
                listed.computeIfAbsent(d.getYear(), y -> new ArrayList<>())
                        .add(new CalendarDay(d, r[2].equals("H") ? DayKind.HOLIDAY : DayKind.WORKDAY, r[3]));
                (r[2].equals("H") ? naive.holidays : naive.workdays).add(d);
            }
        }
        List<CalendarYear> years = List.of(new CalendarYear(2025, null, "bench", "bench", Instant.EPOCH, listed.get(2025)),
                new CalendarYear(2026, null, "bench", "bench", Instant.EPOCH, listed.get(2026)));
        // the calendar's and the policies' no-Spring constructors are package-private: reached by reflection
        Constructor<WorkingCalendar> cc = WorkingCalendar.class.getDeclaredConstructor(Supplier.class, Clock.class);
        cc.setAccessible(true);
        calendar = cc.newInstance((Supplier<List<CalendarYear>>) () -> years, Clock.system(ZONE));
        // policy #n: REPLY = n working days, DISPATCH = n hours; otherwise the default GENERAL policy of V6
        for (long n = 1; n <= 15; n++) {
            byId.put(n, new TimeLimitPolicy(n, "GENERAL", null, LocalDate.of(2020, 1, 1), 80, null, 24, "default four-tier model",
                    "system", Instant.EPOCH, Map.of(
                    DeadlineClock.REPLY, new TimeLimitPolicy.Limit((int) n, TimeLimitPolicy.Unit.WORKING_DAYS, Set.of("dispatch")),
                    DeadlineClock.DISPATCH, new TimeLimitPolicy.Limit((int) n, TimeLimitPolicy.Unit.HOURS, Set.of("record")))));
        }
        Class<?> repoType = Class.forName("io.swiftresponse.sla.PolicyRepository");
        Constructor<?> rc = repoType.getDeclaredConstructor(org.springframework.jdbc.core.simple.JdbcClient.class);
        rc.setAccessible(true);
        Class<?> slaType = Class.forName("io.swiftresponse.sla.SlaPolicies");
        Constructor<?> sc = slaType.getDeclaredConstructor(repoType, WorkingCalendar.class, Clock.class);
        sc.setAccessible(true);
        policies = (DeadlinePolicy) sc.newInstance(rc.newInstance((Object) null), calendar, Clock.system(ZONE));
        java.lang.reflect.Method load = slaType.getDeclaredMethod("load", java.util.Collection.class);
        load.setAccessible(true);
        load.invoke(policies, List.copyOf(byId.values()));
    }
}
