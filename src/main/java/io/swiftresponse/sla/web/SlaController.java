package io.swiftresponse.sla.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.CurrentUsers;
import io.swiftresponse.identity.Role;
import io.swiftresponse.shared.web.Problem;
import io.swiftresponse.sla.DeadlineWatch;
import io.swiftresponse.sla.PolicyAdministration;
import io.swiftresponse.sla.PolicyDraft;
import io.swiftresponse.sla.TimeLimitPolicy;
import io.swiftresponse.workorder.DeadlineClock;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sla")
@Tag(name = "Time limits", description = "Versioned time-limit policies, their explanation, and the deadline watch")
class SlaController {

    private final PolicyAdministration administration;
    private final DeadlineWatch watch;
    private final CurrentUsers users;
    private final Clock clock;

    SlaController(PolicyAdministration administration, DeadlineWatch watch, CurrentUsers users, Clock clock) {
        this.administration = administration;
        this.watch = watch;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/policies")
    List<TimeLimitPolicy> policies() {
        return administration.all();
    }

    @PostMapping("/policies")
    @Operation(summary = "Add a policy version (admin); it applies to orders recorded from effectiveFrom on")
    ResponseEntity<TimeLimitPolicy> create(@Valid @RequestBody PolicyRequest body) {
        TimeLimitPolicy p = administration.create(body.toDraft(), users.current());
        return ResponseEntity.created(URI.create("/api/v1/sla/policies/" + p.id())).body(p);
    }

    @GetMapping("/policies/explain")
    @Operation(summary = "Which policy applies to a tier or category on a day, and why")
    PolicyAdministration.Explanation explain(@RequestParam(required = false) @Size(max = 16) String tierCode,
            @RequestParam(required = false) @Size(max = 16) String categoryCode, @RequestParam(required = false) LocalDate on) {
        return administration.explain(tierCode, categoryCode, on == null ? LocalDate.now(clock) : on);
    }

    @PostMapping("/scan")
    @Operation(summary = "Run the deadline watch now, or as of a given instant (supervisor, admin)")
    DeadlineWatch.Result scan(@RequestParam(required = false) OffsetDateTime at) {
        CurrentUser u = users.current();
        if (!(u.is(Role.SUPERVISOR) || u.is(Role.ADMIN))) throw Problem.forbidden("Only supervisors and admins run the watch.");
        return watch.scan(at == null ? clock.instant() : at.toInstant());
    }

    record LimitRequest(@Min(1) @Max(1440) int amount, @NotNull TimeLimitPolicy.Unit unit,
            @NotNull @Size(min = 1, max = 5) List<@NotNull @Size(max = 32) String> startsOn) {
    }

    record PolicyRequest(@NotNull @Size(max = 16) String tierCode, @Size(max = 16) String categoryCode,
            @NotNull LocalDate effectiveFrom, @Min(1) @Max(99) Integer warningPercent, @Min(1) @Max(720) Integer warningHoursBefore,
            @Min(1) @Max(720) Integer escalationHours, @Size(max = 200) String note,
            @NotNull Map<DeadlineClock, @Valid @NotNull LimitRequest> limits) {

        PolicyDraft toDraft() {
            Map<DeadlineClock, TimeLimitPolicy.Limit> l = new EnumMap<>(DeadlineClock.class);
            limits.forEach((c, r) -> l.put(c, new TimeLimitPolicy.Limit(r.amount(), r.unit(), new LinkedHashSet<>(r.startsOn()))));
            return new PolicyDraft(tierCode, categoryCode, effectiveFrom, warningPercent == null ? 80 : warningPercent,
                    warningHoursBefore, escalationHours == null ? 24 : escalationHours, note, l);
        }
    }
}
