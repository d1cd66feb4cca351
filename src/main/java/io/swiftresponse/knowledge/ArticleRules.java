package io.swiftresponse.knowledge;

import io.swiftresponse.directory.Directory;
import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.Role;
import io.swiftresponse.knowledge.internal.ArticleHtml;
import io.swiftresponse.shared.web.Problem;
import io.swiftresponse.taxonomy.Taxonomy;
import java.util.List;
import org.springframework.stereotype.Component;

/** Who may do what to an article, and what a valid article looks like. */
@Component
class ArticleRules {

    static final int MAX_BODY_CHARS = 100_000;
    static final int MAX_CATEGORIES = 10;

    private final Directory directory;
    private final Taxonomy taxonomy;

    ArticleRules(Directory directory, Taxonomy taxonomy) {
        this.directory = directory;
        this.taxonomy = taxonomy;
    }

    /** The hotline reviews, publishes and may edit any article. */
    static boolean isHotlineEditor(CurrentUser u) {
        return u.is(Role.SUPERVISOR) || u.is(Role.ADMIN);
    }

    /** Owning units edit their own articles; the hotline edits any. */
    static boolean mayEdit(CurrentUser u, String unitCode) {
        return isHotlineEditor(u) || (u.isHandler() && u.unitCode().equals(unitCode));
    }

    static void requireEditor(CurrentUser u, String unitCode) {
        if (!mayEdit(u, unitCode)) {
            throw Problem.forbidden("Only handlers of the owning unit " + unitCode + " or hotline supervisors and admins edit this article.");
        }
    }

    static void requireReviewer(CurrentUser u) {
        if (!isHotlineEditor(u)) throw Problem.forbidden("Only hotline supervisors and admins review and publish articles.");
    }

    /** The owning unit of a new article: a handler's own unit; the hotline names one. */
    String owningUnit(ArticleInput in, CurrentUser u) {
        if (u.isHandler()) {
            if (in.unitCode() != null && !in.unitCode().equals(u.unitCode())) {
                throw Problem.forbidden("A handler writes articles for their own unit " + u.unitCode() + " only.");
            }
            return u.unitCode();
        }
        if (!isHotlineEditor(u)) throw Problem.forbidden("Only handlers of a unit and hotline supervisors and admins write articles.");
        if (in.unitCode() == null || in.unitCode().isBlank()) throw Problem.invalidField("unitCode", "is required: the unit that owns the article");
        if (directory.find(in.unitCode()).isEmpty()) throw Problem.invalidField("unitCode", "unknown unit '" + in.unitCode() + "'");
        return in.unitCode();
    }

    /** Checks the content and returns the sanitised body. */
    String validate(ArticleInput in) {
        if (in.title() == null || in.title().isBlank()) throw Problem.invalidField("title", "is required");
        if (in.title().strip().length() > 200) throw Problem.invalidField("title", "at most 200 characters");
        if (in.body() == null || in.body().isBlank()) throw Problem.invalidField("body", "is required");
        if (in.body().length() > MAX_BODY_CHARS) throw Problem.invalidField("body", "at most " + MAX_BODY_CHARS + " characters");
        String body = ArticleHtml.sanitize(in.body());
        if (ArticleHtml.text(body).isBlank()) {
            throw Problem.invalidField("body", "has no text left after removing markup that is not allowed (allowed: headings, paragraphs, lists, tables, links)");
        }
        List<String> cats = in.categoryCodes() == null ? List.of() : in.categoryCodes();
        if (cats.size() > MAX_CATEGORIES) throw Problem.invalidField("categoryCodes", "at most " + MAX_CATEGORIES + " categories");
        for (String c : cats) {
            if (c == null || taxonomy.category(c).isEmpty()) throw Problem.invalidField("categoryCodes", "unknown category '" + c + "'");
        }
        if (in.keywords() != null && in.keywords().length() > 500) throw Problem.invalidField("keywords", "at most 500 characters");
        if (in.synonyms() != null && in.synonyms().length() > 1000) throw Problem.invalidField("synonyms", "at most 1000 characters");
        if (in.effectiveFrom() == null) throw Problem.invalidField("effectiveFrom", "is required: the first day the article applies (YYYY-MM-DD)");
        if (in.expiresOn() != null && in.expiresOn().isBefore(in.effectiveFrom())) {
            throw Problem.invalidField("expiresOn", "must not be before effectiveFrom");
        }
        if (in.note() != null && in.note().length() > 1000) throw Problem.invalidField("note", "at most 1000 characters");
        return body;
    }

    /** The input with defaults filled in, as it is stored. */
    static ArticleInput normalised(ArticleInput in) {
        return new ArticleInput(in.title().strip(), in.body(), in.unitCode(),
                in.categoryCodes() == null ? List.of() : List.copyOf(in.categoryCodes()), in.keywords(), in.synonyms(),
                in.effectiveFrom(), in.expiresOn(), in.note());
    }
}
