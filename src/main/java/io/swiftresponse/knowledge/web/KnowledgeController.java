package io.swiftresponse.knowledge.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swiftresponse.identity.CurrentUsers;
import io.swiftresponse.knowledge.Article;
import io.swiftresponse.knowledge.ArticleFlag;
import io.swiftresponse.knowledge.ArticleHit;
import io.swiftresponse.knowledge.ArticleInput;
import io.swiftresponse.knowledge.ArticleStatus;
import io.swiftresponse.knowledge.ArticleVersion;
import io.swiftresponse.knowledge.Consultations;
import io.swiftresponse.knowledge.KnowledgeBase;
import io.swiftresponse.knowledge.KnowledgeSearch;
import io.swiftresponse.shared.web.Problem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/knowledge")
@Tag(name = "Knowledge base", description = "Search, write, review and publish knowledge articles; answer consultations with them")
class KnowledgeController {

    private final KnowledgeBase base;
    private final KnowledgeSearch search;
    private final Consultations consultations;
    private final CurrentUsers users;

    KnowledgeController(KnowledgeBase base, KnowledgeSearch search, Consultations consultations, CurrentUsers users) {
        this.base = base;
        this.search = search;
        this.consultations = consultations;
        this.users = users;
    }

    @GetMapping("/articles")
    @Operation(summary = "Search live articles in force today (Chinese words, synonyms; quotes, AND/OR/NOT, parentheses)")
    List<ArticleHit> search(@RequestParam(required = false) String q,
            @Parameter(description = "category code at any level, e.g. 01 or 0101") @RequestParam(required = false) String category,
            @Parameter(description = "owning unit code") @RequestParam(required = false) String unit,
            @RequestParam(defaultValue = "10") int limit) {
        users.current();
        return search.search(q, category, unit, limit);
    }

    @GetMapping("/articles/{id}")
    @Operation(summary = "A live article as agents read it (404 when not published or not in force)")
    Article live(@PathVariable long id) {
        users.current();
        return search.live(id);
    }

    @PostMapping("/articles")
    @Operation(summary = "Write a new article (DRAFT); handlers for their own unit, supervisors and admins for any")
    ResponseEntity<Article> create(@RequestBody ArticleInput body) {
        Article a = base.create(body, users.current());
        return ResponseEntity.created(URI.create("/api/v1/knowledge/articles/" + a.id() + "/draft")).body(a);
    }

    @GetMapping("/articles/{id}/draft")
    @Operation(summary = "The working copy (owning unit, supervisors, admins)")
    Article workingCopy(@PathVariable long id) {
        return base.workingCopy(id, users.current());
    }

    @PutMapping("/articles/{id}")
    @Operation(summary = "Revise the content: a new version in DRAFT; a published version stays live until the revision is published")
    Article revise(@PathVariable long id, @RequestBody ArticleInput body) {
        return base.revise(id, body, users.current());
    }

    @PostMapping("/articles/{id}/{step:submit|publish|reject|retire}")
    @Operation(summary = "Review steps: submit (owner), publish / reject (supervisor, admin; reject needs a reason), retire (needs a reason)")
    Article step(@PathVariable long id, @PathVariable String step, @RequestBody(required = false) StepRequest body) {
        StepRequest b = body == null ? new StepRequest(null, null) : body;
        var actor = users.current();
        return switch (step) {
            case "submit" -> base.submit(id, b.note(), actor);
            case "publish" -> base.publish(id, b.note(), actor);
            case "reject" -> base.reject(id, b.reason() != null ? b.reason() : b.note(), actor);
            default -> base.retire(id, b.reason() != null ? b.reason() : b.note(), actor);
        };
    }

    @GetMapping("/articles/{id}/history")
    @Operation(summary = "Every version and review step of an article, oldest first (append-only)")
    List<ArticleVersion> history(@PathVariable long id) {
        return base.history(id, users.current());
    }

    @GetMapping("/manage")
    @Operation(summary = "Articles to manage (working copies): a handler's own unit, any unit for supervisors and admins")
    List<Article> managed(@RequestParam(required = false) String unit, @RequestParam(required = false) ArticleStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10000) int page, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return base.managed(unit, status, size, page * size, users.current());
    }

    @PostMapping("/articles/{id}/answer")
    @Operation(summary = "Answer a consultation with this article: applies the order's answer action citing the article")
    Map<String, Object> answer(@PathVariable long id, @RequestBody AnswerRequest body) {
        if (body == null || body.orderId() == null) throw Problem.invalidField("orderId", "is required: the consultation answered");
        Article a = consultations.answerWith(id, body.orderId(), body.note(), users.current());
        return Map.of("orderId", body.orderId(), "articleId", a.id(), "title", a.title());
    }

    @PostMapping("/articles/{id}/flags")
    @Operation(summary = "Flag an article as OUTDATED, WRONG or OTHER (with a note); its owning unit is notified")
    ResponseEntity<ArticleFlag> flag(@PathVariable long id, @RequestBody FlagRequest body) {
        if (body == null) throw Problem.invalidField("reason", "is required: OUTDATED, WRONG or OTHER");
        return ResponseEntity.status(201).body(consultations.flag(id, body.reason(), body.note(), users.current()));
    }

    @PostMapping("/flags/{flagId}/resolve")
    @Operation(summary = "Resolve a flag (owning unit, supervisors, admins)")
    ResponseEntity<Void> resolve(@PathVariable long flagId) {
        consultations.resolveFlag(flagId, users.current());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/attention")
    @Operation(summary = "Open flags and expired articles: a handler's own unit, every unit for supervisors and admins")
    Consultations.Attention attention() {
        return consultations.attention(users.current());
    }

    @PostMapping("/index/rebuild")
    @Operation(summary = "Rebuild the search index from the database (admins)")
    Map<String, Object> rebuild() {
        return Map.of("indexed", search.rebuildIndex(users.current()));
    }

    record StepRequest(String note, String reason) {
    }

    record AnswerRequest(Long orderId, String note) {
    }

    record FlagRequest(ArticleFlag.Reason reason, String note) {
    }
}
