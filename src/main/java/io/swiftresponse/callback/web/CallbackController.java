package io.swiftresponse.callback.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swiftresponse.callback.CallbackDesk;
import io.swiftresponse.callback.CallbackLinks;
import io.swiftresponse.callback.RehandlingPolicies;
import io.swiftresponse.callback.RehandlingPolicy;
import io.swiftresponse.identity.CurrentUsers;
import io.swiftresponse.workorder.ActionInput;
import io.swiftresponse.workorder.CallbackQueries;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/callbacks")
@Tag(name = "Callbacks", description = "The callback queue, recording results, citizens' answer links, the re-handling policy")
class CallbackController {

    private final CallbackDesk desk;
    private final CallbackLinks links;
    private final RehandlingPolicies policies;
    private final CurrentUsers users;
    private final Clock clock;

    CallbackController(CallbackDesk desk, CallbackLinks links, RehandlingPolicies policies, CurrentUsers users, Clock clock) {
        this.desk = desk;
        this.links = links;
        this.policies = policies;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/queue")
    @Operation(summary = "Orders awaiting callback, overdue and soonest callback deadline first (agents, dispatchers, supervisors)")
    CallbackQueries.Page queue(@RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9-]{1,32}", message = "must be a unit code") String unitCode,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9-]{1,32}", message = "must be a unit code") String districtCode,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return desk.queue(new CallbackQueries.Filter(overdue, unitCode, districtCode), page, size, users.current());
    }

    @PostMapping("/{orderId}")
    @Operation(summary = "Record a callback result; the re-handling policy's follow-up is applied in the same transaction")
    CallbackDesk.Recorded record(@PathVariable long orderId, @Valid @RequestBody ResultRequest body) {
        return desk.record(orderId, body.toInput(), users.current());
    }

    @PostMapping("/{orderId}/links")
    @Operation(summary = "A signed, expiring, single-use link for the requester to answer the callback themselves")
    ResponseEntity<CallbackLinks.Issued> link(@PathVariable long orderId) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        CallbackLinks.Issued issued = links.issue(orderId, base, users.current());
        return ResponseEntity.created(URI.create(issued.url())).body(issued);
    }

    @GetMapping("/policies")
    @Operation(summary = "Every version of the re-handling policy, oldest first")
    List<RehandlingPolicy> policies() {
        return policies.all();
    }

    @PostMapping("/policies")
    @Operation(summary = "Add a re-handling policy version (admin), in force from effectiveFrom (today or later)")
    ResponseEntity<RehandlingPolicy> createPolicy(@Valid @RequestBody PolicyRequest body) {
        RehandlingPolicy p = policies.create(body.toDraft(), users.current());
        return ResponseEntity.created(URI.create("/api/v1/callbacks/policies/" + p.id())).body(p);
    }

    @GetMapping("/policies/explain")
    @Operation(summary = "What the policy in force on a day does with these answers, and why")
    RehandlingPolicies.Explanation explain(@RequestParam ActionInput.Solved solved,
            @RequestParam ActionInput.Satisfaction satisfaction,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100) int rehandles,
            @RequestParam(required = false) LocalDate on) {
        return policies.explain(solved, satisfaction, rehandles, on == null ? LocalDate.now(clock) : on);
    }

    /** The requester's answers; {@code contacted}, {@code solved} and {@code satisfaction} are required when reached. */
    record ResultRequest(@NotNull Boolean reached, Boolean contacted, ActionInput.Solved solved,
            ActionInput.Satisfaction satisfaction, @Size(max = 2000) String comment, @PositiveOrZero Integer expectedVersion) {

        ActionInput toInput() {
            String note = comment == null || comment.isBlank() ? null : comment.strip();
            return new ActionInput(expectedVersion, null, note, null, null, null, null, null, null, null, reached, contacted,
                    solved, satisfaction);
        }
    }

    record PolicyRequest(@NotNull LocalDate effectiveFrom, @NotNull RehandlingPolicy.FollowUp onSolvedNo,
            @NotNull RehandlingPolicy.FollowUp onSolvedPartly, @NotNull RehandlingPolicy.FollowUp onDissatisfied,
            @NotNull @Min(0) @Max(10) Integer maxRehandles, @Size(max = 200) String note) {

        RehandlingPolicy.Draft toDraft() {
            return new RehandlingPolicy.Draft(effectiveFrom, onSolvedNo, onSolvedPartly, onDissatisfied, maxRehandles,
                    note == null || note.isBlank() ? null : note.strip());
        }
    }
}
