package io.swiftresponse.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The official 2025 and 2026 calendars, in memory, without Spring or a database. */
class WorkingCalendarTests {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final Duration DAY = Duration.ofHours(24);

    final List<CalendarYear> years = new ArrayList<>(List.of(OfficialCalendars.y2025(), OfficialCalendars.y2026()));
    final WorkingCalendar calendar = new WorkingCalendar(() -> years,
            Clock.fixed(at("2026-06-01T09:00"), BEIJING));

    @Test
    void makeUpWeekendsAreWorkingDaysAndHolidayWeekdaysAreNot() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-14"))).as("Sat, Spring Festival make-up").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-04"))).as("Sun, New Year make-up").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).as("Sat, National Day make-up").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-07"))).as("Wed, National Day").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-06-19"))).as("Fri, Dragon Boat").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-08"))).as("Thu after National Day").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-28"))).as("an ordinary Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-30"))).as("an ordinary Monday").isTrue();
    }

    @Test
    void aWorkingDayBeforeNationalDayRunsToTheSameTimeAfterIt() {
        assertThat(calendar.addWorkingDays(at("2026-09-30T15:00"), 1, BEIJING))
                .isEqualTo(new WorkingCalendar.Deadline(at("2026-10-08T15:00"), false));
    }

    @Test
    void aMakeUpSaturdayCountsAsTheNextWorkingDay() {
        assertThat(calendar.addWorkingDays(at("2026-02-13T10:00"), 1, BEIJING).at()).isEqualTo(at("2026-02-14T10:00"));
        assertThat(calendar.addWorkingDays(at("2026-02-13T10:00"), 2, BEIJING).at()).as("over the Spring Festival")
                .isEqualTo(at("2026-02-24T10:00"));
    }

    @Test
    void aStartOnANonWorkingDayCountsFromMidnightOfTheNextWorkingDay() {
        assertThat(calendar.addWorkingDays(at("2026-11-28T10:00"), 1, BEIJING).at()).isEqualTo(at("2026-12-01T00:00"));
        assertThat(calendar.addWorkingDays(at("2026-11-28T10:00"), 0, BEIJING).at()).isEqualTo(at("2026-11-30T00:00"));
        assertThat(calendar.addWorkingDays(at("2026-10-03T22:00"), 1, BEIJING).at()).as("inside National Day")
                .isEqualTo(at("2026-10-09T00:00"));
    }

    @Test
    void zeroWorkingDaysFromAWorkingDayIsTheStartItself() {
        assertThat(calendar.addWorkingDays(at("2026-03-04T11:30"), 0, BEIJING).at()).isEqualTo(at("2026-03-04T11:30"));
    }

    @Test
    void sevenWorkingDaysAcrossMidAutumnUseTheSundayMakeUpDay() {
        // Fri 18 Sep + 7: Sun 20 (make-up), 21-24, then Mid-Autumn 25-27 off, Mon 28, Tue 29
        assertThat(calendar.addWorkingDays(at("2026-09-18T09:00"), 7, BEIJING).at()).isEqualTo(at("2026-09-29T09:00"));
    }

    @Test
    void springFestival2025() {
        assertThat(calendar.addWorkingDays(at("2025-01-24T10:00"), 1, BEIJING).at()).as("Sun 26 Jan is worked")
                .isEqualTo(at("2025-01-26T10:00"));
        assertThat(calendar.addWorkingDays(at("2025-01-24T10:00"), 3, BEIJING).at()).isEqualTo(at("2025-02-05T10:00"));
        assertThat(calendar.addWorkingDays(at("2025-01-28T09:00"), 1, BEIJING).at()).as("start inside the festival")
                .isEqualTo(at("2025-02-06T00:00"));
        assertThat(calendar.addWorkingDays(at("2025-02-07T16:00"), 1, BEIJING).at()).as("Sat 8 Feb is worked")
                .isEqualTo(at("2025-02-08T16:00"));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-02-04"))).isFalse();
    }

    @Test
    void crossingIntoAYearWithoutACalendarIsProvisional() {
        WorkingCalendar.Deadline d = calendar.addWorkingDays(at("2026-12-31T10:00"), 1, BEIJING);
        assertThat(d.at()).isEqualTo(at("2027-01-01T10:00"));
        assertThat(d.provisional()).isTrue();
        assertThat(calendar.addWorkingDays(at("2026-12-28T10:00"), 3, BEIJING).provisional()).isFalse();
        assertThat(calendar.addWorkingDays(at("2024-12-31T10:00"), 0, BEIJING).provisional()).as("start in 2024").isTrue();
        assertThat(calendar.hasYear(2026)).isTrue();
        assertThat(calendar.hasYear(2027)).isFalse();
    }

    @Test
    void clockHoursIgnoreTheCalendarAndAreNeverProvisional() {
        assertThat(calendar.addHours(at("2026-10-01T08:00"), 24))
                .isEqualTo(new WorkingCalendar.Deadline(at("2026-10-02T08:00"), false));
        assertThat(calendar.addHours(at("2027-01-01T08:00"), 2).provisional()).isFalse();
    }

    @Test
    void refusesNegativeAmounts() {
        assertThatThrownBy(() -> calendar.addWorkingDays(at("2026-03-04T11:30"), -1, BEIJING))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.addHours(at("2026-03-04T11:30"), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workingTimeCountsOnlyWorkingDays() {
        assertThat(calendar.workingMillisBetween(at("2026-09-30T15:00"), at("2026-10-08T15:00"), BEIJING))
                .isEqualTo(DAY.toMillis());
        assertThat(calendar.workingMillisBetween(at("2026-11-27T12:00"), at("2026-11-30T12:00"), BEIJING))
                .as("over an ordinary weekend").isEqualTo(DAY.toMillis());
        assertThat(calendar.workingMillisBetween(at("2026-02-14T08:00"), at("2026-02-14T10:00"), BEIJING))
                .as("on a make-up Saturday").isEqualTo(Duration.ofHours(2).toMillis());
        assertThat(calendar.workingMillisBetween(at("2026-10-02T08:00"), at("2026-10-03T10:00"), BEIJING)).isZero();
        assertThat(calendar.workingMillisBetween(at("2026-10-09T00:00"), at("2026-10-08T00:00"), BEIJING)).as("reversed").isZero();
    }

    @Test
    void workingTimeToADeadlineIsExactlyItsWorkingDays() {
        // every hour of 2025 and 2026 as a start, so warnings at a percentage of the allowed time are plain ratios
        for (Instant start = at("2025-01-01T00:00"); start.isBefore(at("2026-12-20T00:00")); start = start.plus(Duration.ofHours(5))) {
            for (int days : new int[] {0, 1, 3, 7, 15}) {
                Instant due = calendar.addWorkingDays(start, days, BEIJING).at();
                assertThat(calendar.workingMillisBetween(start, due, BEIJING)).as(start + " + " + days).isEqualTo(DAY.toMillis() * days);
            }
        }
    }

    @Test
    void explainsEachAnswer() {
        assertThat(calendar.explain(LocalDate.parse("2026-10-05")).reason()).isEqualTo("holiday 国庆节");
        assertThat(calendar.explain(LocalDate.parse("2026-10-10")))
                .isEqualTo(new WorkingDayAnswer(LocalDate.parse("2026-10-10"), true, false, "make-up working day"));
        assertThat(calendar.explain(LocalDate.parse("2026-11-28")).reason()).isEqualTo("weekend");
        assertThat(calendar.explain(LocalDate.parse("2026-10-08")).reason()).isEqualTo("weekday");
        assertThat(calendar.explain(LocalDate.parse("2027-01-04")))
                .isEqualTo(new WorkingDayAnswer(LocalDate.parse("2027-01-04"), true, true,
                        "no calendar for 2027: Monday–Friday assumed (provisional)"));
    }

    @Test
    void listsLoadedYearsAndFlagsNextYearWhenMissing() {
        assertThat(calendar.years()).extracting(CalendarYearView::year, CalendarYearView::provisional, CalendarYearView::holidays,
                        CalendarYearView::workdays)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2025, false, 28, 5),
                        org.assertj.core.groups.Tuple.tuple(2026, false, 33, 6),
                        org.assertj.core.groups.Tuple.tuple(2027, true, 0, 0));
    }

    @Test
    void reloadPicksUpANewYear() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).as("Friday, assumed working").isTrue();
        years.add(new CalendarYear(2027, null, null, "test", Instant.EPOCH,
                List.of(new CalendarDay(LocalDate.parse("2027-01-01"), DayKind.HOLIDAY, "元旦"))));
        calendar.reload();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse();
        assertThat(calendar.addWorkingDays(at("2026-12-31T10:00"), 1, BEIJING))
                .isEqualTo(new WorkingCalendar.Deadline(at("2027-01-04T10:00"), false));
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BEIJING).toInstant();
    }
}
