package io.swiftresponse.evaluation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swiftresponse.evaluation.Evaluations;
import io.swiftresponse.evaluation.FromScratch;
import io.swiftresponse.evaluation.Period;
import io.swiftresponse.evaluation.PublishedMonths;
import io.swiftresponse.evaluation.RuleSet;
import io.swiftresponse.evaluation.RuleSets;
import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.CurrentUsers;
import io.swiftresponse.identity.Role;
import io.swiftresponse.shared.web.Problem;
import java.net.URI;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/evaluation")
@Tag(name = "Evaluation rules and periods", description = "Versioned rules, published months, corrections, rebuild")
class RuleController {

    private final RuleSets rules;
    private final Evaluations evaluations;
    private final FromScratch fromScratch;
    private final CurrentUsers users;

    RuleController(RuleSets rules, Evaluations evaluations, FromScratch fromScratch, CurrentUsers users) {
        this.rules = rules;
        this.evaluations = evaluations;
        this.fromScratch = fromScratch;
        this.users = users;
    }

    @GetMapping("/rules")
    @Operation(summary = "Every rule set, oldest first; a period is scored with the one in force on its first day")
    List<RuleSet> rules() {
        return rules.all();
    }

    @GetMapping("/rules/{id}")
    RuleSet rule(@PathVariable long id) {
        return rules.find(id);
    }

    @PostMapping("/rules")
    @Operation(summary = "Add a rule set with an effective date (supervisors, admins); rule sets are never edited")
    ResponseEntity<RuleSet> add(@RequestBody(required = false) RuleSets.NewRuleSet body) {
        CurrentUser user = require(Role.SUPERVISOR, Role.ADMIN);
        if (body == null) throw Problem.invalidField("body", "a rule set is required");
        RuleSet created = rules.create(body, user);
        return ResponseEntity.created(URI.create("/api/v1/evaluation/rules/" + created.id())).body(created);
    }

    @PostMapping("/periods/{period}/freeze")
    @Operation(summary = "Publish (freeze) a month: its rankings are kept; later changes show as corrections (supervisors)")
    PublishedMonths.Publication freeze(@PathVariable String period) {
        CurrentUser user = require(Role.SUPERVISOR);
        return evaluations.freeze(Period.month(period), user);
    }

    @GetMapping("/periods/{period}")
    @Operation(summary = "Whether a month is published, and the corrections since: published vs current figures")
    Map<String, Object> period(@PathVariable String period) {
        YearMonth month = Period.month(period);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("period", month.toString());
        var publication = evaluations.publication(month);
        result.put("published", publication.isPresent());
        result.put("publication", publication.orElse(null));
        result.put("corrections", publication.isPresent() && !users.current().isHandler() ? evaluations.corrections(month) : List.of());
        return result;
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Recompute every scored result and counter from the orders (admins)")
    FromScratch.RebuildReport rebuild() {
        require(Role.ADMIN);
        return fromScratch.rebuild();
    }

    private CurrentUser require(Role... roles) {
        CurrentUser user = users.current();
        for (Role r : roles) {
            if (user.role() == r) return user;
        }
        throw Problem.forbidden("Only " + List.of(roles) + " may do this.");
    }
}
