package io.swiftresponse.intake.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swiftresponse.directory.GeoPoint;
import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.CurrentUsers;
import io.swiftresponse.identity.Role;
import io.swiftresponse.intake.IntakeSettings;
import io.swiftresponse.intake.learning.Accuracy;
import io.swiftresponse.intake.learning.Feedback;
import io.swiftresponse.intake.place.Place;
import io.swiftresponse.intake.place.Places;
import io.swiftresponse.intake.repeat.Merges;
import io.swiftresponse.intake.repeat.RepeatCandidate;
import io.swiftresponse.intake.repeat.RepeatQuery;
import io.swiftresponse.intake.repeat.Repeats;
import io.swiftresponse.intake.suggest.Suggestion;
import io.swiftresponse.intake.suggest.SuggestionRequest;
import io.swiftresponse.intake.suggest.Suggestions;
import io.swiftresponse.intake.suggest.TextCheck;
import io.swiftresponse.shared.web.Problem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The agent's helpers while recording: suggestions, place lookup, repeats, merge and feedback. */
@RestController
@RequestMapping("/api/v1/intake")
@Tag(name = "Intake", description = "Suggestions while recording, place lookup, repeat detection, merge (并单), learning")
class IntakeController {

    static final Set<Role> RECORDING = Set.of(Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN);
    static final int MAX_ADDRESS = 200;

    private final Suggestions suggestions;
    private final Places places;
    private final Repeats repeats;
    private final Merges merges;
    private final Feedback feedback;
    private final Accuracy accuracy;
    private final CurrentUsers users;
    private final IntakeSettings settings;
    private final Clock clock;

    IntakeController(Suggestions suggestions, Places places, Repeats repeats, Merges merges, Feedback feedback, Accuracy accuracy,
            CurrentUsers users, IntakeSettings settings, Clock clock) {
        this.suggestions = suggestions;
        this.places = places;
        this.repeats = repeats;
        this.merges = merges;
        this.feedback = feedback;
        this.accuracy = accuracy;
        this.users = users;
        this.settings = settings;
        this.clock = clock;
    }

    @PostMapping("/suggestions")
    @Operation(summary = "Top-3 categories with units and explanations, and repeat candidates, for the text typed so far")
    Suggestion suggest(@RequestBody SuggestionRequest body) {
        CurrentUser user = recorder();
        if (body == null) throw Problem.invalidField("text", "is required");
        checkLocation(body.location());
        checkPhone(body.phone());
        return suggestions.suggest(body, user);
    }

    @GetMapping("/places")
    @Operation(summary = "Where an address (?address=) or a point (?lat=&lng=) lies: RESOLVED, AMBIGUOUS with candidates, or UNKNOWN")
    Place place(@RequestParam(required = false) String address, @RequestParam(required = false) Double lat,
            @RequestParam(required = false) Double lng) {
        recorder();
        if (lat != null || lng != null) {
            checkLocation(new SuggestionRequest.Location(lat, lng, address));
            return places.byPoint(new GeoPoint(lat, lng));
        }
        checkAddress(address, true);
        return places.byAddress(address);
    }

    record RepeatRequest(String text, String phone, SuggestionRequest.Location location, Long excludeOrderId) {
    }

    @PostMapping("/repeats")
    @Operation(summary = "Open or recent orders that may be the same problem (same caller, or same place and similar text)")
    List<RepeatCandidate> repeats(@RequestBody RepeatRequest body) {
        recorder();
        if (body == null) throw Problem.invalidField("text", "is required");
        TextCheck.check(body.text(), settings.maxTextChars());
        checkLocation(body.location());
        checkPhone(body.phone());
        SuggestionRequest.Location l = body.location();
        String street = null;
        double lat = Double.NaN;
        double lng = Double.NaN;
        if (l != null && l.lat() != null) {
            lat = l.lat();
            lng = l.lng();
            street = places.byPoint(new GeoPoint(lat, lng)).streetCode();
        } else if (l != null && l.address() != null) {
            street = places.byAddress(l.address()).streetCode();
        }
        return repeats.find(new RepeatQuery(body.text(), body.phone(), street, lat, lng, body.excludeOrderId(), clock.instant()),
                Repeats.DEFAULT_LIMIT);
    }

