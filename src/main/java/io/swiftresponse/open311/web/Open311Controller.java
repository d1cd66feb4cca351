package io.swiftresponse.open311.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swiftresponse.open311.CreateRequest;
import io.swiftresponse.open311.Open311Exception;
import io.swiftresponse.open311.Open311Requests;
import io.swiftresponse.open311.Open311Settings;
import io.swiftresponse.open311.RequestIntake;
import io.swiftresponse.open311.RequestUpdates;
import io.swiftresponse.open311.ServiceCatalog;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 under {@code /open311/v2}, every method in XML and JSON by extension, plus FixMyStreet's
 * {@code servicerequestupdates}. Open without login: the API key is checked here (required on POST, optional on
 * GET but then checked, rate-limited and logged like any other use).
 */
@RestController
@RequestMapping("/open311/v2")
@Tag(name = "Open311", description = "GeoReport v2 with the FixMyStreet extensions; see docs/open311.md")
class Open311Controller {

    /** The date this implementation of the specification last changed, for discovery. */
    private static final String CHANGESET = "2026-11-29T00:00:00+08:00";

    private final Calls calls;
    private final ServiceCatalog catalog;
    private final RequestIntake intake;
    private final Open311Requests requests;
    private final RequestUpdates updates;
    private final Open311Settings settings;
    private final Clock clock;
    private final Documents documents;

    Open311Controller(Calls calls, ServiceCatalog catalog, RequestIntake intake, Open311Requests requests,
            RequestUpdates updates, Open311Settings settings, Clock clock) {
        this.calls = calls;
        this.catalog = catalog;
        this.intake = intake;
        this.requests = requests;
        this.updates = updates;
        this.settings = settings;
        this.clock = clock;
        this.documents = new Documents(clock.getZone());
    }

    @GetMapping("/{file}")
    @Operation(summary = "discovery, services, requests, servicerequestupdates (.xml or .json)")
    ResponseEntity<byte[]> get(@PathVariable String file, HttpServletRequest http) {
        return calls.handle(file, http, false, call -> switch (call.name()) {
            case "discovery" -> documents.discovery(CHANGESET, settings.contact(), settings.keyService(),
                    call.baseUrl(), settings.endpointType());
            case "services" -> documents.services(catalog.services());
            case "requests" -> {
                boolean extensions = "true".equalsIgnoreCase(call.params().get("extensions"));
                yield documents.requests(requests.query(call.jurisdiction(),
                        call.params().query(clock.instant(), catalog.codes()), extensions), extensions);
            }
            case "servicerequestupdates" -> updatesBetween(call);
            default -> throw Open311Exception.notFound("Unknown resource; see discovery.xml.");
        });
    }

    @PostMapping("/{file}")
    @Operation(summary = "create a request (requests) or post an update (servicerequestupdates), form-urlencoded with api_key")
    ResponseEntity<byte[]> post(@PathVariable String file, HttpServletRequest http) {
        return calls.handle(file, http, true, call -> switch (call.name()) {
            case "requests" -> Documents.created(intake.create(createRequest(call.params()), call.key(), call.jurisdiction()));
            case "servicerequestupdates" -> postUpdate(call);
            default -> throw Open311Exception.notFound("Unknown resource; see discovery.xml.");
        });
    }

    @GetMapping("/services/{file}")
    @Operation(summary = "a service definition: services/{service_code}.xml or .json")
    ResponseEntity<byte[]> definition(@PathVariable String file, HttpServletRequest http) {
        return calls.handle(file, http, false, call -> documents.definition(catalog.service(call.name())
                .orElseThrow(() -> Open311Exception.notFound("Unknown service_code; GET services lists the codes."))));
    }

    @GetMapping("/requests/{file}")
    @Operation(summary = "one request: requests/{service_request_id}.xml or .json")
    ResponseEntity<byte[]> one(@PathVariable String file, HttpServletRequest http) {
        return calls.handle(file, http, false, call -> {
            boolean extensions = "true".equalsIgnoreCase(call.params().get("extensions"));
            return documents.requests(java.util.List.of(requests.find(call.jurisdiction(), call.name())), extensions);
        });
    }

    @GetMapping("/tokens/{file}")
    @Operation(summary = "the request created under a token: tokens/{token}.xml or .json")
    ResponseEntity<byte[]> token(@PathVariable String file, HttpServletRequest http) {
        return calls.handle(file, http, false,
                call -> Documents.token(call.name(), requests.byToken(call.jurisdiction(), call.name())));
    }

    private Doc updatesBetween(Calls.Call call) {
        Instant end = call.params().datetime("end_date");
        Instant start = call.params().datetime("start_date");
        if (end == null) end = clock.instant().plusSeconds(1);
        if (start == null) start = end.minus(Duration.ofDays(1));
        if (end.isBefore(start)) throw Open311Exception.badRequest("end_date is before start_date.");
        if (Duration.between(start, end).compareTo(Params.MAX_WINDOW) > 0) {
            throw Open311Exception.badRequest("start_date and end_date may be at most 90 days apart.");
        }
        return documents.updates(updates.between(call.jurisdiction(), start, end));
    }

    private Doc postUpdate(Calls.Call call) {
        Params p = call.params();
        String id = p.get("service_request_id");
        String status = p.get("status");
        String description = p.get("description");
        if (id == null) throw Open311Exception.badRequest("service_request_id is required.");
        if (status == null) throw Open311Exception.badRequest("status is required.");
        if (description == null) throw Open311Exception.badRequest("description is required.");
        if (description.length() > 4000) throw Open311Exception.badRequest("description is longer than 4,000 characters.");
        String media = p.get("media_url");
        if (media != null && (media.length() > 2000 || !(media.startsWith("http://") || media.startsWith("https://")))) {
            throw Open311Exception.badRequest("media_url must be an http or https URL of at most 2,000 characters.");
        }
        String clientId = p.get("update_id");
        if (clientId != null && clientId.length() > 100) throw Open311Exception.badRequest("update_id is longer than 100 characters.");
        return Documents.updatePosted(updates.post(call.jurisdiction(), call.key(), id, status, description, media,
                p.datetime("updated_datetime"), clientId));
    }

    private static CreateRequest createRequest(Params p) {
        return new CreateRequest(p.get("service_code"), p.get("lat"), p.get("long"), p.get("address_string"),
                p.get("address_id"), p.get("email"), p.get("device_id"), p.get("account_id"), p.get("first_name"),
                p.get("last_name"), p.get("phone"), p.get("description"), p.get("media_url"), p.attributes());
    }

}
