package io.swiftresponse.workorder;

import io.swiftresponse.taxonomy.Tier;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Placeholder deadlines from the time-limit tier, until working-day calendars and versioned policies
 * (the deadlines issue) replace this. Working days here are Monday to Friday without holidays, so every
 * deadline computed with them is marked provisional in its basis.
 */
final class ProvisionalDeadlines {

    static final String PROVISIONAL = "provisional: Monday–Friday without the official holiday calendar";

    private ProvisionalDeadlines() {
    }

    static Instant dispatchDue(Instant recordedAt, Tier tier) {
        return recordedAt.plus(Duration.ofHours(tier.dispatchHours()));
    }

    static Instant replyDue(Instant start, Tier tier, ZoneId zone) {
        if (tier.replyHours() != null) {
            return start.plus(Duration.ofHours(tier.replyHours()));
        }
        return addWorkingDays(start, tier.replyWorkingDays(), zone);
    }

    /**
     * Same time of day on the N-th following working day; a start on a non-working day counts from the
     * beginning of the next working day.
     */
    static Instant addWorkingDays(Instant start, int days, ZoneId zone) {
        ZonedDateTime t = start.atZone(zone);
        if (!working(t)) {
            t = t.toLocalDate().atStartOfDay(zone);
            while (!working(t)) {
                t = t.plusDays(1);
            }
        }
        int left = days;
        while (left > 0) {
            t = t.plusDays(1);
            if (working(t)) {
                left--;
            }
        }
        return t.toInstant();
    }

    static String basis(Tier tier) {
        String reply = tier.replyHours() != null ? tier.replyHours() + " h" : tier.replyWorkingDays() + " working days";
        return "tier " + tier.code() + " (" + tier.nameZh() + "): dispatch " + tier.dispatchHours() + " h, reply " + reply
                + "; " + PROVISIONAL;
    }

    private static boolean working(ZonedDateTime t) {
        DayOfWeek d = t.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }
}
