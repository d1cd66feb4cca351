package io.swiftresponse.knowledge.web;

import io.swiftresponse.identity.CurrentUsers;
import io.swiftresponse.knowledge.ArticleFlag;
import io.swiftresponse.knowledge.ArticleHit;
import io.swiftresponse.knowledge.Consultations;
import io.swiftresponse.knowledge.KnowledgeSearch;
import io.swiftresponse.shared.web.Problem;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * htmx fragments for the agent workbench: the top articles for what the caller is asking (with the passage that
 * matched), "answered with this article" on the order being recorded, and "flag as outdated / wrong". Include with
 * {@code <div hx-get="/knowledge/assist" hx-trigger="keyup changed delay:300ms from:#question" hx-include="#question,#orderId">}.
 * Failures come back as a short message in the fragment (status 200) so htmx always shows them.
 */
@Controller
class AssistController {

    private final KnowledgeSearch search;
    private final Consultations consultations;
    private final CurrentUsers users;

    AssistController(KnowledgeSearch search, Consultations consultations, CurrentUsers users) {
        this.search = search;
        this.consultations = consultations;
        this.users = users;
    }

    @GetMapping("/knowledge/assist")
    String assist(@RequestParam(required = false) String q, @RequestParam(required = false) Long orderId,
            @RequestParam(required = false) String category, @RequestParam(required = false) String lang, Model model) {
        users.current();
        model.addAttribute("t", KnowledgeLabels.of(lang));
        model.addAttribute("orderId", orderId);
        List<ArticleHit> hits = List.of();
        if (q != null && !q.isBlank()) {
            try {
                hits = search.search(q, category, null, 5);
            } catch (Problem p) {
                model.addAttribute("error", p.getMessage());
            }
        }
        model.addAttribute("q", q);
        model.addAttribute("hits", hits);
        return "knowledge/assist :: assist";
    }

    @PostMapping("/knowledge/assist/answer")
    String answer(@RequestParam long articleId, @RequestParam long orderId, @RequestParam(required = false) String lang, Model model) {
        var t = KnowledgeLabels.of(lang);
        model.addAttribute("t", t);
        try {
            var a = consultations.answerWith(articleId, orderId, null, users.current());
            model.addAttribute("message", t.get("answered") + "《" + a.title() + "》");
        } catch (Problem p) {
            model.addAttribute("error", t.get("failed") + ": " + p.getMessage());
        }
        return "knowledge/assist :: message";
    }

    @PostMapping("/knowledge/assist/flag")
    String flag(@RequestParam long articleId, @RequestParam ArticleFlag.Reason reason, @RequestParam(required = false) String note,
            @RequestParam(required = false) String lang, Model model) {
        var t = KnowledgeLabels.of(lang);
        model.addAttribute("t", t);
        try {
            consultations.flag(articleId, reason, note, users.current());
            model.addAttribute("message", t.get("flagged"));
        } catch (Problem p) {
            model.addAttribute("error", t.get("failed") + ": " + p.getMessage());
        }
        return "knowledge/assist :: message";
    }
}
