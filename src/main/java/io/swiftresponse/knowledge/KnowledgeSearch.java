package io.swiftresponse.knowledge;

import io.swiftresponse.directory.Directory;
import io.swiftresponse.directory.Unit;
import io.swiftresponse.knowledge.internal.BadQueryException;
import io.swiftresponse.knowledge.internal.SearchHit;
import io.swiftresponse.knowledge.internal.SearchQuery;
import io.swiftresponse.shared.web.Problem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Reading the knowledge base: search over live articles in force today (agents and the public see the same
 * articles; expired and retired ones are hidden), and one live article by id.
 */
@Service
public class KnowledgeSearch {

    public static final int MAX_QUERY_CHARS = 200;
    public static final int MAX_RESULTS = 50;
    private static final Pattern CATEGORY = Pattern.compile("\\d{2,16}");
    private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9-]{1,32}");

    private final KnowledgeIndexer indexer;
    private final ArticleRepository articles;
    private final Directory directory;
    private final Clock clock;

    KnowledgeSearch(KnowledgeIndexer indexer, ArticleRepository articles, Directory directory, Clock clock) {
        this.indexer = indexer;
        this.articles = articles;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Finds live articles in force today. {@code q} may use quotes for phrases, AND/OR/NOT, + and -, and
     * parentheses; a query that cannot be read is a 400 with a hint. Blank {@code q}: most used first.
     */
    public List<ArticleHit> search(String q, String category, String unit, int limit) {
        if (q != null && q.length() > MAX_QUERY_CHARS) {
            throw new Problem(HttpStatus.BAD_REQUEST, "query-too-long", "Query too long",
                    "q has " + q.length() + " characters; at most " + MAX_QUERY_CHARS + ": keep the words that matter (e.g. 暖气 不热)")
                    .with("field", "q").with("maxLength", MAX_QUERY_CHARS);
        }
        if (category != null && !CATEGORY.matcher(category).matches()) throw Problem.invalidField("category", "must be a category code (digits)");
        if (unit != null && !UNIT.matcher(unit).matches()) throw Problem.invalidField("unit", "must be a unit code");
        if (limit < 1 || limit > MAX_RESULTS) throw Problem.invalidField("limit", "must be between 1 and " + MAX_RESULTS);
        List<SearchHit> hits;
        try {
            hits = indexer.index().search(new SearchQuery(q, blankToNull(category), blankToNull(unit), today(), limit));
        } catch (BadQueryException e) {
            throw new Problem(HttpStatus.BAD_REQUEST, "bad-query", "The search words cannot be read", "q: " + e.getMessage())
                    .with("field", "q").with("hint", "plain words work best, e.g. 暖气 不热; phrases go in \"quotes\"");
        }
        return hits.stream().map(h -> new ArticleHit(h.id(), h.title(), h.unitCode(), unitName(h.unitCode()), h.categoryCodes(),
                h.passageHtml(), h.score(), h.usageCount(), h.effectiveFrom(), h.expiresOn())).toList();
    }

    /** A published article in force today, as agents and the public read it. */
    public Article live(long id) {
        return articles.live(id).stream().filter(a -> a.inForceOn(today())).findFirst()
                .orElseThrow(() -> Problem.notFound("Article " + id));
    }

    /** Throws the index away and builds it again from the live articles in the database; admins only. */
    public int rebuildIndex(io.swiftresponse.identity.CurrentUser actor) {
        if (!actor.is(io.swiftresponse.identity.Role.ADMIN)) throw Problem.forbidden("Only admins rebuild the knowledge index.");
        return indexer.rebuild();
    }

    public String unitName(String code) {
        return code == null ? null : directory.find(code).map(Unit::name).orElse(code);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
