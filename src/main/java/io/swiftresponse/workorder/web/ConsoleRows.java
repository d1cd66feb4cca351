package io.swiftresponse.workorder.web;

import io.swiftresponse.directory.Directory;
import io.swiftresponse.directory.Unit;
import io.swiftresponse.directory.UnitType;
import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.taxonomy.Taxonomy;
import io.swiftresponse.workorder.HistoryEntry;
import io.swiftresponse.workorder.OrderAction;
import io.swiftresponse.workorder.OrderQueries;
import io.swiftresponse.workorder.OrderView;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Builds the console's rows with their inline decision: an order the viewer may dispatch now gets the dispatch
 * form with the catalogue's lead unit, one with a return objection the approve/reject form with the unit's reason.
 */
@Component
class ConsoleRows {

    /** "东华门街道 (110101001)", as the unit list shows it, or a bare code. */
    private static final Pattern NAME_AND_CODE = Pattern.compile(".*\\(([^()]+)\\)\\s*$");

    private final OrderQueries queries;
    private final Directory directory;
    private final Taxonomy taxonomy;

    ConsoleRows(OrderQueries queries, Directory directory, Taxonomy taxonomy) {
        this.queries = queries;
        this.directory = directory;
        this.taxonomy = taxonomy;
    }

    ConsoleRow of(OrderView order, CurrentUser me) {
        InboxController.Row r = InboxController.Row.of(order);
        if (ActionForms.allowed(order, me, OrderAction.DISPATCH)) {
            String lead = UnitSuggestion.leadFor(order, taxonomy);
            String shown = lead == null ? null : directory.find(lead).map(ConsoleRows::label).orElse(lead);
            return new ConsoleRow(order, r.nextDue(), ConsoleRow.DISPATCH, shown, lead == null ? null : copyOf(lead), null, null,
                    null, null);
        }
        if (ActionForms.allowed(order, me, OrderAction.APPROVE_RETURN)) {
            return new ConsoleRow(order, r.nextDue(), ConsoleRow.RETURN, null, null, returnReason(order.id(), me), null, null, null);
        }
        return ConsoleRow.plain(r);
    }

    ConsoleRow of(long id, CurrentUser me) {
        return of(queries.find(id, me), me);
    }

    /** The district that gets a copy when {@code leadCode} leads: a street's district, else none. */
    String copyOf(String leadCode) {
        return directory.find(leadCode).filter(u -> u.type() == UnitType.STREET)
                .flatMap(u -> directory.find(u.parentCode())).map(ConsoleRows::label).orElse(null);
    }

    /** A unit the dispatcher typed: its code, "name (code)" from the list, or its exact name; else the text as typed. */
    String unitCode(String typed) {
        if (typed == null || typed.isBlank()) return null;
        String s = typed.strip();
        Matcher m = NAME_AND_CODE.matcher(s);
        if (m.matches() && directory.find(m.group(1).strip()).isPresent()) return m.group(1).strip();
        if (directory.find(s).isPresent()) return s;
        return directory.all().stream().filter(u -> u.name().equals(s)).map(Unit::code).findFirst().orElse(s);
    }

    /** Co-units typed into one field, separated by commas, 、, semicolons or spaces
     * (a space before "(" belongs to "name (code)"). */
    List<String> unitCodes(String typed) {
        if (typed == null || typed.isBlank()) return null;
        return java.util.Arrays.stream(typed.split("[,，、;；]+|\\s+(?![(（])")).filter(t -> !t.isBlank()).map(this::unitCode).toList();
    }

    static String label(Unit u) {
        return u.name() + " (" + u.code() + ")";
    }

    private String returnReason(long id, CurrentUser me) {
        List<HistoryEntry> history = queries.history(id, me);
        for (int i = history.size() - 1; i >= 0; i--) {
            if (OrderAction.REQUEST_RETURN.slug().equals(history.get(i).action())) return history.get(i).reason();
        }
        return null;
    }
}
