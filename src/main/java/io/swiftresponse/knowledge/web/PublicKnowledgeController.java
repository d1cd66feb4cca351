package io.swiftresponse.knowledge.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swiftresponse.knowledge.Article;
import io.swiftresponse.knowledge.ArticleHit;
import io.swiftresponse.knowledge.KnowledgeSearch;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public knowledge base, without login: published articles in force today only, the same search agents use. */
@RestController
@RequestMapping("/api/v1/public/knowledge")
@Tag(name = "Public knowledge base", description = "Search and read published articles without login")
class PublicKnowledgeController {

    private final KnowledgeSearch search;

    PublicKnowledgeController(KnowledgeSearch search) {
        this.search = search;
    }

    @GetMapping("/articles")
    @Operation(summary = "Search published articles in force today")
    List<ArticleHit> search(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
            @RequestParam(required = false) String unit, @RequestParam(defaultValue = "10") int limit) {
        return search.search(q, category, unit, limit);
    }

    @GetMapping("/articles/{id}")
    @Operation(summary = "One published article in force today")
    PublicArticle read(@PathVariable long id) {
        Article a = search.live(id);
        return new PublicArticle(a.id(), a.title(), a.bodyHtml(), a.unitCode(), search.unitName(a.unitCode()), a.categoryCodes(),
                a.effectiveFrom(), a.expiresOn(), a.publishedAt());
    }

    /** What the public sees of an article: no drafts, no editors, no usage. */
    record PublicArticle(long id, String title, String bodyHtml, String unitCode, String unitName, List<String> categoryCodes,
            LocalDate effectiveFrom, LocalDate expiresOn, Instant publishedAt) {
    }
}
