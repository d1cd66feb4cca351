package io.swiftresponse.workorder.web;

import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.CurrentUsers;
import io.swiftresponse.shared.web.Problem;
import io.swiftresponse.workorder.ActionInput;
import io.swiftresponse.workorder.AttachmentFile;
import io.swiftresponse.workorder.OrderAction;
import io.swiftresponse.workorder.OrderAttachments;
import io.swiftresponse.workorder.WorkOrders;
import jakarta.validation.Valid;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The action forms of the order page. A form binds to the same {@link ActionRequest} the API validates; the
 * façade then checks scope, role, state and version. Whatever is refused comes back as a message on the order
 * page and changes nothing; a reply's files are checked before anything is written and stored in the
 * action's own transaction.
 */
@Controller
class OrderActionFormController {

    private final WorkOrders workOrders;
    private final OrderAttachments attachments;
    private final CurrentUsers users;
    private final TransactionTemplate tx;
    private final MessageSource messages;

    OrderActionFormController(WorkOrders workOrders, OrderAttachments attachments, CurrentUsers users, TransactionTemplate tx,
            MessageSource messages) {
        this.workOrders = workOrders;
        this.attachments = attachments;
        this.users = users;
        this.tx = tx;
        this.messages = messages;
    }

    @PostMapping("/orders/{id}/actions/{slug}")
    String act(@PathVariable long id, @PathVariable String slug, @Valid ActionRequest form, BindingResult errors,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
        String back = "redirect:/orders/" + id;
        OrderAction action = OrderAction.fromSlug(slug).orElseThrow(() -> Problem.notFound("Action '" + slug + "'"));
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("flashError", describe(errors));
            return back;
        }
        CurrentUser me = users.current();
        try {
            List<AttachmentFile> checked = action == OrderAction.REPLY
                    ? AttachmentFile.fromUploads(files, "files", AttachmentFile.MAX_FILES, false) : List.of();
            ActionInput input = normalized(form);
            List<Path> written = new ArrayList<>();
            try {
                tx.executeWithoutResult(status -> {
                    if (!checked.isEmpty()) {
                        written.addAll(attachments.store(id, checked, "REPLY", me.username()));
                    }
                    workOrders.act(id, action, input, me);
                });
            } catch (RuntimeException e) {
                OrderAttachments.discard(written);
                throw e;
            }
            redirect.addFlashAttribute("flashOk", messages.getMessage("action.done",
                    new Object[] {messages.getMessage("action." + slug, null, slug, LocaleContextHolder.getLocale())},
                    LocaleContextHolder.getLocale()));
        } catch (Problem p) {
            if (p.status().value() == 404) throw p;
            redirect.addFlashAttribute("flashError", p.getMessage());
        }
        return back;
    }

    /** Empty form fields mean "not given", as an absent JSON field does for the API. */
    private static ActionInput normalized(ActionRequest f) {
        List<String> co = f.coUnitCodes() == null ? null
                : f.coUnitCodes().stream().filter(c -> c != null && !c.isBlank()).map(String::strip).toList();
        return new ActionInput(f.expectedVersion(), blank(f.reason()), blank(f.note()), blank(f.text()), blank(f.target()),
                f.primaryOrderId(), blank(f.leadUnitCode()), co == null || co.isEmpty() ? null : co, blank(f.categoryCode()),
                f.days(), f.reached(), f.contacted(), f.solved(), f.satisfaction());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String describe(BindingResult errors) {
        FieldError fe = errors.getFieldError();
        return fe == null ? "invalid input" : fe.getField() + ": " + (fe.isBindingFailure() ? "invalid value" : fe.getDefaultMessage());
    }
}
