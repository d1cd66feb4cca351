package io.swiftresponse.workorder.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swiftresponse.identity.CurrentUsers;
import io.swiftresponse.identity.PersonalDataAudit;
import io.swiftresponse.shared.web.Problem;
import io.swiftresponse.workorder.HistoryEntry;
import io.swiftresponse.workorder.OrderAction;
import io.swiftresponse.workorder.OrderFilter;
import io.swiftresponse.workorder.OrderPage;
import io.swiftresponse.workorder.OrderQueries;
import io.swiftresponse.workorder.OrderView;
import io.swiftresponse.workorder.WorkOrderState;
import io.swiftresponse.workorder.WorkOrders;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Work orders", description = "Record orders and walk them through their lifecycle")
class OrderController {

    private final WorkOrders workOrders;
    private final OrderQueries queries;
    private final CurrentUsers users;

    OrderController(WorkOrders workOrders, OrderQueries queries, CurrentUsers users) {
        this.workOrders = workOrders;
        this.queries = queries;
        this.users = users;
    }

    @PostMapping
    @Operation(summary = "Record a new order (state RECEIVED)")
    ResponseEntity<OrderView> record(@Valid @RequestBody NewOrderRequest body) {
        OrderView view = workOrders.record(body.toCommand(), users.current());
        return ResponseEntity.created(URI.create("/api/v1/orders/" + view.id())).body(view);
    }

    @GetMapping("/{id}")
    OrderView find(@PathVariable long id) {
        return queries.find(id, users.current());
    }

    @GetMapping
    @Operation(summary = "List orders in your data scope, newest first")
    OrderPage list(@RequestParam(required = false) WorkOrderState state,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9-]{1,32}", message = "must be a unit code") String unitCode,
            @RequestParam(required = false) @Pattern(regexp = "\\d{1,16}", message = "must be a category code (digits)")
            String categoryCode,
            @Parameter(description = "ISO-8601 date-time with offset, inclusive") @RequestParam(required = false) OffsetDateTime from,
            @Parameter(description = "ISO-8601 date-time with offset, exclusive") @RequestParam(required = false) OffsetDateTime to,
            @Parameter(description = "ON_TIME, WARNING or OVERDUE") @RequestParam(required = false) OrderView.DeadlineStatus deadlineStatus,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return queries.list(filter(state, unitCode, categoryCode, from, to, deadlineStatus), page, size, users.current());
    }

    /** The list's filters, validated; the order exports use the same. */
    static OrderFilter filter(WorkOrderState state, String unitCode, String categoryCode, OffsetDateTime from, OffsetDateTime to,
            OrderView.DeadlineStatus deadlineStatus) {
        requireSaneYear(from, "from");
        requireSaneYear(to, "to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw Problem.invalidField("to", "must be after 'from'");
        }
        return new OrderFilter(state, unitCode, categoryCode, from == null ? null : from.toInstant(),
                to == null ? null : to.toInstant(), deadlineStatus);
    }

    /** PostgreSQL timestamps cover 4713 BC to 294276 AD; no order lies outside 1900–9999 anyway. */
    private static void requireSaneYear(OffsetDateTime t, String field) {
        if (t != null && (t.getYear() < 1900 || t.getYear() > 9999)) {
            throw Problem.invalidField(field, "the year must be between 1900 and 9999");
        }
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "The append-only history of an order")
    List<HistoryEntry> history(@PathVariable long id) {
        return queries.history(id, users.current());
    }

    @PostMapping("/{id}/actions/{action}")
    @Operation(summary = "Take an action: answer, transfer-emergency, refer, merge, submit, dispatch, sign, request-return, "
            + "approve-return, reject-return, contact, request-extension, approve-extension, reject-extension, reply, "
            + "approve-reply, reject-reply, record-callback, close, reopen, supervise")
    OrderView act(@PathVariable long id, @PathVariable String action, @Valid @RequestBody(required = false) ActionRequest body) {
        OrderAction a = OrderAction.fromSlug(action).orElseThrow(() -> Problem.invalidField("action", "unknown action '"
                + action + "'; one of " + Arrays.stream(OrderAction.values()).map(OrderAction::slug).toList()));
        return workOrders.act(id, a, body == null ? null : body.toInput(), users.current());
    }

    @PostMapping("/{id}/requester/reveal")
    @Operation(summary = "Reveal the requester's full phone number (audited)")
    OrderQueries.Revealed reveal(@PathVariable long id, @Valid @RequestBody RevealRequest body) {
        return queries.reveal(id, body.purpose().strip(), users.current());
    }

    @GetMapping("/{id}/requester/reveals")
    @Operation(summary = "Who revealed this requester's personal data, when and why")
    List<PersonalDataAudit.Access> reveals(@PathVariable long id) {
        return queries.reveals(id, users.current());
    }

    record RevealRequest(@NotBlank @Size(max = 200) String purpose) {
    }
}
