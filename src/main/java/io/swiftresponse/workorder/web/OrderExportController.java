package io.swiftresponse.workorder.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.CurrentUsers;
import io.swiftresponse.shared.web.Problem;
import io.swiftresponse.workorder.OrderFilter;
import io.swiftresponse.workorder.OrderPage;
import io.swiftresponse.workorder.OrderQueries;
import io.swiftresponse.workorder.OrderView;
import io.swiftresponse.workorder.WorkOrderState;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The order list as CSV or .xlsx, with the list's filters, scope and masking (the rows are the list's
 * {@link OrderView}s). Pages of {@value #PAGE} orders are read and written one after the other, so memory does not
 * grow with the export; the list is counted once and each page found by key after the previous one (no offset); the upper end is pinned to the start time so orders recorded meanwhile do not shift pages.
 */
@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Work orders")
class OrderExportController {

    static final int PAGE = 500;

    private final OrderQueries queries;
    private final CurrentUsers users;
    private final Clock clock;
    private final int maxRows;

    OrderExportController(OrderQueries queries, CurrentUsers users, Clock clock,
            @Value("${swift.orders.export-max-rows:100000}") int maxRows) {
        this.queries = queries;
        this.users = users;
        this.clock = clock;
        this.maxRows = maxRows;
    }

    @GetMapping("/export.csv")
    @Operation(summary = "The filtered order list as CSV (UTF-8 with BOM, RFC 4180), within your data scope and masked like the list")
    void csv(@RequestParam(required = false) WorkOrderState state,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9-]{1,32}", message = "must be a unit code") String unitCode,
            @RequestParam(required = false) @Pattern(regexp = "\\d{1,16}", message = "must be a category code (digits)") String categoryCode,
            @RequestParam(required = false) OffsetDateTime from, @RequestParam(required = false) OffsetDateTime to,
            @RequestParam(required = false) OrderView.DeadlineStatus deadlineStatus, HttpServletResponse response) throws IOException {
        export(OrderController.filter(state, unitCode, categoryCode, from, to, deadlineStatus), "csv", "text/csv;charset=UTF-8", response);
    }

    @GetMapping("/export.xlsx")
    @Operation(summary = "The filtered order list as an Excel workbook, within your data scope and masked like the list")
    void xlsx(@RequestParam(required = false) WorkOrderState state,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9-]{1,32}", message = "must be a unit code") String unitCode,
            @RequestParam(required = false) @Pattern(regexp = "\\d{1,16}", message = "must be a category code (digits)") String categoryCode,
            @RequestParam(required = false) OffsetDateTime from, @RequestParam(required = false) OffsetDateTime to,
            @RequestParam(required = false) OrderView.DeadlineStatus deadlineStatus, HttpServletResponse response) throws IOException {
        export(OrderController.filter(state, unitCode, categoryCode, from, to, deadlineStatus), "xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response);
    }

    private void export(OrderFilter asked, String ext, String type, HttpServletResponse response) throws IOException {
        CurrentUser viewer = users.current();
        Instant start = clock.instant();
        Instant to = asked.to() == null || asked.to().isAfter(start) ? start : asked.to();
        OrderFilter filter = new OrderFilter(asked.state(), asked.unitCode(), asked.categoryCode(), asked.from(), to, asked.deadlineStatus());
        OrderPage first = queries.list(filter, 0, PAGE, viewer);
        if (first.total() > maxRows) {
            throw Problem.invalidField("filter", "the export would hold " + first.total() + " orders, more than the " + maxRows
                    + " allowed; narrow it with from=, to=, state=, unitCode= or categoryCode=").with("rows", first.total())
                    .with("maxRows", maxRows);
        }
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("orders-" + start.atZone(clock.getZone()).toLocalDate() + "." + ext, StandardCharsets.UTF_8).build().toString());
        try (OrderExport.Sink sink = ext.equals("csv") ? OrderExport.csv(response.getOutputStream()) : OrderExport.xlsx(response.getOutputStream())) {
            // counted once (for the limit above); every later page continues after the last order written, by key
            List<OrderView> page = first.items();
            long written = 0;
            while (true) {
                for (OrderView o : page) sink.row(OrderExport.cells(o, clock.getZone()));
                written += page.size();
                if (page.size() < PAGE || written >= first.total()) break;
                page = queries.listAfter(filter, page.get(page.size() - 1), PAGE, viewer);
            }
        }
    }
}
