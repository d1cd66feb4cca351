package io.swiftresponse.workorder.web;

import io.swiftresponse.directory.Directory;
import io.swiftresponse.directory.Unit;
import io.swiftresponse.directory.UnitType;
import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.CurrentUsers;
import io.swiftresponse.identity.Role;
import io.swiftresponse.taxonomy.Taxonomy;
import io.swiftresponse.workorder.OrderAttachments;
import io.swiftresponse.workorder.OrderQueries;
import io.swiftresponse.workorder.OrderView;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The order page: everything the viewer may see of one order, and the forms of the actions they may take. */
@Controller
@Validated
class OrderPageController {

    private final OrderQueries queries;
    private final OrderAttachments attachments;
    private final Directory directory;
    private final Taxonomy taxonomy;
    private final CurrentUsers users;

    OrderPageController(OrderQueries queries, OrderAttachments attachments, Directory directory, Taxonomy taxonomy,
            CurrentUsers users) {
        this.queries = queries;
        this.attachments = attachments;
        this.directory = directory;
        this.taxonomy = taxonomy;
        this.users = users;
    }

    @GetMapping("/orders/{id}")
    String page(@PathVariable long id, Model model) {
        CurrentUser me = users.current();
        OrderView order = queries.find(id, me);
        model.addAttribute("order", order);
        model.addAttribute("history", queries.history(id, me));
        model.addAttribute("attachments", attachments.of(id, me));
        model.addAttribute("forms", ActionForms.available(order, me));
        model.addAttribute("category", taxonomy.category(order.categoryCode()).orElse(null));
        model.addAttribute("units", handlingUnits(directory));
        model.addAttribute("names", new UnitNames(directory));
        model.addAttribute("suggestedLead", UnitSuggestion.leadFor(order, taxonomy));
        model.addAttribute("mayReveal", mayReveal(order, me));
        return "order/page";
    }

    /** A hint for the button only; the reveal itself is checked (and audited) by {@link OrderQueries#reveal}. */
    private static boolean mayReveal(OrderView order, CurrentUser me) {
        if (order.requester() == null || order.requester().hidden() || order.requester().phone() == null) return false;
        return me.is(Role.AGENT) || me.is(Role.DISPATCHER) || me.is(Role.SUPERVISOR)
                || (me.isHandler() && me.unitCode().equals(order.leadUnitCode()));
    }

    @PostMapping("/orders/{id}/reveal")
    String reveal(@PathVariable long id, @RequestParam @NotBlank @Size(max = 200) String purpose, Model model) {
        model.addAttribute("revealed", queries.reveal(id, purpose.strip(), users.current()));
        return "order/revealed";
    }

    @GetMapping("/orders/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        OrderAttachments.Content c = attachments.read(id, attachmentId, users.current());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(c.contentType()))
                // shown inline as image/PDF; nosniff stops a browser from treating it as anything else
                .header(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.inline()
                        .filename(c.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(c.bytes());
    }

    static List<Unit> handlingUnits(Directory directory) {
        return directory.all().stream().filter(u -> u.type() != UnitType.CITY)
                .sorted(Comparator.comparing(Unit::code)).toList();
    }

    /** Unit names for templates: {@code ${names.of(code)}}. */
    record UnitNames(Directory directory) {
        public String of(String code) {
            return code == null ? "" : directory.find(code).map(u -> u.name() + " (" + code + ")").orElse(code);
        }
    }
}
