package io.swiftresponse.sla;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * "yyyy-MM-dd HH:mm" in the city's zone, for the basis sentences of deadlines. Written by hand because every
 * deadline computation builds one: a {@code DateTimeFormatter} took more time than the working-day arithmetic
 * itself (docs/benchmarks.md, "Deadline computation").
 */
final class ShownTime {

    private ShownTime() {
    }

    static String of(Instant instant, ZoneId zone) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, zone);
        int year = t.getYear();
        if (year < 1000 || year > 9999) return t.toString(); // outside the fixed-width form: ISO, still readable
        char[] c = new char[16];
        four(c, 0, year);
        c[4] = '-';
        two(c, 5, t.getMonthValue());
        c[7] = '-';
        two(c, 8, t.getDayOfMonth());
        c[10] = ' ';
        two(c, 11, t.getHour());
        c[13] = ':';
        two(c, 14, t.getMinute());
        return new String(c);
    }

    private static void four(char[] c, int at, int v) {
        two(c, at, v / 100);
        two(c, at + 2, v % 100);
    }

    private static void two(char[] c, int at, int v) {
        c[at] = (char) ('0' + v / 10);
        c[at + 1] = (char) ('0' + v % 10);
    }
}
