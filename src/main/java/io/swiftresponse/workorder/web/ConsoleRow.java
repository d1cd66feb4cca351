package io.swiftresponse.workorder.web;

import io.swiftresponse.workorder.OrderView;
import java.time.Instant;

/**
 * One row of the dispatch console with what its inline decision form needs: the lead unit the dispatch catalogue
 * suggests (prefilled), the district that would get the copy, the returning unit's reason, the values the
 * dispatcher typed and the problem when the server refused them. {@code kind} is {@code dispatch},
 * {@code return} or {@code null} (no inline form: the row links to the order page).
 */
record ConsoleRow(OrderView order, Instant nextDue, String kind, String lead, String copy, String returnReason,
        String coUnits, String reason, String error) {

    static final String DISPATCH = "dispatch";
    static final String RETURN = "return";

    static ConsoleRow plain(InboxController.Row r) {
        return new ConsoleRow(r.order(), r.nextDue(), null, null, null, null, null, null, null);
    }

    ConsoleRow withInput(String lead, String copy, String coUnits, String reason) {
        return new ConsoleRow(order, nextDue, kind, lead, copy, returnReason, coUnits, reason, error);
    }

    ConsoleRow withError(String message) {
        return new ConsoleRow(order, nextDue, kind, lead, copy, returnReason, coUnits, reason, message);
    }
}
