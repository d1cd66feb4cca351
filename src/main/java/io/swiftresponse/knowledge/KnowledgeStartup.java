package io.swiftresponse.knowledge;

import io.swiftresponse.shared.DemoMode;
import io.swiftresponse.shared.DemoSeed;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Before requests arrive: seeds the demo articles (demo mode, no article yet) as published, then brings the
 * search index up to date with the database (rebuilt when they disagree, e.g. a fresh data folder).
 */
@Component
class KnowledgeStartup implements DemoSeed {

    static final String DEMO_ARTICLES = "/demo/knowledge/articles.json";

    private final DemoMode demo;
    private final ArticleRepository articles;
    private final KnowledgeIndexer indexer;
    private final TransactionTemplate tx;
    private final Clock clock;

    KnowledgeStartup(DemoMode demo, ArticleRepository articles, KnowledgeIndexer indexer, TransactionTemplate tx, Clock clock) {
        this.demo = demo;
        this.articles = articles;
        this.indexer = indexer;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public int order() {
        // after units (10) and categories (20): articles reference both
        return 70;
    }

    @Override
    public void seed() throws Exception {
        if (demo.enabled() && articles.count() == 0) {
            List<DemoArticle> demoArticles;
            try (InputStream in = getClass().getResourceAsStream(DEMO_ARTICLES)) {
                if (in == null) throw new IllegalStateException(DEMO_ARTICLES + " is missing from the classpath");
                demoArticles = JsonMapper.builder().build().readValue(in, new TypeReference<List<DemoArticle>>() { });
            }
            tx.executeWithoutResult(s -> demoArticles.forEach(this::publish));
        }
        indexer.rebuildIfStale();
    }

    private void publish(DemoArticle d) {
        Instant now = clock.instant();
        ArticleInput in = new ArticleInput(d.title(), d.body(), d.unit(), d.categories(), d.keywords(), d.synonyms(),
                d.effectiveFrom(), d.expiresOn(), null);
        long id = articles.insert(in, io.swiftresponse.knowledge.internal.ArticleHtml.sanitize(d.body()), d.unit(), "demo", now);
        articles.appendVersion(id, "create", "demo", "ADMIN", now, "demo content");
        articles.updateStatus(id, ArticleStatus.PUBLISHED, true, false, now);
        articles.appendVersion(id, "publish", "demo", "ADMIN", now, "demo content");
    }

    /** One article of the demo file. */
    record DemoArticle(String title, String unit, List<String> categories, String keywords, String synonyms,
            LocalDate effectiveFrom, LocalDate expiresOn, String body) {
    }
}
