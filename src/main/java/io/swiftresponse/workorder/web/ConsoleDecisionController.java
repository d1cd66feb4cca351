package io.swiftresponse.workorder.web;

import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.CurrentUsers;
import io.swiftresponse.shared.web.Problem;
import io.swiftresponse.workorder.ActionInput;
import io.swiftresponse.workorder.OrderAction;
import io.swiftresponse.workorder.OrderView;
import io.swiftresponse.workorder.WorkOrders;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dispatch console's inline decisions: dispatch an order, approve or reject a return objection, from its row.
 * They go through {@link WorkOrders#act} like the order page's forms, so scope, role, state and version are checked
 * in one place. An htmx request gets back the row: a confirmation on success; on a refusal the current row with the
 * problem in the user's language, answered with the refusal's status (400, 403, 409) and {@code X-Swift-Inline: row}
 * so the page swaps it in. Without htmx the form posts normally and the console shows the message.
 */
@Controller
class ConsoleDecisionController {

    static final String INLINE_HEADER = "X-Swift-Inline";

    private final WorkOrders workOrders;
    private final ConsoleRows rows;
    private final ConsoleMessages messages;
    private final CurrentUsers users;

    ConsoleDecisionController(WorkOrders workOrders, ConsoleRows rows, ConsoleMessages messages, CurrentUsers users) {
        this.workOrders = workOrders;
        this.rows = rows;
        this.messages = messages;
        this.users = users;
    }

    /** {@code leadUnit}/{@code coUnits} as typed: codes, names, or "name (code)" from the unit list. */
    record DispatchForm(@PositiveOrZero Integer expectedVersion, @Size(max = 100) String leadUnit, @Size(max = 1000) String coUnits,
            @Size(max = 2000) String note) {
    }

    record ReturnForm(@PositiveOrZero Integer expectedVersion, @Pattern(regexp = "approve|reject") String decision,
            @Size(max = 2000) String reason, @Size(max = 100) String leadUnit) {
    }

    /** What a decision needs besides the facade call: the action, its input, and how to show the typed values again. */
    private record Decision(OrderAction action, ActionInput input, UnaryOperator<ConsoleRow> refill) {
    }

    @PostMapping("/dispatch/orders/{id}/dispatch")
    String dispatch(@PathVariable long id, @Valid DispatchForm form, BindingResult errors, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        CurrentUser me = hotline();
        String lead = rows.unitCode(form.leadUnit());
        List<String> co = rows.unitCodes(form.coUnits());
        ActionInput in = new ActionInput(form.expectedVersion(), null, blank(form.note()), null, null, null, lead,
                co == null || co.isEmpty() ? null : co, null, null, null, null, null, null);
        Decision d = new Decision(OrderAction.DISPATCH, in,
                r -> r.withInput(form.leadUnit(), lead == null ? null : rows.copyOf(lead), form.coUnits(), null));
        return decide(id, d, errors, me, model, request, response, redirect);
    }

    @PostMapping("/dispatch/orders/{id}/return")
    String decideReturn(@PathVariable long id, @Valid ReturnForm form, BindingResult errors, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        CurrentUser me = hotline();
        boolean approve = "approve".equals(form.decision());
        String lead = approve ? rows.unitCode(form.leadUnit()) : null;
        ActionInput in = new ActionInput(form.expectedVersion(), blank(form.reason()), null, null, null, null, lead, null, null,
                null, null, null, null, null);
        Decision d = new Decision(approve ? OrderAction.APPROVE_RETURN : OrderAction.REJECT_RETURN, in,
                r -> r.withInput(form.leadUnit(), null, null, form.reason()));
        if (form.decision() == null && !errors.hasErrors()) {
            errors.rejectValue("decision", "NotNull", "approve or reject");
        }
        return decide(id, d, errors, me, model, request, response, redirect);
    }

    private String decide(long id, Decision d, BindingResult errors, CurrentUser me, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        boolean htmx = "true".equals(request.getHeader("HX-Request"));
        int status;
        String problem;
        if (errors.hasErrors()) {
            status = 400;
            problem = messages.invalid(errors);
        } else {
            try {
                OrderView after = workOrders.act(id, d.action(), d.input(), me);
                String done = messages.done(d.action(), after);
                if (!htmx) {
                    redirect.addFlashAttribute("flashOk", done);
                    return "redirect:/dispatch";
                }
                model.addAttribute("message", done);
                return "dispatch/rows :: done";
            } catch (Problem p) {
                if (p.status().value() == 404) throw p;
                status = p.status().value();
                problem = messages.refused(p);
            }
        }
        if (!htmx) {
            redirect.addFlashAttribute("flashError", problem);
            return "redirect:/dispatch";
        }
        response.setStatus(status);
        response.setHeader(INLINE_HEADER, "row");
        model.addAttribute("r", d.refill().apply(rows.of(id, me)).withError(problem));
        return "dispatch/rows :: row";
    }

    private CurrentUser hotline() {
        return DispatchConsoleController.hotline(users);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
