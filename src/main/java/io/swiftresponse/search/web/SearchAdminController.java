package io.swiftresponse.search.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swiftresponse.identity.CurrentUsers;
import io.swiftresponse.identity.Role;
import io.swiftresponse.search.index.OrderProjection;
import io.swiftresponse.shared.web.Problem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/search/orders")
@Tag(name = "Order search administration", description = "The order index: its state and its rebuild")
class SearchAdminController {

    private final OrderProjection projection;
    private final CurrentUsers users;

    SearchAdminController(OrderProjection projection, CurrentUsers users) {
        this.projection = projection;
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "Documents, watermark, size on disk and a running rebuild's progress")
    OrderProjection.Status status() {
        requireAdmin();
        return projection.status();
    }

    @PostMapping("/reindex")
    @Operation(summary = "Re-read every order into the index in the background (202); searches keep working meanwhile")
    ResponseEntity<OrderProjection.Status> reindex() {
        requireAdmin();
        if (!projection.startRebuild()) {
            throw Problem.conflict("reindex-running", "A rebuild is already running; follow it at GET /api/v1/admin/search/orders.");
        }
        return ResponseEntity.accepted().body(projection.status());
    }

    private void requireAdmin() {
        if (!users.current().is(Role.ADMIN)) {
            throw Problem.forbidden("Only admins manage the search index.");
        }
    }
}
