package io.swiftresponse.calendar;

import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.Role;
import io.swiftresponse.shared.web.Problem;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replacing a year's calendar: administrators only, validated whole before anything is written, logged with what
 * was added and removed, and visible to {@link WorkingCalendar} as soon as it is committed.
 */
@Service
public class CalendarAdministration {

    private final CalendarRepository repository;
    private final WorkingCalendar calendar;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CalendarAdministration(CalendarRepository repository, WorkingCalendar calendar, TransactionTemplate tx,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.calendar = calendar;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Replaces the year's listed days, working hours and source. Writes nothing when it fails, and nothing either
     * (no log entry) when the submission equals what is stored, so repeating a PUT is harmless.
     */
    public CalendarYear replace(int year, YearInput input, CurrentUser by) {
        if (!by.is(Role.ADMIN)) {
            throw Problem.forbidden("Only an administrator may change working-day calendars.");
        }
        List<CalendarDay> days = CalendarValidator.validate(year, input);
        String source = input.source() == null || input.source().isBlank() ? null : input.source().strip();
        WorkingHours hours = input.workingHours();
        boolean changed = Boolean.TRUE.equals(tx.execute(status -> {
            repository.lockForChange();
            Optional<CalendarYear> before = repository.load(year);
            CalendarChange.Summary summary = diff(before, days, hours, source);
            if (before.isPresent() && summary.isEmpty()) {
                return false;
            }
            Instant now = clock.instant();
            repository.replace(year, days, hours, source, by.username(), now);
            repository.appendChange(year, by.username(), now, summary);
            events.publishEvent(new CalendarChanged(year, by.username(), now));
            return true;
        }));
        if (changed) {
            calendar.reload();
        }
        return calendar.year(year).orElseThrow();
    }

    /** The year's change log, oldest first. */
    public List<CalendarChange> changes(int year) {
        return repository.changes(year);
    }

    static CalendarChange.Summary diff(Optional<CalendarYear> before, List<CalendarDay> after, WorkingHours hours, String source) {
        List<CalendarDay> old = before.map(CalendarYear::days).orElse(List.of());
        Set<CalendarDay> oldSet = new HashSet<>(old);
        Set<CalendarDay> newSet = new HashSet<>(after);
        List<CalendarDay> added = after.stream().filter(d -> !oldSet.contains(d)).toList();
        List<CalendarDay> removed = old.stream().filter(d -> !newSet.contains(d)).toList();
        WorkingHours oldHours = before.map(CalendarYear::workingHours).orElse(null);
        String oldSource = before.map(CalendarYear::source).orElse(null);
        return new CalendarChange.Summary(added, removed,
                Objects.equals(oldHours, hours) ? null : new CalendarChange.Change<>(oldHours, hours),
                Objects.equals(oldSource, source) ? null : new CalendarChange.Change<>(oldSource, source));
    }
}
