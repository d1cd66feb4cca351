package io.swiftresponse.taxonomy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swiftresponse.taxonomy.Category;
import io.swiftresponse.taxonomy.RequestType;
import io.swiftresponse.taxonomy.Taxonomy;
import io.swiftresponse.taxonomy.Tier;
import java.util.Collection;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/taxonomy")
@Tag(name = "Taxonomy", description = "Request types, categories, the dispatch catalogue and time-limit tiers")
class TaxonomyController {

    private final Taxonomy taxonomy;

    TaxonomyController(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    @GetMapping("/categories")
    @Operation(summary = "The category tree (all levels), optionally one level or the children of one parent")
    List<Category> categories(@RequestParam(required = false) Integer level, @RequestParam(required = false) String parentCode) {
        return taxonomy.categories().stream()
                .filter(c -> level == null || c.level() == level)
                .filter(c -> parentCode == null || parentCode.equals(c.parentCode()))
                .toList();
    }

    @GetMapping("/request-types")
    Collection<RequestType> requestTypes() {
        return taxonomy.requestTypes();
    }

    @GetMapping("/tiers")
    Collection<Tier> tiers() {
        return taxonomy.tiers();
    }
}
