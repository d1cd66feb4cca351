package io.swiftresponse.open311.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.CurrentUsers;
import io.swiftresponse.identity.Role;
import io.swiftresponse.open311.ApiKey;
import io.swiftresponse.open311.ApiKeys;
import io.swiftresponse.open311.IssuedKey;
import io.swiftresponse.open311.Jurisdiction;
import io.swiftresponse.open311.Jurisdictions;
import io.swiftresponse.open311.Open311Settings;
import io.swiftresponse.shared.web.Problem;
import io.swiftresponse.workorder.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administration of Open311 API keys and jurisdictions: admins only. The secret is shown once, when issued. */
@RestController
@RequestMapping("/api/v1/open311")
@Tag(name = "Open311 keys", description = "Issue, list and revoke API keys of Open311 clients (admins)")
class KeyAdminController {

    private final ApiKeys keys;
    private final Jurisdictions jurisdictions;
    private final Open311Settings settings;
    private final CurrentUsers users;

    KeyAdminController(ApiKeys keys, Jurisdictions jurisdictions, Open311Settings settings, CurrentUsers users) {
        this.keys = keys;
        this.jurisdictions = jurisdictions;
        this.settings = settings;
        this.users = users;
    }

    record IssueKeyRequest(@NotBlank @Size(max = 100) String label, @NotNull Channel channel,
            @Size(max = 100) String jurisdictionId, @Min(1) @Max(100_000) Integer ratePerMinute) {
    }

    @PostMapping("/keys")
    @Operation(summary = "Issue a key tied to a channel and a jurisdiction; the response is the only time the key is shown")
    ResponseEntity<IssuedKey> issue(@Valid @RequestBody IssueKeyRequest body) {
        CurrentUser admin = admin();
        String jurisdiction = body.jurisdictionId() != null ? body.jurisdictionId() : jurisdictions.resolve(null).id();
        IssuedKey issued = keys.issue(body.label().strip(), body.channel(), jurisdiction,
                body.ratePerMinute() == null ? settings.defaultRatePerMinute() : body.ratePerMinute(), admin.username());
        return ResponseEntity.created(URI.create("/api/v1/open311/keys/" + issued.key().id())).body(issued);
    }

    @GetMapping("/keys")
    @Operation(summary = "Every key, active and revoked, without secrets")
    List<ApiKey> list() {
        admin();
        return keys.list();
    }

    @PostMapping("/keys/{id}/revoke")
    @Operation(summary = "Revoke a key: from now on it is refused with 403")
    ApiKey revoke(@PathVariable long id) {
        return keys.revoke(id, admin().username());
    }

    @GetMapping("/keys/{id}/uses")
    @Operation(summary = "The latest 100 calls made with a key")
    List<ApiKeys.KeyUse> uses(@PathVariable long id) {
        admin();
        keys.find(id).orElseThrow(() -> Problem.notFound("API key " + id));
        return keys.uses(id, 100);
    }

    @GetMapping("/jurisdictions")
    @Operation(summary = "The jurisdictions this endpoint serves")
    List<Jurisdiction> jurisdictions() {
        admin();
        return jurisdictions.all();
    }

    private CurrentUser admin() {
        CurrentUser user = users.current();
        if (!user.is(Role.ADMIN)) throw Problem.forbidden("Only admins manage Open311 API keys.");
        return user;
    }
}
