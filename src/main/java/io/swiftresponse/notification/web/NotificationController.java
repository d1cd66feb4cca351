package io.swiftresponse.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swiftresponse.identity.CurrentUsers;
import io.swiftresponse.notification.Inbox;
import io.swiftresponse.notification.Notification;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "Your in-app inbox: yours, your unit's and your role's messages")
class NotificationController {

    private final Inbox inbox;
    private final CurrentUsers users;

    NotificationController(Inbox inbox, CurrentUsers users) {
        this.inbox = inbox;
        this.users = users;
    }

    @GetMapping
    List<Notification> mine(@RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return inbox.of(users.current(), unread, limit);
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark a message read")
    ResponseEntity<Void> read(@PathVariable long id) {
        inbox.markRead(id, users.current());
        return ResponseEntity.noContent().build();
    }
}
