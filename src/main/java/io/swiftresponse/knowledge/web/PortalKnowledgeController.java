package io.swiftresponse.knowledge.web;

import io.swiftresponse.knowledge.ArticleHit;
import io.swiftresponse.knowledge.KnowledgeSearch;
import io.swiftresponse.shared.web.Problem;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The citizen portal's knowledge pages: search and read published articles, no login, phone-sized. */
@Controller
class PortalKnowledgeController {

    private final KnowledgeSearch search;

    PortalKnowledgeController(KnowledgeSearch search) {
        this.search = search;
    }

    @GetMapping("/portal/knowledge")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
            @RequestParam(required = false) String lang, Model model, HttpServletResponse response) {
        model.addAttribute("t", KnowledgeLabels.of(lang));
        model.addAttribute("lang", KnowledgeLabels.english(lang) ? "en" : "zh-CN");
        model.addAttribute("q", q == null ? "" : q);
        List<ArticleHit> hits = List.of();
        try {
            hits = search.search(q, category, null, 20);
        } catch (Problem p) {
            // the page stays usable: the reason is shown above the search box
            response.setStatus(p.status().value());
            model.addAttribute("error", p.getMessage());
        }
        model.addAttribute("hits", hits);
        return "knowledge/portal-list";
    }

    @GetMapping("/portal/knowledge/{id}")
    String read(@PathVariable long id, @RequestParam(required = false) String lang, Model model) {
        var a = search.live(id);
        model.addAttribute("t", KnowledgeLabels.of(lang));
        model.addAttribute("lang", KnowledgeLabels.english(lang) ? "en" : "zh-CN");
        model.addAttribute("article", a);
        model.addAttribute("unitName", search.unitName(a.unitCode()));
        return "knowledge/portal-article";
    }
}