    record MergeRequest(Long orderId, Long primaryOrderId, String note, Integer expectedVersion) {
    }

    @PostMapping("/merges")
    @Operation(summary = "并单: merge a new order into the existing one; answers the existing order's progress to tell the requester")
    Merges.Result merge(@RequestBody MergeRequest body) {
        CurrentUser user = users.current();
        if (body == null || body.orderId() == null) throw Problem.invalidField("orderId", "is required: the new order to merge");
        if (body.primaryOrderId() == null) throw Problem.invalidField("primaryOrderId", "is required: the existing order it repeats");
        if (body.note() != null && body.note().length() > 500) throw Problem.invalidField("note", "is at most 500 characters");
        return merges.merge(body.orderId(), body.primaryOrderId(), body.note(), body.expectedVersion(), user);
    }

    record FeedbackRequest(String suggestionId, Long orderId, String categoryCode, String unitCode) {
    }

    @PostMapping("/feedback")
    @Operation(summary = "The agent's choice for a suggestion (by its id): category and unit, or the order recorded from it")
    Feedback.Recorded feedback(@RequestBody FeedbackRequest body) {
        CurrentUser user = recorder();
        if (body == null) throw Problem.invalidField("suggestionId", "is required");
        if (body.unitCode() != null && !body.unitCode().matches("[A-Za-z0-9-]{1,32}")) {
            throw Problem.invalidField("unitCode", "must be a unit code");
        }
        if (body.categoryCode() != null && !body.categoryCode().matches("\\d{1,16}")) {
            throw Problem.invalidField("categoryCode", "must be a category code (digits)");
        }
        return feedback.record(body.suggestionId(), body.orderId(), body.categoryCode(), body.unitCode(), user);
    }

    @GetMapping("/accuracy")
    @Operation(summary = "Suggestion acceptance rate per week and per category")
    Accuracy.Report accuracy(@RequestParam(defaultValue = "12") @Min(1) @Max(104) int weeks) {
        if (!AccuracyPanelController.mayRead(users.current())) {
            throw Problem.forbidden("Only supervisors, analysts and admins read the suggestion accuracy.");
        }
        return accuracy.report(weeks);
    }

    private CurrentUser recorder() {
        CurrentUser user = users.current();
        if (!RECORDING.contains(user.role())) {
            throw Problem.forbidden("Only agents, dispatchers, supervisors and admins use the intake helpers.");
        }
        return user;
    }

    private static void checkLocation(SuggestionRequest.Location l) {
        if (l == null) return;
        if ((l.lat() == null) != (l.lng() == null)) {
            throw Problem.invalidField(l.lat() == null ? "location.lat" : "location.lng", "give both lat and lng, or neither");
        }
        if (l.lat() != null && (!(l.lat() >= -90 && l.lat() <= 90) || !(l.lng() >= -180 && l.lng() <= 180))) {
            throw Problem.invalidField("location", "lat must be within ±90 and lng within ±180 degrees");
        }
        checkAddress(l.address(), false);
    }

    private static void checkAddress(String address, boolean required) {
        if (address == null || address.isBlank()) {
            if (required) throw Problem.invalidField("address", "give ?address= or ?lat=&lng=");
            return;
        }
        if (address.length() > MAX_ADDRESS) throw Problem.invalidField("address", "is at most " + MAX_ADDRESS + " characters");
        if (address.chars().anyMatch(c -> Character.isISOControl(c) || c == 0xFFFD)) {
            throw Problem.invalidField("address", "contains control or non-text characters");
        }
    }

    private static void checkPhone(String phone) {
        if (phone != null && !phone.matches("[0-9+\\- ()]{3,20}")) {
            throw Problem.invalidField("phone", "must be a phone number (digits, +, -, spaces; at most 20)");
        }
    }
}
