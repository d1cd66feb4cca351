package io.swiftresponse.workorder.web;

import io.swiftresponse.directory.Directory;
import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.CurrentUsers;
import io.swiftresponse.shared.web.Problem;
import io.swiftresponse.taxonomy.Category;
import io.swiftresponse.taxonomy.Taxonomy;
import io.swiftresponse.workorder.ActionInput;
import io.swiftresponse.workorder.CallerHistory;
import io.swiftresponse.workorder.Lifecycle;
import io.swiftresponse.workorder.OrderAction;
import io.swiftresponse.workorder.OrderView;
import io.swiftresponse.workorder.WorkOrders;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agent workbench: one keyboard-first form to record an order during a call, with the caller's earlier
 * orders, a searchable category picker, a map pin that finds the street, and the deadline the order will get.
 * Recording and the chosen follow-up (answer, submit, dispatch) happen in one transaction: both or neither.
 */
@Controller
class WorkbenchController {

    private static final java.util.regex.Pattern UUID_TEXT = java.util.regex.Pattern.compile("[0-9a-fA-F-]{36}");
    private static final Set<String> MODES = Set.of("record", "answer", "submit", "dispatch");

    private final WorkOrders workOrders;
    private final CallerHistory callers;
    private final Taxonomy taxonomy;
    private final Directory directory;
    private final CurrentUsers users;
    private final Validator validator;
    private final TransactionTemplate tx;
    private final org.springframework.context.MessageSource messages;

    WorkbenchController(WorkOrders workOrders, CallerHistory callers, Taxonomy taxonomy, Directory directory, CurrentUsers users,
            Validator validator, TransactionTemplate tx, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.workOrders = workOrders;
        this.callers = callers;
        this.taxonomy = taxonomy;
        this.directory = directory;
        this.users = users;
        this.validator = validator;
        this.tx = tx;
    }

    @GetMapping("/workbench")
    String form(Model model) {
        return show(model, WorkbenchForm.empty(), Map.of());
    }

    @PostMapping("/workbench")
    String record(WorkbenchForm form, Model model, RedirectAttributes redirect) {
        CurrentUser me = users.current();
        Map<String, String> errors = new LinkedHashMap<>();
        NewOrderRequest request = form.toRequest();
        for (ConstraintViolation<NewOrderRequest> v : validator.validate(request)) {
            errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
        }
        String mode = form.mode() == null ? "record" : form.mode();
        if (!MODES.contains(mode)) errors.put("mode", "unknown");
        if ("answer".equals(mode) && (form.answer() == null || form.answer().isBlank())) errors.put("answer", "is required to answer on the spot");
        if ("answer".equals(mode) && form.answer() != null && form.answer().length() > 5000) errors.put("answer", "at most 5000 characters");
        if ("dispatch".equals(mode) && (form.leadUnitCode() == null || form.leadUnitCode().isBlank())) errors.put("leadUnitCode", "is required to dispatch");
        if (!errors.isEmpty()) {
            return show(model, form, errors);
        }
        try {
            OrderView order = tx.execute(status -> {
                OrderView recorded = workOrders.record(request.toCommand(), me);
                ActionInput in = switch (mode) {
                    case "answer" -> new ActionInput(null, null, null, form.answer().strip(), null, null, null, null, null, null, null,
                            null, null, null);
                    case "dispatch" -> new ActionInput(null, null, null, null, null, null, form.leadUnitCode().strip(), null, null, null,
                            null, null, null, null);
                    default -> ActionInput.empty();
                };
                return switch (mode) {
                    case "answer" -> workOrders.act(recorded.id(), OrderAction.ANSWER, in, me);
                    case "submit" -> workOrders.act(recorded.id(), OrderAction.SUBMIT, in, me);
                    case "dispatch" -> workOrders.act(recorded.id(), OrderAction.DISPATCH, in, me);
                    default -> recorded;
                };
            });
            redirect.addFlashAttribute("flashOk", messages.getMessage("wb.recorded", new Object[] {order.number()},
                    org.springframework.context.i18n.LocaleContextHolder.getLocale()));
            if (form.suggestionId() != null && UUID_TEXT.matcher(form.suggestionId()).matches()) {
                redirect.addFlashAttribute("suggestionId", form.suggestionId());
            }
            if (form.answerArticleId() != null && "record".equals(mode)) redirect.addFlashAttribute("answerArticleId", form.answerArticleId());
            return "redirect:/orders/" + order.id();
        } catch (Problem p) {
            if (p.status().value() >= 500) throw p;
            errors.put(String.valueOf(p.properties().getOrDefault("field", "form")), p.getMessage());
            return show(model, form, errors);
        }
    }

    private String show(Model model, WorkbenchForm form, Map<String, String> errors) {
        CurrentUser me = users.current();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("requestTypes", taxonomy.requestTypes());
        model.addAttribute("mayDispatch", Lifecycle.permits(me.role(), OrderAction.DISPATCH));
        model.addAttribute("mayRecord", Lifecycle.permits(me.role(), OrderAction.SUBMIT) || Lifecycle.permits(me.role(), OrderAction.DISPATCH));
        model.addAttribute("units", OrderPageController.handlingUnits(directory));
        model.addAttribute("chosenCategory", taxonomy.category(form.categoryCode()).orElse(null));
        return "workbench/form";
    }

    @GetMapping("/workbench/caller")
    String callerOrders(@RequestParam(defaultValue = "") String phone, Model model) {
        String p = phone.strip();
        model.addAttribute("orders", p.matches(NewOrderRequest.PHONE) ? callers.earlierOrders(p, 10, users.current()) : List.of());
        model.addAttribute("searched", p.matches(NewOrderRequest.PHONE));
        return "workbench/fragments :: callerOrders";
    }

    /** Third-level categories whose name, parents' names or keywords contain the query; at most 15. */
    @GetMapping("/workbench/categories")
    String categories(@RequestParam(defaultValue = "") String q, Model model) {
        String query = q.strip().toLowerCase(Locale.ROOT);
        List<Category> found = query.isEmpty() || query.length() > 50 ? List.of()
                : taxonomy.categories().stream().filter(Category::dispatchable)
                        .filter(c -> path(c).toLowerCase(Locale.ROOT).contains(query)
                                || (c.keywords() != null && c.keywords().toLowerCase(Locale.ROOT).contains(query))
                                || c.code().startsWith(query))
                        .sorted(Comparator.comparing(Category::code)).limit(15).toList();
        model.addAttribute("found", found.stream().map(c -> Map.of("code", c.code(), "path", path(c))).toList());
        return "workbench/fragments :: categories";
    }

    /** The tier a category gives and its limits: the deadline the order will get. */
    @GetMapping("/workbench/deadline")
    String deadline(@RequestParam(defaultValue = "") String categoryCode, Model model) {
        String tierCode = taxonomy.category(categoryCode).filter(Category::dispatchable).map(Category::tierCode).orElse("GENERAL");
        model.addAttribute("tier", taxonomy.tier(tierCode).orElse(null));
        return "workbench/fragments :: deadline";
    }

    /** "供暖 › 供暖质量 › 不供暖" */
    private String path(Category c) {
        StringBuilder sb = new StringBuilder(c.name());
        Category at = c;
        while (at.parentCode() != null) {
            at = taxonomy.category(at.parentCode()).orElse(null);
            if (at == null) break;
            sb.insert(0, at.name() + " › ");
        }
        return sb.toString();
    }
}
