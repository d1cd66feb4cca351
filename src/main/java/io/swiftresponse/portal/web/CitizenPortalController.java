package io.swiftresponse.portal.web;

import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.Role;
import io.swiftresponse.shared.web.Problem;
import io.swiftresponse.taxonomy.Taxonomy;
import io.swiftresponse.workorder.AttachmentFile;
import io.swiftresponse.workorder.Channel;
import io.swiftresponse.workorder.NewOrder;
import io.swiftresponse.workorder.OrderAttachments;
import io.swiftresponse.workorder.OrderView;
import io.swiftresponse.workorder.PublicTracking;
import io.swiftresponse.workorder.WorkOrders;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public citizen portal: submit a request (with photos, after consenting to the privacy notice) and get
 * an order number; follow it with the number and the last four digits of the phone. Orders from the portal
 * are recorded by the system user {@code portal} on the WEB channel and wait in RECEIVED for the hotline.
 */
@Controller
class CitizenPortalController {

    /** The portal acts as an intake user of the hotline; its orders are triaged by agents like any other. */
    static final CurrentUser PORTAL = new CurrentUser("portal", Role.AGENT, null, null);
    static final int MAX_PHOTOS = 3;

    private final WorkOrders workOrders;
    private final OrderAttachments attachments;
    private final PublicTracking tracking;
    private final Taxonomy taxonomy;
    private final Validator validator;
    private final TransactionTemplate tx;
    private final PortalRateLimiter limiter;

    CitizenPortalController(WorkOrders workOrders, OrderAttachments attachments, PublicTracking tracking, Taxonomy taxonomy,
            Validator validator, TransactionTemplate tx, PortalRateLimiter limiter) {
        this.workOrders = workOrders;
        this.attachments = attachments;
        this.tracking = tracking;
        this.taxonomy = taxonomy;
        this.validator = validator;
        this.tx = tx;
        this.limiter = limiter;
    }

    @GetMapping("/portal")
    String home(Model model) {
        return show(model, CitizenRequestForm.empty(), Map.of());
    }

    @PostMapping("/portal/requests")
    String submit(CitizenRequestForm form, @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
            HttpServletRequest request, Model model) {
        if (!limiter.allow("submit", request.getRemoteAddr())) {
            throw new Problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                    "Too many submissions from this address; please try again in a few minutes.");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<CitizenRequestForm> v : validator.validate(form)) {
            errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
        }
        List<AttachmentFile> files = new ArrayList<>();
        try {
            files = AttachmentFile.fromUploads(photos, "photos", MAX_PHOTOS, true);
        } catch (Problem p) {
            errors.put("photos", p.getMessage());
        }
        if (!errors.isEmpty()) {
            model.addAttribute("status", 400);
            return show(model, form, errors);
        }
        NewOrder order = new NewOrder(Channel.WEB, form.requestType(), null, form.title().strip(), form.description().strip(),
                new NewOrder.Requester(blank(form.name()), form.phone(), false),
                new NewOrder.Location(blank(form.address()), form.lat(), form.lng(), null), List.of());
        List<AttachmentFile> toStore = files;
        List<Path> written = new ArrayList<>();
        try {
            OrderView recorded = tx.execute(s -> {
                OrderView v = workOrders.record(order, PORTAL);
                if (!toStore.isEmpty()) written.addAll(attachments.store(v.id(), toStore, "CITIZEN", PORTAL.username()));
                return v;
            });
            model.addAttribute("number", recorded.number());
            return "portal/sent";
        } catch (RuntimeException e) {
            OrderAttachments.discard(written);
            throw e;
        }
    }

    @GetMapping("/portal/track")
    String track(@RequestParam(defaultValue = "") String number, @RequestParam(defaultValue = "") String phone4,
            HttpServletRequest request, Model model) {
        model.addAttribute("number", number);
        if (!number.isBlank() || !phone4.isBlank()) {
            if (!limiter.allow("track", request.getRemoteAddr())) {
                throw new Problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                        "Too many look-ups from this address; please try again in a few minutes.");
            }
            var found = number.length() > 32 ? java.util.Optional.<PublicTracking.Tracked>empty()
                    : tracking.find(number.strip(), phone4.strip());
            model.addAttribute("tracked", found.orElse(null));
            model.addAttribute("notFound", found.isEmpty());
            found.ifPresent(t -> model.addAttribute("category", taxonomy.category(t.categoryCode()).map(c -> c.name()).orElse(null)));
        }
        return "portal/track";
    }

    private String show(Model model, CitizenRequestForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("requestTypes", taxonomy.requestTypes());
        return "portal/home";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
