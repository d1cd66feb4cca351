package io.swiftresponse.search.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swiftresponse.identity.CurrentUsers;
import io.swiftresponse.search.OrderSearch;
import io.swiftresponse.search.OrderSearchRequest;
import io.swiftresponse.search.OrderSearchResult;
import io.swiftresponse.shared.web.Problem;
import io.swiftresponse.workorder.OrderView;
import io.swiftresponse.workorder.WorkOrderState;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.OffsetDateTime;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Order search", description = "Find orders by what they say, with the order list's filters")
class OrderSearchController {

    private static final String CODE = "[A-Za-z0-9-]{1,32}";

    private final OrderSearch search;
    private final CurrentUsers users;

    OrderSearchController(OrderSearch search, CurrentUsers users) {
        this.search = search;
        this.users = users;
    }

    @GetMapping("/search")
    @Operation(summary = "Full-text search in titles, descriptions, replies and notes, within your data scope",
            description = "Chinese words are segmented (暖气不热 finds 暖气 and 不热) and a few synonyms expanded (暖气 = 供暖). "
                    + "Syntax: \"exact phrase\", -exclude, OR, title:/description:/notes:. Without q: the filtered list, newest first.")
    OrderSearchResult search(
            @Parameter(description = "search text, at most 200 characters") @RequestParam(required = false) String q,
            @RequestParam(required = false) WorkOrderState state,
            @Parameter(description = "category code of any level; matches its subtree")
            @RequestParam(required = false) @Pattern(regexp = "\\d{1,16}", message = "must be a category code (digits)") String categoryCode,
            @Parameter(description = "lead unit, co-unit or copy unit (like the order list)")
            @RequestParam(required = false) @Pattern(regexp = CODE, message = "must be a unit code") String unitCode,
            @Parameter(description = "lead unit only")
            @RequestParam(required = false) @Pattern(regexp = CODE, message = "must be a unit code") String leadUnitCode,
            @RequestParam(required = false) @Pattern(regexp = CODE, message = "must be a district code") String districtCode,
            @RequestParam(required = false) @Pattern(regexp = CODE, message = "must be a street code") String streetCode,
            @Parameter(description = "ISO-8601 date-time with offset, inclusive") @RequestParam(required = false) OffsetDateTime from,
            @Parameter(description = "ISO-8601 date-time with offset, exclusive") @RequestParam(required = false) OffsetDateTime to,
            @Parameter(description = "ON_TIME, WARNING or OVERDUE") @RequestParam(required = false) OrderView.DeadlineStatus deadlineStatus,
            @Parameter(description = "RELEVANCE (default with q) or NEWEST") @RequestParam(required = false) OrderSearchRequest.Order sort,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        saneYear(from, "from");
        saneYear(to, "to");
        String text = q == null || q.isBlank() ? null : q.strip();
        OrderSearchRequest request = new OrderSearchRequest(text, state, categoryCode, unitCode, leadUnitCode, districtCode,
                streetCode, from == null ? null : from.toInstant(), to == null ? null : to.toInstant(), deadlineStatus, sort,
                page, size);
        return search.search(request, users.current());
    }

    private static void saneYear(OffsetDateTime t, String field) {
        if (t != null && (t.getYear() < 1900 || t.getYear() > 9999)) {
            throw Problem.invalidField(field, "the year must be between 1900 and 9999");
        }
    }
}
