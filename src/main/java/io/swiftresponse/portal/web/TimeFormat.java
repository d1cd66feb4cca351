package io.swiftresponse.portal.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Times as people in the city read them (the city's zone), and "time left" for deadline lights; {@code ${fmt...}} in pages. */
@Component
public class TimeFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Clock clock;
    private final ZoneId zone;

    TimeFormat(Clock clock, @Value("${swift.city.zone:Asia/Shanghai}") String zone) {
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    /** "3h 20m" left, or "-1h 05m" when past; days for long spans. */
    public String left(Instant due) {
        if (due == null) return "";
        Duration d = Duration.between(clock.instant(), due);
        boolean past = d.isNegative();
        d = d.abs();
        boolean en = LocaleContextHolder.getLocale().getLanguage().equals(Locale.ENGLISH.getLanguage());
        String text;
        if (d.toDays() >= 1) {
            text = d.toDays() + (en ? "d " : "天") + d.toHoursPart() + (en ? "h" : "小时");
        } else {
            text = d.toHours() + (en ? "h " : "小时") + d.toMinutesPart() + (en ? "m" : "分");
        }
        return (past ? (en ? "overdue " : "已超时 ") : (en ? "" : "剩余 ")) + text + (past || !en ? "" : " left");
    }
}
