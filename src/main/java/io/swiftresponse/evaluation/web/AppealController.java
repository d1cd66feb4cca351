package io.swiftresponse.evaluation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swiftresponse.evaluation.Appeals;
import io.swiftresponse.identity.CurrentUsers;
import io.swiftresponse.shared.web.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/evaluation")
@Tag(name = "Evaluation appeals", description = "Appeals (申诉) against callback results and orders declared invalid")
class AppealController {

    private final Appeals appeals;
    private final CurrentUsers users;

    AppealController(Appeals appeals, CurrentUsers users) {
        this.appeals = appeals;
        this.users = users;
    }

    record AppealRequest(@NotNull @Positive Long orderId, @NotBlank @Size(max = 500) String reason,
            @NotBlank @Size(max = 5000) String evidence) {
    }

    record DecisionRequest(@NotBlank @Size(max = 500) String note) {
    }

    record InvalidRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/appeals")
    @Operation(summary = "File an appeal against the scored callback result of an order your unit leads (handlers)")
    ResponseEntity<Appeals.Appeal> file(@Valid @RequestBody AppealRequest body) {
        Appeals.Appeal a = appeals.file(body.orderId(), body.reason().strip(), body.evidence().strip(), users.current());
        return ResponseEntity.created(URI.create("/api/v1/evaluation/appeals/" + a.id())).body(a);
    }

    @GetMapping("/appeals")
    @Operation(summary = "Appeals, newest first (handlers see their own unit's); status PENDING, ACCEPTED or REJECTED")
    List<Appeals.Appeal> list(@RequestParam(required = false) String status) {
        return appeals.list(status == null ? null : status(status), users.current());
    }

    @GetMapping("/appeals/{id}")
    Appeals.Appeal find(@PathVariable long id) {
        return appeals.find(id, users.current());
    }

    @PostMapping("/appeals/{id}/accept")
    @Operation(summary = "Accept an appeal: the order stops counting for the scores it fed (supervisors)")
    Appeals.Appeal accept(@PathVariable long id, @Valid @RequestBody DecisionRequest body) {
        return appeals.decide(id, true, body.note().strip(), users.current());
    }

    @PostMapping("/appeals/{id}/reject")
    @Operation(summary = "Reject an appeal: the result keeps counting (supervisors)")
    Appeals.Appeal reject(@PathVariable long id, @Valid @RequestBody DecisionRequest body) {
        return appeals.decide(id, false, body.note().strip(), users.current());
    }

    @PostMapping("/orders/{orderId}/invalid")
    @Operation(summary = "Declare an order invalid after review: it never counts in evaluation (supervisors)")
    Map<String, Object> invalid(@PathVariable long orderId, @Valid @RequestBody InvalidRequest body) {
        appeals.declareInvalid(orderId, body.reason().strip(), users.current());
        return Map.of("orderId", orderId, "exclusions", appeals.exclusionsOf(orderId));
    }

    @GetMapping("/orders/{orderId}")
    @Operation(summary = "An order's appeals and exclusions in evaluation (the audit trail)")
    Map<String, Object> order(@PathVariable long orderId) {
        List<Appeals.Appeal> mine = appeals.appealsOf(orderId).stream()
                .filter(a -> !users.current().isHandler() || a.unitCode().equals(users.current().unitCode())).toList();
        return Map.of("orderId", orderId, "appeals", mine,
                "exclusions", users.current().isHandler() && mine.isEmpty() ? List.of() : appeals.exclusionsOf(orderId));
    }

    private static Appeals.Status status(String s) {
        return Arrays.stream(Appeals.Status.values()).filter(v -> v.name().equals(s)).findFirst()
                .orElseThrow(() -> Problem.invalidField("status", "must be one of " + Arrays.toString(Appeals.Status.values())));
    }
}
