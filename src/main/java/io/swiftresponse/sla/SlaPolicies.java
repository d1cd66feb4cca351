package io.swiftresponse.sla;

import io.swiftresponse.calendar.WorkingCalendar;
import io.swiftresponse.workorder.DeadlineClock;
import io.swiftresponse.workorder.DeadlinePolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Deadlines from versioned time-limit policies on the official working-day calendar. Policies are held
 * in memory (a few dozen rows) and every computation answers with a sentence that explains it.
 */
@Service
class SlaPolicies implements DeadlinePolicy {


    private final PolicyRepository repository;
    private final WorkingCalendar calendar;
    private final ZoneId zone;
    private volatile Loaded loaded;

    /** The policies and each one's {@code describe()}, built once per load (it is part of every basis sentence). */
    private record Loaded(Map<Long, TimeLimitPolicy> byId, Map<Long, String> described) {
    }

    SlaPolicies(PolicyRepository repository, WorkingCalendar calendar, Clock clock) {
        this.repository = repository;
        this.calendar = calendar;
        this.zone = clock.getZone();
    }

    @Override
    public Applied select(String tierCode, String categoryCode, Instant recordedAt) {
        TimeLimitPolicy p = inForce(tierCode, categoryCode, recordedAt.atZone(zone).toLocalDate())
                .orElseThrow(() -> new IllegalStateException("no time-limit policy for tier " + tierCode + " in force at " + recordedAt));
        return new Applied(p.id(), p.describe());
    }

    /** The category's own policy wins over the tier's; among versions, the latest in force on that day. */
    Optional<TimeLimitPolicy> inForce(String tierCode, String categoryCode, LocalDate day) {
        return policies().values().stream()
                .filter(p -> p.tierCode().equals(tierCode))
                .filter(p -> p.categoryCode() == null || p.categoryCode().equals(categoryCode))
                .filter(p -> !p.effectiveFrom().isAfter(day))
                .max(Comparator.comparing((TimeLimitPolicy p) -> p.categoryCode() != null)
                        .thenComparing(TimeLimitPolicy::effectiveFrom)
                        .thenComparing(TimeLimitPolicy::id));
    }

    @Override
    public Set<DeadlineClock> startedBy(long policyId, String event) {
        Set<DeadlineClock> clocks = EnumSet.noneOf(DeadlineClock.class);
        policy(policyId).limits().forEach((clock, limit) -> {
            if (limit.startsOn().contains(event)) clocks.add(clock);
        });
        return clocks;
    }

    @Override
    public Due due(long policyId, DeadlineClock clock, Instant start) {
        TimeLimitPolicy p = policy(policyId);
        TimeLimitPolicy.Limit limit = limit(p, clock);
        WorkingCalendar.Deadline d = limit.unit() == TimeLimitPolicy.Unit.HOURS
                ? calendar.addHours(start, limit.amount())
                : calendar.addWorkingDays(start, limit.amount(), zone);
        String basis = clock + ": " + limit.describe() + " from " + ShownTime.of(start, zone) + " under " + loaded.described().get(p.id())
                + calendarNote(limit, d.provisional());
        return new Due(d.at(), warnAt(p, start, d.at()), escalateAt(p, d.at()), d.provisional(), basis);
    }

    @Override
    public Due extend(long policyId, DeadlineClock clock, Instant start, Instant currentDue, int workingDays) {
        TimeLimitPolicy p = policy(policyId);
        WorkingCalendar.Deadline d = calendar.addWorkingDays(currentDue, workingDays, zone);
        Due original = due(policyId, clock, start);
        String basis = original.basis() + "; extended by " + workingDays + " working days from " + ShownTime.of(currentDue, zone)
                + (d.provisional() ? " (provisional: a year without an official calendar)" : "");
        return new Due(d.at(), warnAt(p, start, d.at()), escalateAt(p, d.at()), d.provisional() || original.provisional(), basis);
    }

    @Override
    public Due shift(long policyId, DeadlineClock clock, Instant start, Instant currentDue, Instant pausedAt, Instant resumedAt) {
        TimeLimitPolicy p = policy(policyId);
        TimeLimitPolicy.Limit limit = limit(p, clock);
        Instant moved;
        if (limit.unit() == TimeLimitPolicy.Unit.HOURS) {
            moved = currentDue.plus(Duration.between(pausedAt, resumedAt));
        } else {
            // only working time spent waiting is given back, so a pause over a weekend adds nothing for it
            moved = WorkingTime.advance(calendar, currentDue, calendar.workingMillisBetween(pausedAt, resumedAt, zone), zone);
        }
        String basis = due(policyId, clock, start).basis() + "; paused " + ShownTime.of(pausedAt, zone) + " – "
                + ShownTime.of(resumedAt, zone) + " while waiting for the requester";
        boolean provisional = !calendar.hasYear(moved.atZone(zone).getYear());
        return new Due(moved, warnAt(p, start, moved), escalateAt(p, moved), provisional, basis);
    }

    List<TimeLimitPolicy> all() {
        return policies().values().stream().sorted(Comparator.comparing(TimeLimitPolicy::id)).toList();
    }

    Optional<TimeLimitPolicy> find(long id) {
        return Optional.ofNullable(policies().get(id));
    }

    synchronized void reload() {
        load(repository.all());
    }

    /** Swaps in a new set of policies at once (also what the computation benchmark uses, without a database). */
    void load(Collection<TimeLimitPolicy> policies) {
        loaded = new Loaded(policies.stream().collect(Collectors.toUnmodifiableMap(TimeLimitPolicy::id, p -> p)),
                policies.stream().collect(Collectors.toUnmodifiableMap(TimeLimitPolicy::id, TimeLimitPolicy::describe)));
    }

    private static Instant escalateAt(TimeLimitPolicy p, Instant due) {
        return due.plus(Duration.ofHours(p.escalationHours()));
    }

    private Instant warnAt(TimeLimitPolicy p, Instant start, Instant due) {
        if (p.warningHoursBefore() != null) {
            Instant w = due.minus(Duration.ofHours(p.warningHoursBefore()));
            return w.isBefore(start) ? start : w;
        }
        long span = Duration.between(start, due).toMillis();
        return start.plusMillis(span * p.warningPercent() / 100);
    }

    private static String calendarNote(TimeLimitPolicy.Limit limit, boolean provisional) {
        if (limit.unit() == TimeLimitPolicy.Unit.HOURS) return "; clock hours (7×24)";
        return provisional ? "; PROVISIONAL: it reaches a year with no official calendar, Monday–Friday assumed"
                : "; on the official working-day calendar";
    }

    private TimeLimitPolicy.Limit limit(TimeLimitPolicy p, DeadlineClock clock) {
        TimeLimitPolicy.Limit l = p.limits().get(clock);
        if (l == null) throw new IllegalStateException(p.describe() + " has no limit for clock " + clock);
        return l;
    }

    private TimeLimitPolicy policy(long id) {
        TimeLimitPolicy p = policies().get(id);
        if (p == null) {
            reload();
            p = policies().get(id);
        }
        if (p == null) throw new IllegalStateException("unknown time-limit policy " + id);
        return p;
    }

    private Map<Long, TimeLimitPolicy> policies() {
        if (loaded == null) reload();
        return loaded.byId();
    }
}
